import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join, dirname } from 'node:path';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { backupDatabase, restoreDatabase } from '../../src/lib/platform/server/backup';
import { openDatabase } from '../../src/lib/platform/server/db';
import { recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { eq } from 'drizzle-orm';
import { erasures, quizAttempts, users } from '../../db/schema';
import { setActive } from '../../src/lib/people/server/admin-users';
import { erasePerson } from '../../src/lib/personal-data/server/erase';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const result = { score: 1, maxScore: 1, percent: 100, passed: true, passPercent: 70, questions: [] };

async function snapshotOf(url: string) {
  const db = await openDatabase({ url });
  const attempts = await db.$client.execute('SELECT id, user_id, percent FROM quiz_attempts ORDER BY id');
  const events = await db.$client.execute("SELECT count(*) AS n FROM learning_events WHERE type = 'quiz.submitted'");
  const integrity = await db.$client.execute('PRAGMA integrity_check');
  db.$client.close();
  return { attempts: attempts.rows.map((r) => ({ ...r })), events: Number(events.rows[0]!.n), integrity: integrity.rows[0]!.integrity_check };
}

describe('backup and restore', () => {
  it('takes a consistent snapshot under write load and restores it exactly', async () => {
    const user = await insertUser(t.db);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await recordQuizAttempt(t.db, { userId: user.id, quizId: 'q', answers: {}, result, startedAt: new Date(), finishedAt: new Date() });
        written++;
        // The embedded client answers synchronously; yield so the rest of the test gets a turn.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    const backupPath = join(dirname(t.path), 'backup.db');
    await backupDatabase(t.db, backupPath);
    while (written < 60) await new Promise((r) => setTimeout(r, 5));
    writing = false;
    await writer;

    const backup = await snapshotOf(`file:${backupPath}`);
    expect(backup.integrity).toBe('ok');
    expect(backup.attempts.length).toBeGreaterThanOrEqual(20);
    expect(backup.attempts.length).toBeLessThan(written);
    // Each attempt and its event are one transaction: a snapshot never holds one without the other.
    expect(backup.events).toBe(backup.attempts.length);

    const lines: string[] = [];
    await restoreDatabase(`file:${t.path}`, backupPath, (l) => lines.push(l));
    expect(await snapshotOf(`file:${t.path}`)).toEqual(backup);
    expect(lines.length).toBe(3);
  });

  it('restores a seeded organisation with teams and managers', async () => {
    const { seedDemoOrganisation } = await import('../../scripts/db/seed-demo');
    await seedDemoOrganisation(t.db);
    const backupPath = join(dirname(t.path), 'seeded.db');
    await backupDatabase(t.db, backupPath);
    await t.db.$client.execute('DELETE FROM module_completions');
    await restoreDatabase(`file:${t.path}`, backupPath);
    const counts = await t.db.$client.execute('SELECT (SELECT count(*) FROM teams) AS teams, (SELECT count(*) FROM module_completions) AS done');
    expect(Number(counts.rows[0]!.teams)).toBeGreaterThan(0);
    expect(Number(counts.rows[0]!.done)).toBeGreaterThan(0);
  });

  it('refuses to overwrite an existing backup and to restore a missing one', async () => {
    const backupPath = join(dirname(t.path), 'b.db');
    await backupDatabase(t.db, backupPath);
    await expect(backupDatabase(t.db, backupPath)).rejects.toThrow(/already exists/);
    await expect(restoreDatabase(`file:${t.path}`, join(dirname(t.path), 'missing.db'))).rejects.toThrow(/No backup/);
  });

  it('re-applies erasures made after a backup was taken when it is restored, and says so', async () => {
    const admin = await insertUser(t.db, { role: 'admin', email: 'admin@test.academy' });
    const person = await insertUser(t.db, { name: '张三丰', email: 'zhang.sanfeng@test.academy' });
    const words = '客户说预算只有十二万';
    await recordQuizAttempt(t.db, { userId: person.id, quizId: 'q', answers: { q1: words, q2: 'option-b' }, result, startedAt: new Date(), finishedAt: new Date() });
    const backupPath = join(dirname(t.path), 'before-erasure.db');
    await backupDatabase(t.db, backupPath);
    // After the backup: the person leaves and is erased.
    await setActive(t.db, admin.id, person.id, false, new Date());
    expect((await erasePerson(t.db, person.id, { actorId: admin.id, reason: 'admin', now: new Date() })).ok).toBe(true);

    const lines: string[] = [];
    await restoreDatabase(`file:${t.path}`, backupPath, (l) => lines.push(l));
    expect(lines).toContain(`  re-applied 1 erasure(s) made after this backup was taken: ${person.id}`);
    const restored = (await t.db.select().from(users).where(eq(users.id, person.id)).get())!;
    expect(restored.name).toMatch(/^已删除的人员 #[0-9a-f]{4} \/ Erased person #[0-9a-f]{4}$/);
    expect(restored.active).toBe(false);
    const dump = JSON.stringify([(await t.db.$client.execute('SELECT * FROM users')).rows, (await t.db.$client.execute('SELECT * FROM quiz_attempts')).rows, (await t.db.$client.execute('SELECT * FROM audit_log')).rows]);
    expect(dump).not.toContain('张三丰');
    expect(dump).not.toContain('zhang.sanfeng');
    expect(dump).not.toContain(words);
    // The ledger survives the restore, and the attempt from the backup is back, scores intact.
    expect(await t.db.select({ userId: erasures.userId }).from(erasures)).toEqual([{ userId: person.id }]);
    expect(await t.db.select({ percent: quizAttempts.percent, answers: quizAttempts.answers }).from(quizAttempts)).toEqual([{ percent: 100, answers: { q1: null, q2: 'option-b' } }]);
    // A second restore of the same backup erases again and says so again; nothing leaks in between.
    const again: string[] = [];
    await restoreDatabase(`file:${t.path}`, backupPath, (l) => again.push(l));
    expect(again.some((l) => l.includes('re-applied 1 erasure(s)'))).toBe(true);
  });
});
