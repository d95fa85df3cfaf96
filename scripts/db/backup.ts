/** `npm run db:backup [file]`: a consistent snapshot of the running database. */
import { openDatabase } from '../../src/lib/platform/server/db';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { backupDatabase } from '../../src/lib/platform/server/backup';

const env = readServerEnv();
const target = process.argv[2] ?? `backups/academy-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
try {
  if (!env.DATABASE_URL.startsWith('file:')) throw new Error('db:backup works on an embedded database (file: URL); for a libSQL server use its own backups.');
  const { mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(target), { recursive: true });
  const db = await openDatabase({ url: env.DATABASE_URL });
  console.log(`Backing up ${env.DATABASE_URL}…`);
  const { path, bytes } = await backupDatabase(db, target);
  console.log(`Backup written: ${path} (${(bytes / 1024 / 1024).toFixed(1)} MiB). Restore it with: npm run db:restore -- ${path}`);
  db.$client.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
