import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { GroupCommit } from '../../src/lib/platform/server/group-commit';
import { learningEvents } from '../../db/schema';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const event = (userId: string, subject: string) => ({ userId, type: 'module.viewed' as const, subject, at: new Date() });

describe('group commit', () => {
  it('lets the event loop serve other requests between the commits of a long burst', async () => {
    const user = await insertUser(t.db);
    const queue = new GroupCommit(t.db);
    const order: string[] = [];
    // 500 units: three commits of at most 200. Something waiting for the event loop (a read
    // request, a timer) must not wait for the whole burst.
    const burst = Array.from({ length: 500 }, (_, i) => queue.run((tx) => tx.insert(learningEvents).values(event(user.id, `b${i}`))).then(() => order.push(`unit ${i}`)));
    setTimeout(() => setImmediate(() => order.push('other work')), 0);
    await Promise.all(burst);
    const other = order.indexOf('other work');
    expect(other).toBeGreaterThan(-1);
    expect(other).toBeLessThan(order.length - 1);
  });

  it('stores every unit of a concurrent burst and hands each its own result', async () => {
    const user = await insertUser(t.db);
    const queue = new GroupCommit(t.db);
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => queue.run(async (tx) => (await tx.insert(learningEvents).values(event(user.id, `m${i}`)).returning())[0]!.subject)),
    );
    expect(results).toEqual(Array.from({ length: 120 }, (_, i) => `m${i}`));
    expect(await t.db.$count(learningEvents)).toBe(120);
  });

  it('rolls back and rejects only the unit that fails; the others in its transaction land', async () => {
    const user = await insertUser(t.db);
    const queue = new GroupCommit(t.db);
    const outcomes = await Promise.allSettled([
      queue.run((tx) => tx.insert(learningEvents).values(event(user.id, 'first'))),
      queue.run(async (tx) => {
        await tx.insert(learningEvents).values(event(user.id, 'half-written'));
        await tx.insert(learningEvents).values(event('no-such-user', 'breaks the foreign key'));
      }),
      queue.run((tx) => tx.insert(learningEvents).values(event(user.id, 'last'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const subjects = (await t.db.select({ subject: learningEvents.subject }).from(learningEvents)).map((r) => r.subject);
    expect(subjects.sort()).toEqual(['first', 'last']);
  });

  it('acknowledges a unit only once another connection can read it', async () => {
    const user = await insertUser(t.db);
    const queue = new GroupCommit(t.db);
    const other = createClient({ url: `file:${t.path}` });
    try {
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await queue.run((tx) => tx.insert(learningEvents).values(event(user.id, `seen-${i}`)));
          const row = await other.execute({ sql: 'SELECT count(*) AS n FROM learning_events WHERE subject = ?', args: [`seen-${i}`] });
          expect(Number(row.rows[0]!.n)).toBe(1);
        }),
      );
    } finally {
      other.close();
    }
  });
});
