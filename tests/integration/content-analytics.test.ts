import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { exerciseAttempts, learningEvents, quizAttempts } from '../../db/schema';
import { exerciseDistributions, moduleTallies, quizQuestionTallies, quizOverview } from '../../src/lib/analytics/server/tallies';
import { completeModule, recordModuleView } from '../../src/lib/learning-records/server/progress';
import { moduleStats } from '../../src/lib/analytics/module-funnel';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, 0) + minutes * 60_000);

async function attempt(userId: string, quizId: string, result: { questionId: string; correct: boolean; chosen: string[] }[]) {
  const score = result.filter((q) => q.correct).length;
  await t.db.insert(quizAttempts).values({
    id: crypto.randomUUID(),
    userId,
    quizId,
    answers: {},
    result,
    score,
    maxScore: result.length,
    percent: (score / result.length) * 100,
    passed: score === result.length,
    startedAt: at(0),
    finishedAt: at(5),
  });
}

describe('quiz question tallies', () => {
  it('counts answers, right answers and wrong choices per question from the stored results', async () => {
    const a = await insertUser(t.db);
    const b = await insertUser(t.db);
    await attempt(a.id, 'q1', [
      { questionId: 'pick', correct: false, chosen: ['c'] },
      { questionId: 'many', correct: false, chosen: ['a', 'x'] },
    ]);
    await attempt(a.id, 'q1', [
      { questionId: 'pick', correct: true, chosen: ['b'] },
      { questionId: 'many', correct: true, chosen: ['a', 'b'] },
    ]);
    await attempt(b.id, 'q1', [
      { questionId: 'pick', correct: false, chosen: ['c'] },
      { questionId: 'many', correct: false, chosen: [] },
    ]);
    await attempt(b.id, 'other', [{ questionId: 'pick', correct: false, chosen: ['z'] }]);

    const { tallies, wrongChoices } = await quizQuestionTallies(t.db, 'q1');
    expect(tallies.sort((x, y) => x.questionId.localeCompare(y.questionId))).toEqual([
      { questionId: 'many', attempts: 3, correct: 1 },
      { questionId: 'pick', attempts: 3, correct: 1 },
    ]);
    expect(wrongChoices.sort((x, y) => (x.questionId + x.optionId).localeCompare(y.questionId + y.optionId))).toEqual([
      { questionId: 'many', optionId: 'a', count: 1 },
      { questionId: 'many', optionId: 'x', count: 1 },
      { questionId: 'pick', optionId: 'c', count: 2 },
    ]);
    const overview = await quizOverview(t.db);
    expect(overview.find((o) => o.quizId === 'q1')).toEqual({ quizId: 'q1', attempts: 3, meanPercent: 33.3, passed: 1 });
  });

  it('returns counts only: no user id appears in any analytics result', async () => {
    const a = await insertUser(t.db);
    await attempt(a.id, 'q1', [{ questionId: 'pick', correct: false, chosen: ['c'] }]);
    await recordModuleView(t.db, a.id, 'c/m', at(0));
    await completeModule(t.db, a.id, 'c/m', at(30));
    const everything = JSON.stringify([await quizQuestionTallies(t.db, 'q1'), await moduleTallies(t.db), await quizOverview(t.db)]);
    expect(everything).not.toContain(a.id);
    expect(everything).not.toContain(a.email);
  });
});

describe('module views and completions', () => {
  it('records a module view once per person and module, however often the page is opened', async () => {
    const a = await insertUser(t.db);
    expect(await recordModuleView(t.db, a.id, 'c/m', at(0))).toBe(true);
    expect(await recordModuleView(t.db, a.id, 'c/m', at(10))).toBe(false);
    await Promise.all([recordModuleView(t.db, a.id, 'c/n', at(1)), recordModuleView(t.db, a.id, 'c/n', at(1))]);
    const views = await t.db
      .select()
      .from(learningEvents)
      .where(and(eq(learningEvents.userId, a.id), eq(learningEvents.type, 'module.viewed')))
      .all();
    expect(views.map((v) => [v.subject, v.at.getTime()]).sort()).toEqual([
      ['c/m', at(0).getTime()],
      ['c/n', at(1).getTime()],
    ]);
  });

  it('gives started, completed and the median time from first view to completion', async () => {
    const [a, b, c, d] = await Promise.all([insertUser(t.db), insertUser(t.db), insertUser(t.db), insertUser(t.db)]);
    await recordModuleView(t.db, a.id, 'c/m', at(0));
    await completeModule(t.db, a.id, 'c/m', at(10));
    await recordModuleView(t.db, b.id, 'c/m', at(0));
    await completeModule(t.db, b.id, 'c/m', at(30));
    await recordModuleView(t.db, c.id, 'c/m', at(0));
    await completeModule(t.db, d.id, 'c/m', at(60));
    const tally = (await moduleTallies(t.db)).find((m) => m.moduleId === 'c/m')!;
    // 10 and 30 minutes: the median is 20 minutes, each counted at the middle of its minute.
    expect(moduleStats(tally)).toMatchObject({ started: 4, completed: 3, medianMs: 20.5 * 60_000, timedCompletions: 2 });
  });
});

describe('exercise score distributions', () => {
  it('counts submitted attempts into ten bins and leaves out work in progress', async () => {
    const a = await insertUser(t.db);
    const base = { userId: a.id, exerciseId: 'ex', state: {}, startedAt: at(0), updatedAt: at(1) };
    await t.db.insert(exerciseAttempts).values([
      { ...base, id: '1', status: 'submitted', percent: 100, score: 4, maxScore: 4 },
      { ...base, id: '2', status: 'submitted', percent: 95, score: 3.8, maxScore: 4 },
      { ...base, id: '3', status: 'submitted', percent: 40, score: 1.6, maxScore: 4 },
      { ...base, id: '4', status: 'in-progress', percent: null },
    ]);
    const d = (await exerciseDistributions(t.db)).get('ex')!;
    expect(d.attempts).toBe(3);
    expect(d.mean).toBe(78.3);
    expect(d.bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
  });
});
