import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join, dirname } from 'node:path';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { backupDatabase, restoreDatabase } from '../../src/lib/platform/server/backup';
import { openDatabase } from '../../src/lib/platform/server/db';
import { recordQuizAttempt } from '../../src/lib/quiz/server/attempts';

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
});
