import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { attemptHistory, pastAttempts, quizAttemptsFor, recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { quizScores } from '../../src/lib/learning-records/server/progress';
import { attemptAvailability } from '../../src/lib/quiz/attempt-rules';
import { attemptSeed, planAttempt } from '../../src/lib/quiz/draw';
import { attemptView, gradeAttempt } from '../../src/lib/quiz/attempt';
import { reviewStoredAttempt } from '../../src/lib/quiz/review';
import { toPublicQuiz } from '../../src/lib/quiz/public';
import type { QuizResult } from '../../src/lib/quiz/grading';
import { learningEvents, quizAttempts } from '../../db/schema';
import { everyTypeQuiz } from '../unit/quiz-fixtures';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, minutes));
const result = (percent: number): QuizResult => ({ score: percent / 20, maxScore: 5, percent, passed: percent >= 70, passPercent: 70, questions: [] });

async function storeAttempt(userId: string, quizId: string, percent: number, minute: number) {
  return recordQuizAttempt(t.db, { userId, quizId, answers: {}, result: result(percent), startedAt: at(minute), finishedAt: at(minute) });
}

describe('storing attempts of the new question types', () => {
  it('keeps the seed, the answers as sent and each question’s answer in authored ids for review', async () => {
    const user = await insertUser(t.db);
    const quiz = everyTypeQuiz();
    const seed = attemptSeed(user.id, 'every', 0);
    const shown = toPublicQuiz('every', quiz, 'en', planAttempt(quiz, seed));
    const ordering = shown.questions.find((q) => q.type === 'ordering')!;
    const answers = { 'pick-one': ['a'], share: '12.5', stages: ordering.type === 'ordering' ? ordering.items.map((i) => i.id) : [] };
    const graded = gradeAttempt(quiz, seed, answers, 'en');
    await recordQuizAttempt(t.db, { userId: user.id, quizId: 'every', answers, result: graded, seed, attemptNumber: 0, startedAt: at(0), finishedAt: at(4) });

    const [row] = await quizAttemptsFor(t.db, user.id, 'every');
    expect(row).toMatchObject({ seed, answers, percent: graded.percent });
    const stored = row!.result as { questionId: string; chosen: string[]; given: unknown }[];
    expect(stored.find((q) => q.questionId === 'pick-one')).toMatchObject({ chosen: ['a'], given: ['a'] });
    expect(stored.find((q) => q.questionId === 'stages')!.given).toEqual(planAttempt(quiz, seed).questions.find((q) => q.questionId === 'stages')!.order);

    // The review, in the other language, says the same as the grading did.
    const review = reviewStoredAttempt(quiz, row!, 'zh');
    expect(review.questions.map((q) => q.result.correct)).toEqual(graded.questions.map((q) => q.correct));
    expect(review.questions.find((q) => q.result.questionId === 'share')!.result.correct).toBe(true);
  });

  it('refuses an attempt whose number was already spent, so two tabs cannot both use it', async () => {
    const user = await insertUser(t.db);
    const attempt = { userId: user.id, quizId: 'q', answers: {}, result: result(40), startedAt: at(0), finishedAt: at(1), attemptNumber: 0 };
    expect(await recordQuizAttempt(t.db, attempt)).toMatchObject({ duplicate: false });
    expect(await recordQuizAttempt(t.db, { ...attempt, finishedAt: at(2) })).toEqual({ stale: true });
    expect(await t.db.select().from(quizAttempts).all()).toHaveLength(1);
    expect(await t.db.select().from(learningEvents).all()).toHaveLength(1);
  });

  it('finds a submission again by its idempotency key, only for the learner who sent it', async () => {
    const a = await insertUser(t.db);
    const b = await insertUser(t.db);
    const key = crypto.randomUUID();
    const stored = await recordQuizAttempt(t.db, { userId: a.id, quizId: 'q', answers: {}, result: result(80), startedAt: at(0), finishedAt: at(1), idempotencyKey: key });
    expect((await attemptHistory(t.db, a.id, 'q', key)).earlier?.id).toBe(stored.stale ? undefined : stored.id);
    expect((await attemptHistory(t.db, b.id, 'q', key)).earlier).toBeUndefined();
  });
});

describe('attempt limits and cooldowns against stored attempts', () => {
  const quiz = everyTypeQuiz({ maxAttempts: 3, cooldownMinutes: 10 });

  it('counts only this learner’s attempts at this quiz', async () => {
    const user = await insertUser(t.db);
    const other = await insertUser(t.db);
    await storeAttempt(user.id, 'every', 90, 0);
    await storeAttempt(user.id, 'another-quiz', 90, 1);
    await storeAttempt(other.id, 'every', 90, 2);
    expect(attemptAvailability(quiz, await pastAttempts(t.db, user.id, 'every'), at(3))).toEqual({ status: 'open', attemptNumber: 1, attemptsLeft: 2 });
  });

  it('makes a learner wait after a failed attempt, then closes the quiz after the third', async () => {
    const user = await insertUser(t.db);
    await storeAttempt(user.id, 'every', 40, 0);
    expect(attemptView('every', quiz, 'en', user.id, await pastAttempts(t.db, user.id, 'every'), at(5))).toMatchObject({ status: 'cooldown', cooldownMinutesLeft: 5 });
    await storeAttempt(user.id, 'every', 90, 11);
    await storeAttempt(user.id, 'every', 95, 12);
    const view = attemptView('every', quiz, 'en', user.id, await pastAttempts(t.db, user.id, 'every'), at(60));
    expect(view).toMatchObject({ status: 'limit', attemptsUsed: 3, maxAttempts: 3 });
    expect(view.quiz.questions).toEqual([]);
  });

  it('gives each stored attempt a fresh draw: the next seed follows the stored count', async () => {
    const user = await insertUser(t.db);
    const seedNow = async () => attemptView('every', quiz, 'en', user.id, await pastAttempts(t.db, user.id, 'every'), at(30)).seed;
    const first = await seedNow();
    expect(await seedNow()).toBe(first);
    await storeAttempt(user.id, 'every', 90, 0);
    expect(await seedNow()).not.toBe(first);
  });
});

describe('quizScores', () => {
  it('counts the best attempt under "best" and the latest under "last", per quiz', async () => {
    const user = await insertUser(t.db);
    await storeAttempt(user.id, 'best-quiz', 60, 0);
    await storeAttempt(user.id, 'best-quiz', 95, 1);
    await storeAttempt(user.id, 'best-quiz', 70, 2);
    await storeAttempt(user.id, 'last-quiz', 95, 3);
    await storeAttempt(user.id, 'last-quiz', 50, 4);
    const policies = new Map([['best-quiz', 'best'], ['last-quiz', 'last']] as const);
    expect(await quizScores(t.db, user.id, policies)).toEqual(new Map([['best-quiz', 95], ['last-quiz', 50]]));
  });

  it('counts the best attempt of a quiz with no known policy, and leaves out other learners', async () => {
    const user = await insertUser(t.db);
    const other = await insertUser(t.db);
    await storeAttempt(user.id, 'retired-quiz', 80, 0);
    await storeAttempt(user.id, 'retired-quiz', 30, 1);
    await storeAttempt(other.id, 'retired-quiz', 100, 2);
    expect(await quizScores(t.db, user.id, new Map())).toEqual(new Map([['retired-quiz', 80]]));
    expect(await quizScores(t.db, (await insertUser(t.db)).id, new Map())).toEqual(new Map());
  });
});
