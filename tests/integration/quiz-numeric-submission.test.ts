import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { SubmissionRefused, submitQuizAttempt } from '../../src/lib/quiz/server/submission';
import { quizAttemptsFor } from '../../src/lib/quiz/server/attempts';
import { everyTypeQuiz } from '../unit/quiz-fixtures';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date(Date.UTC(2026, 10, 23, 10, 0));
const submit = (userId: string, share: string, lang: 'zh' | 'en' = 'en') =>
  submitQuizAttempt(t.db, userId, everyTypeQuiz({ maxAttempts: 1 }), { quizId: 'every', lang, answers: { 'pick-one': ['b'], share } }, now);

describe('a numeric answer typed the way people type it', () => {
  it('grades "１２。５%" (full-width digits, the IME’s decimal point, the unit) as 12.5', async () => {
    const user = await insertUser(t.db);
    const result = await submit(user.id, '１２。５%');
    expect(result.questions.find((q) => q.questionId === 'share')).toMatchObject({ correct: true, value: 12.5 });
  });

  it('refuses an unreadable answer before grading, naming the question and what to type, and stores no attempt', async () => {
    const user = await insertUser(t.db);
    const refusal = await submit(user.id, '12,5').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SubmissionRefused);
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST' });
    expect((refusal as Error).message).toContain('Share of A leads');
    expect((refusal as Error).message).toContain('1,200');
    expect(await quizAttemptsFor(t.db, user.id, 'every')).toHaveLength(0);

    const wrongUnit = await submit(user.id, '12.5 个', 'zh').catch((error: unknown) => error);
    expect((wrongUnit as Error).message).toContain('“%”为单位');
    expect(await quizAttemptsFor(t.db, user.id, 'every')).toHaveLength(0);

    // The one attempt this quiz allows is still there to be used.
    await expect(submit(user.id, '12.5')).resolves.toMatchObject({ percent: expect.any(Number) });
    expect(await quizAttemptsFor(t.db, user.id, 'every')).toHaveLength(1);
  });

  it('lets a learner leave a numeric question blank: that is an unanswered question, not a typing mistake', async () => {
    const user = await insertUser(t.db);
    const result = await submit(user.id, '  ');
    expect(result.questions.find((q) => q.questionId === 'share')).toMatchObject({ answered: false, correct: false });
  });
});
