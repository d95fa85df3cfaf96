import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { bestQuizPercents, completedModuleIds, completeModule } from '../../src/lib/learning-records/server/progress';
import { recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { learningEvents, quizAttempts } from '../../db/schema';
import type { QuizResult } from '../../src/lib/quiz/grading';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, minutes));
const result = (percent: number): QuizResult => ({
  score: percent / 20, maxScore: 5, percent, passed: percent >= 80, passPercent: 80, questions: [],
});

describe('module completion', () => {
  it('is idempotent: a second completion keeps the first time and logs one event', async () => {
    const user = await insertUser(t.db);
    expect(await completeModule(t.db, user.id, 'sales-workflow/lead-to-after-sales', at(0))).toBe(true);
    expect(await completeModule(t.db, user.id, 'sales-workflow/lead-to-after-sales', at(5))).toBe(false);
    const done = await completedModuleIds(t.db, user.id);
    expect([...done]).toEqual([['sales-workflow/lead-to-after-sales', at(0)]]);
    expect(await t.db.select().from(learningEvents).all()).toHaveLength(1);
  });

  it('keeps each learner’s completions apart', async () => {
    const a = await insertUser(t.db);
    const b = await insertUser(t.db);
    await completeModule(t.db, a.id, 'c/m', at(0));
    expect((await completedModuleIds(t.db, b.id)).size).toBe(0);
  });
});

describe('quiz attempts', () => {
  it('stores every attempt with its answers and reports the best score per quiz', async () => {
    const user = await insertUser(t.db);
    const base = { userId: user.id, quizId: 'q', startedAt: at(0), finishedAt: at(3) };
    await recordQuizAttempt(t.db, { ...base, answers: { a: ['x'] }, result: result(40) });
    await recordQuizAttempt(t.db, { ...base, answers: { a: ['y'] }, result: result(100) });
    await recordQuizAttempt(t.db, { ...base, answers: { a: ['x'] }, result: result(60) });
    expect(await bestQuizPercents(t.db, user.id)).toEqual(new Map([['q', 100]]));
    const rows = await t.db.select().from(quizAttempts).all();
    expect(rows.map((r) => r.answers)).toContainEqual({ a: ['y'] });
    expect(await t.db.select().from(learningEvents).all()).toHaveLength(3);
  });

  it('stores a retried submission once when it carries the same idempotency key', async () => {
    const user = await insertUser(t.db);
    const attempt = { userId: user.id, quizId: 'q', startedAt: at(0), finishedAt: at(1), answers: {}, result: result(80), idempotencyKey: crypto.randomUUID() };
    const first = await recordQuizAttempt(t.db, attempt);
    const retry = await recordQuizAttempt(t.db, attempt);
    expect(retry).toEqual({ id: first.id, duplicate: true });
    expect(await t.db.select().from(quizAttempts).all()).toHaveLength(1);
    expect(await t.db.select().from(learningEvents).all()).toHaveLength(1);
  });
});
