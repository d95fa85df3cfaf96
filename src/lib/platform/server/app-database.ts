import { openDatabase, type Database } from './db';
import { migrateDatabase } from './migrations';
import { readServerEnv } from './env';

let opened: Promise<Database> | undefined;

/**
 * The running server's database, opened and migrated on first use. This is the one module-level
 * handle in the app; everything below it takes the handle as an argument so tests can pass their own.
 */
export function getAppDatabase(): Promise<Database> {
  opened ??= (async () => {
    const env = readServerEnv();
    const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
    await migrateDatabase(db, { log: (line) => console.log(line) });
    return db;
  })();
  const opening = opened;
  opening.catch(() => {
    if (opened === opening) opened = undefined;
  });
  return opening;
}
