/** `npm run db:restore -- <file>`: replaces the database's contents with a backup. */
import { readServerEnv } from '../../src/lib/platform/server/env';
import { restoreDatabase } from '../../src/lib/platform/server/backup';

const env = readServerEnv();
const file = process.argv[2];
if (!file) {
  console.error('Name the backup to restore: npm run db:restore -- backups/academy-….db');
  process.exit(1);
}
try {
  console.log(`Restoring ${file} into ${env.DATABASE_URL}…`);
  await restoreDatabase(env.DATABASE_URL, file, console.log);
  console.log('Restored. Signed-in people keep their sessions only if those existed in the backup.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
