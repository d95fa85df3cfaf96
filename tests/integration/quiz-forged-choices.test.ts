import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { SubmissionRefused, submitQuizAttempt } from '../../src/lib/quiz/server/submission';
import { saveQuizDraft } from '../../src/lib/quiz/server/drafts';
import { attemptSeed } from '../../src/lib/quiz/draw';
import { quizAttempts, quizDrafts } from '../../db/schema';
import { everyTypeQuiz } from '../unit/quiz-fixtures';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const quiz = everyTypeQuiz();
const at = new Date('2026-11-30T02:00:00Z');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'stored';
  } catch (error) {
    if (error instanceof SubmissionRefused) return error.code;
    throw error;
  }
}

describe('choice answers naming options the question lacks', () => {
  it.each([
    ['an option that does not exist', ['nonexistent-option']],
    ['the same option twice', ['a', 'a']],
    ['two picks on a single-choice question', ['a', 'b']],
  ])('are refused with 400 and store nothing: %s', async (_, picked) => {
    const user = await insertUser(t.db);
    const seed = attemptSeed(user.id, 'every', 0);
    expect(await codeOf(submitQuizAttempt(t.db, user.id, quiz, { quizId: 'every', lang: 'zh', answers: { 'pick-one': picked }, seed }, at))).toBe('BAD_REQUEST');
    expect(await codeOf(saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: { 'pick-one': picked } }, at))).toBe('BAD_REQUEST');
    expect(await t.db.select().from(quizAttempts).all()).toEqual([]);
    expect(await t.db.select().from(quizDrafts).all()).toEqual([]);
  });

  it('still store a real pick', async () => {
    const user = await insertUser(t.db);
    const seed = attemptSeed(user.id, 'every', 0);
    expect(await codeOf(submitQuizAttempt(t.db, user.id, quiz, { quizId: 'every', lang: 'zh', answers: { 'pick-one': ['a'] }, seed }, at))).toBe('stored');
  });
});
