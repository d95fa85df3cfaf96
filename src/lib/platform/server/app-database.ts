import { openDatabase, type Database } from './db';
import { migrateDatabase } from './migrations';
import { readServerEnv } from './env';

// Kept on globalThis because the production server (scripts/server.ts) and Astro's bundle each
// load their own copy of this module; both must share one connection pool.
const slot = Symbol.for('sales-academy.app-database');
const holder = globalThis as typeof globalThis & { [slot]?: Promise<Database> };

/**
 * The running server's database, opened and migrated on first use. This is the one module-level
 * handle in the app; everything below it takes the handle as an argument so tests can pass their own.
 */
export function getAppDatabase(): Promise<Database> {
  holder[slot] ??= (async () => {
    const env = readServerEnv();
    const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
    await migrateDatabase(db, { log: (line) => console.log(line) });
    return db;
  })();
  const opening = holder[slot];
  opening.catch(() => {
    if (holder[slot] === opening) delete holder[slot];
  });
  return opening;
}
