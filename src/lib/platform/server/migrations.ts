import { migrate } from 'drizzle-orm/libsql/migrator';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from './db';

export const defaultMigrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'db/migrations');

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** Applied migration timestamps, as drizzle records them. Empty on a new database. */
async function appliedMigrationTimes(db: Database): Promise<Set<number>> {
  const table = await db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
  );
  if (table.rows.length === 0) return new Set();
  const rows = await db.$client.execute('SELECT created_at FROM __drizzle_migrations');
  return new Set(rows.rows.map((r) => Number(r.created_at)));
}

/** Lists the migrations the database has not had yet, in order. */
export async function pendingMigrations(db: Database, folder = defaultMigrationsFolder): Promise<string[]> {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const applied = await appliedMigrationTimes(db);
  return journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
}

/**
 * Brings the schema up to date. Reports each pending migration through `log` so a long upgrade is
 * visibly moving; drizzle applies them all in one transaction, so a failure leaves nothing half-done.
 */
export async function migrateDatabase(
  db: Database,
  { folder = defaultMigrationsFolder, log = (_line: string) => {} } = {},
): Promise<number> {
  const pending = await pendingMigrations(db, folder);
  if (pending.length === 0) return 0;
  pending.forEach((tag, i) => log(`  migration ${i + 1}/${pending.length}: ${tag}`));
  try {
    await migrate(db, { migrationsFolder: folder });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Migrating the database failed (${reason}). Nothing was changed; check DATABASE_URL points at a Sales Academy database and that db/migrations is intact.`,
    );
  }
  return pending.length;
}
