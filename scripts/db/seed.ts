/** `npm run db:seed`: adds the demo organisation to an empty database. */
import { openDatabase } from '../../src/lib/platform/server/db';
import { migrateDatabase } from '../../src/lib/platform/server/migrations';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { seedDemoOrganisation } from './seed-demo';

const env = readServerEnv();
const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
console.log(`Database: ${env.DATABASE_URL}`);
await migrateDatabase(db, { log: console.log });
try {
  console.log('Seeding the demo organisation…');
  await seedDemoOrganisation(db, { log: console.log });
  console.log('Done. Log in with any demo account listed in the README.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
db.$client.close();
