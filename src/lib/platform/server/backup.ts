/**
 * Consistent snapshots of an embedded database and their restoration, both safe while the server
 * runs: VACUUM INTO reads one transaction-consistent view, and a restore replaces every table's
 * rows in a single write transaction, so readers see either the old data or the restored data.
 */
import { createClient } from '@libsql/client';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from './db';
import { migrateDatabase } from './migrations';
import { eraseWithin } from '../../personal-data/server/erase';

function requireEmbedded(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error('db:backup and db:restore work on an embedded database (file: URL). For a libSQL server or Turso, use its own backups (e.g. point-in-time restore).');
  }
  return url.slice('file:'.length);
}

export async function backupDatabase(db: Database, targetPath: string): Promise<{ path: string; bytes: number }> {
  const path = resolve(targetPath);
  if (existsSync(path)) throw new Error(`${path} already exists; choose a new file name so no backup is overwritten.`);
  await db.$client.execute({ sql: 'VACUUM INTO ?', args: [path] });
  return { path, bytes: statSync(path).size };
}

/**
 * The database's own tables, every table after the tables its foreign keys point at (read from
 * the schema itself, so a table added later restores in the right order without being listed).
 */
async function userTables(url: string): Promise<string[]> {
  const client = createClient({ url });
  try {
    const rows = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    );
    const names = rows.rows.map((r) => String(r.name));
    const parents = new Map<string, string[]>();
    for (const name of names) {
      const keys = await client.execute(`PRAGMA foreign_key_list("${name}")`);
      parents.set(name, [...new Set(keys.rows.map((k) => String(k.table)))].filter((t) => t !== name && names.includes(t)));
    }
    const ordered: string[] = [];
    const visit = (name: string, path: Set<string>) => {
      if (ordered.includes(name) || path.has(name)) return;
      path.add(name);
      for (const parent of parents.get(name) ?? []) visit(parent, path);
      path.delete(name);
      ordered.push(name);
    };
    for (const name of names) visit(name, new Set());
    return ordered;
  } finally {
    client.close();
  }
}

/**
 * Replaces the contents of the database at `url` with the backup at `backupPath`. The backup is
 * first copied and migrated, so a snapshot taken before a schema change restores into today's schema.
 */
export async function restoreDatabase(url: string, backupPath: string, log: (line: string) => void = () => {}): Promise<void> {
  requireEmbedded(url);
  const source = resolve(backupPath);
  if (!existsSync(source)) throw new Error(`No backup at ${source}.`);
  const workDir = mkdtempSync(join(tmpdir(), 'academy-restore-'));
  const staged = join(workDir, 'staged.db');
  try {
    copyFileSync(source, staged);
    log('  1/3 bringing the backup to the current schema');
    const stagedDb = await openDatabase({ url: `file:${staged}` });
    await migrateDatabase(stagedDb);
    const integrity = await stagedDb.$client.execute('PRAGMA integrity_check');
    stagedDb.$client.close();
    if (integrity.rows[0]?.integrity_check !== 'ok') throw new Error(`The backup ${source} is damaged (integrity check failed); nothing was restored.`);

    const tables = await userTables(`file:${staged}`);
    // One connection: ATTACH and the transaction must share it.
    const client = createClient({ url, concurrency: 1, timeout: 30_000 });
    try {
      await client.execute({ sql: 'ATTACH DATABASE ? AS backup', args: [staged] });
      log(`  2/3 replacing ${tables.length} tables in one transaction`);
      // With one connection in the pool, the transaction runs where the backup is attached.
      const tx = await client.transaction('write');
      try {
        // Erasures made since the backup was taken must survive it: the ledger is read before the
        // tables are replaced, and every erasure in it is applied again to the restored rows.
        const hasLedger = (await tx.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'erasures'")).rows.length > 0;
        const ledger = (hasLedger ? (await tx.execute('SELECT user_id, erased_at FROM main.erasures')).rows : []).map((r) => ({ userId: String(r.user_id), at: Number(r.erased_at) }));
        // Empty everything, children first, before refilling: a user's deletion would cascade.
        for (const table of [...tables].reverse()) await tx.execute(`DELETE FROM main."${table}"`);
        for (const table of tables) await tx.execute(`INSERT INTO main."${table}" SELECT * FROM backup."${table}"`);
        const reapplied: string[] = [];
        for (const entry of hasLedger ? ledger : []) {
          await tx.execute({ sql: 'INSERT INTO main.erasures (user_id, erased_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING', args: [entry.userId, entry.at] });
          const restored = await tx.execute({ sql: "SELECT 1 FROM main.users WHERE id = ? AND email NOT LIKE 'erased-%@erased.invalid'", args: [entry.userId] });
          if (restored.rows.length === 0) continue;
          const outcome = await eraseWithin(tx, entry.userId, { actorId: null, reason: 'restore', now: new Date() }, { reapply: true });
          if (outcome.ok) reapplied.push(entry.userId);
        }
        await tx.commit();
        // Ids only: the ledger, and this report, never name anyone.
        if (reapplied.length > 0) log(`  re-applied ${reapplied.length} erasure(s) made after this backup was taken: ${reapplied.join(', ')}`);
      } catch (error) {
        await tx.rollback();
        throw error;
      } finally {
        tx.close();
      }
      await client.execute('DETACH DATABASE backup');
      log('  3/3 done');
    } finally {
      client.close();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
