import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { migrateDatabase, pendingMigrations } from '../../src/lib/platform/server/migrations';
import { moduleCompletions } from '../../db/schema';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

describe('database', () => {
  it('runs in WAL mode with foreign keys enforced', async () => {
    expect((await t.db.$client.execute('PRAGMA journal_mode')).rows[0]).toMatchObject({ journal_mode: 'wal' });
    await expect(
      t.db.insert(moduleCompletions).values({ userId: 'no-such-user', moduleId: 'c/m', completedAt: new Date() }),
    ).rejects.toThrow();
  });

  it('commits with synchronous = FULL on every pooled connection', async () => {
    // Open transactions each hold a connection, so every PRAGMA below runs on a different one.
    const held = [];
    const modes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const tx = await t.db.$client.transaction('read');
      held.push(tx);
      modes.push(Number((await tx.execute('PRAGMA synchronous')).rows[0]!.synchronous));
    }
    held.forEach((tx) => tx.close());
    expect(modes).toEqual([2, 2, 2, 2]);
  });

  it('has no pending migrations after migrating, and migrating again changes nothing', async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect(await migrateDatabase(t.db)).toBe(0);
  });

  it('rolls back a transaction that fails half-way', async () => {
    const user = await insertUser(t.db);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(moduleCompletions).values({ userId: user.id, moduleId: 'c/one', completedAt: new Date() });
        await tx.insert(moduleCompletions).values({ userId: 'missing', moduleId: 'c/two', completedAt: new Date() });
      }),
    ).rejects.toThrow();
    expect(await t.db.select().from(moduleCompletions).all()).toHaveLength(0);
  });
});
