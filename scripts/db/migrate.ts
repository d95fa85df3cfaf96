/** `npm run db:migrate`: applies pending migrations, listing each. */
import { openDatabase } from '../../src/lib/platform/server/db';
import { migrateDatabase } from '../../src/lib/platform/server/migrations';
import { readServerEnv } from '../../src/lib/platform/server/env';

const env = readServerEnv();
const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
console.log(`Migrating ${env.DATABASE_URL}…`);
const applied = await migrateDatabase(db, { log: console.log });
console.log(applied === 0 ? 'Already up to date.' : `Applied ${applied} migration(s).`);
db.$client.close();
