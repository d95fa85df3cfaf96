/** `npm run db:migrate`: applies pending migrations, listing each. */
import { openDatabase } from '../src/lib/server/db';
import { migrateDatabase } from '../src/lib/server/migrations';
import { readServerEnv } from '../src/lib/server/env';

const env = readServerEnv();
const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
console.log(`Migrating ${env.DATABASE_URL}…`);
const applied = await migrateDatabase(db, { log: console.log });
console.log(applied === 0 ? 'Already up to date.' : `Applied ${applied} migration(s).`);
db.$client.close();
