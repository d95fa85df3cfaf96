import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { SubmissionRefused, submitQuizAttempt } from '../../src/lib/quiz/server/submission';
import { quizAttemptsFor, recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { attemptSeed, planAttempt } from '../../src/lib/quiz/draw';
import { toPublicQuiz } from '../../src/lib/quiz/public';
import { quizAttempts } from '../../db/schema';
import { everyTypeQuiz } from '../unit/quiz-fixtures';
import { quizSchema } from '../../src/schemas/quiz';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const quizA = everyTypeQuiz({ maxAttempts: 1 });
const quizB = everyTypeQuiz({ maxAttempts: 1, title: { zh: 'B', en: 'B' } });

async function refusal(promise: Promise<unknown>): Promise<SubmissionRefused> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SubmissionRefused);
  return error as SubmissionRefused;
}

describe('idempotency keys of quiz submissions', () => {
  it('refuses a key already spent on another quiz with a conflict, grading and storing nothing', async () => {
    const user = await insertUser(t.db);
    const key = crypto.randomUUID();
    await submitQuizAttempt(t.db, user.id, quizA, { quizId: 'a', lang: 'en', answers: {}, idempotencyKey: key }, now);
    const seed = attemptSeed(user.id, 'b', 0);
    const error = await refusal(submitQuizAttempt(t.db, user.id, quizB, { quizId: 'b', lang: 'en', answers: {}, seed, idempotencyKey: key }, now));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).not.toContain('SECRET');
    expect(await quizAttemptsFor(t.db, user.id, 'b')).toHaveLength(0);
    // The learner's own attempt at b is still there to take, with a fresh key.
    const taken = await submitQuizAttempt(t.db, user.id, quizB, { quizId: 'b', lang: 'en', answers: {}, seed, idempotencyKey: crypto.randomUUID() }, now);
    expect(await quizAttemptsFor(t.db, user.id, 'b')).toHaveLength(1);
    expect(taken.attemptId).toBe((await quizAttemptsFor(t.db, user.id, 'b'))[0]!.id);
  });

  it('refuses a key another learner spent no differently from any other key: it is per learner', async () => {
    const [a, b] = [await insertUser(t.db), await insertUser(t.db)];
    const key = crypto.randomUUID();
    await submitQuizAttempt(t.db, a.id, quizA, { quizId: 'a', lang: 'en', answers: {}, idempotencyKey: key }, now);
    const mine = await submitQuizAttempt(t.db, b.id, quizA, { quizId: 'a', lang: 'en', answers: {}, idempotencyKey: key }, now);
    expect((await quizAttemptsFor(t.db, b.id, 'a')).map((r) => r.id)).toEqual([mine.attemptId]);
  });

  it('stores nothing when the storage layer sees a key spent on another quiz', async () => {
    const user = await insertUser(t.db);
    const key = crypto.randomUUID();
    const base = { userId: user.id, answers: {}, result: { score: 0, maxScore: 1, percent: 0, passed: false, passPercent: 50, questions: [] }, startedAt: now, finishedAt: now, idempotencyKey: key };
    await recordQuizAttempt(t.db, { ...base, quizId: 'a' });
    expect(await recordQuizAttempt(t.db, { ...base, quizId: 'b' })).toEqual({ conflict: true });
    expect(await t.db.select().from(quizAttempts).all()).toHaveLength(1);
  });

  it('answers a retry with the attempt as stored, even after the quiz changed its key', async () => {
    const user = await insertUser(t.db);
    const key = crypto.randomUUID();
    const seed = attemptSeed(user.id, 'a', 0);
    const shown = toPublicQuiz('a', quizA, 'en', planAttempt(quizA, seed));
    const pick = shown.questions.find((q) => q.id === 'pick-one');
    const b = pick?.type === 'single' ? pick.options.find((o) => o.text === 'opt b')!.id : 'b';
    const first = await submitQuizAttempt(t.db, user.id, quizA, { quizId: 'a', lang: 'en', answers: { 'pick-one': [b] }, seed, idempotencyKey: key }, now);
    expect(first.questions.find((q) => q.questionId === 'pick-one')!.correct).toBe(true);

    // The trainer moves the right answer from b to c; the retry must still say what was stored.
    const edited = quizSchema.parse({
      ...quizA,
      questions: quizA.questions.map((q) => (q.type === 'single' ? { ...q, options: q.options.map((o) => ({ ...o, correct: o.id === 'c' })) } : q)),
    });
    const retry = await submitQuizAttempt(t.db, user.id, edited, { quizId: 'a', lang: 'en', answers: {}, seed, idempotencyKey: key }, new Date(now.getTime() + 1000));
    expect(retry.attemptId).toBe(first.attemptId);
    expect({ score: retry.score, percent: retry.percent, passed: retry.passed }).toEqual({ score: first.score, percent: first.percent, passed: first.passed });
    expect(retry.questions.map((q) => [q.questionId, q.correct, q.points])).toEqual(first.questions.map((q) => [q.questionId, q.correct, q.points]));
    expect(await quizAttemptsFor(t.db, user.id, 'a')).toHaveLength(1);
  });

  it('answers two racing copies of one submission with the one attempt stored', async () => {
    const user = await insertUser(t.db);
    const key = crypto.randomUUID();
    const send = (answers: Record<string, string[]>) => submitQuizAttempt(t.db, user.id, quizA, { quizId: 'a', lang: 'en', answers, idempotencyKey: key }, now);
    const [x, y] = await Promise.all([send({}), send({ 'pick-one': ['b'] })]);
    const [row] = await quizAttemptsFor(t.db, user.id, 'a');
    expect(x.attemptId).toBe(row!.id);
    expect(y.attemptId).toBe(row!.id);
    expect(x.percent).toBe(row!.percent);
    expect(y.percent).toBe(row!.percent);
  });
});
