import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { draftAnswersFor, MAX_DRAFT_CHARS, quizDraftInput, saveQuizDraft } from '../../src/lib/quiz/server/drafts';
import { SubmissionRefused, submitQuizAttempt } from '../../src/lib/quiz/server/submission';
import { attemptSeed, planAttempt } from '../../src/lib/quiz/draw';
import { quizDrafts } from '../../db/schema';
import { everyTypeQuiz } from '../unit/quiz-fixtures';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, minutes));
// Three of the five questions per attempt, so every attempt leaves some undrawn.
const quiz = everyTypeQuiz({ draw: 3 });

async function learnerOnFirstAttempt() {
  const user = await insertUser(t.db);
  const seed = attemptSeed(user.id, 'every', 0);
  const drawn = planAttempt(quiz, seed).questions.map((q) => q.questionId);
  return { user, seed, drawn, undrawn: quiz.questions.map((q) => q.id).find((id) => !drawn.includes(id))! };
}

/** An answer of the right shape for each question type (right or wrong does not matter to a draft). */
const sample: Record<string, unknown> = { 'pick-one': ['a'], fact: true, stages: ['item-2', 'item-1'], outputs: { 'left-1': 'right-2' }, share: '12.5' };
const answersTo = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, sample[id]])) as Record<string, string[]>;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubmissionRefused);
  return (error as SubmissionRefused).code;
}

describe('saving the answers of an attempt in progress', () => {
  it('gives the saved answers back for the same attempt, after any number of saves the last one', async () => {
    const { user, seed, drawn } = await learnerOnFirstAttempt();
    await saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: answersTo(drawn.slice(0, 1)) }, at(0));
    const saved = await saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: answersTo(drawn.slice(0, 2)) }, at(1));

    expect(saved).toEqual({ savedAt: at(1).getTime() });
    expect(await draftAnswersFor(t.db, user.id, 'every', quiz, seed)).toEqual(answersTo(drawn.slice(0, 2)));
    expect(await t.db.select().from(quizDrafts).all()).toHaveLength(1);
  });

  it('keeps each learner’s draft to themselves', async () => {
    const { user, seed, drawn } = await learnerOnFirstAttempt();
    const other = await insertUser(t.db);
    await saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: answersTo(drawn) }, at(0));
    expect(await draftAnswersFor(t.db, other.id, 'every', quiz, attemptSeed(other.id, 'every', 0))).toBeNull();
  });

  it('never shows a draft saved under an older attempt’s seed, and replaces it with the new attempt’s', async () => {
    const { user, seed, drawn } = await learnerOnFirstAttempt();
    await submitQuizAttempt(t.db, user.id, quiz, { quizId: 'every', lang: 'en', answers: {}, seed }, at(0));
    // A draft of the spent attempt, as a save racing its submission from another tab could have left it.
    await t.db.insert(quizDrafts).values({ userId: user.id, quizId: 'every', seed, answers: answersTo(drawn), updatedAt: at(1) });
    const next = attemptSeed(user.id, 'every', 1);
    expect(await draftAnswersFor(t.db, user.id, 'every', quiz, next)).toBeNull();

    const nextDrawn = planAttempt(quiz, next).questions.map((q) => q.questionId);
    await saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed: next, answers: answersTo(nextDrawn.slice(0, 1)) }, at(2));
    expect(await draftAnswersFor(t.db, user.id, 'every', quiz, next)).toEqual(answersTo(nextDrawn.slice(0, 1)));
    expect(await t.db.select().from(quizDrafts).all()).toHaveLength(1);
  });

  it('deletes the draft when its attempt is submitted, so the next attempt starts empty', async () => {
    const { user, seed, drawn } = await learnerOnFirstAttempt();
    await saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: answersTo(drawn) }, at(0));
    await submitQuizAttempt(t.db, user.id, quiz, { quizId: 'every', lang: 'en', answers: answersTo(drawn), seed }, at(1));

    expect(await t.db.select().from(quizDrafts).all()).toEqual([]);
    expect(await draftAnswersFor(t.db, user.id, 'every', quiz, attemptSeed(user.id, 'every', 1))).toBeNull();
  });

  it('refuses a late save for an attempt already submitted instead of keeping it', async () => {
    const { user, seed, drawn } = await learnerOnFirstAttempt();
    await submitQuizAttempt(t.db, user.id, quiz, { quizId: 'every', lang: 'en', answers: {}, seed }, at(0));
    expect(await refusal(saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: answersTo(drawn) }, at(1)))).toBe('CONFLICT');
    expect(await t.db.select().from(quizDrafts).all()).toEqual([]);
  });

  it('refuses an answer to a question the attempt did not draw', async () => {
    const { user, seed, undrawn } = await learnerOnFirstAttempt();
    expect(await refusal(saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: answersTo([undrawn]) }, at(0)))).toBe('BAD_REQUEST');
    expect(await t.db.select().from(quizDrafts).all()).toEqual([]);
  });

  it('refuses an answer of the wrong shape for its question', async () => {
    const { user, seed, drawn } = await learnerOnFirstAttempt();
    const misshapen = { [drawn[0]!]: drawn[0] === 'fact' ? ['a'] : true };
    expect(await refusal(saveQuizDraft(t.db, user.id, quiz, { quizId: 'every', seed, answers: misshapen as never }, at(0)))).toBe('BAD_REQUEST');
  });

  it('refuses a draft once every attempt is spent', async () => {
    const limited = everyTypeQuiz({ maxAttempts: 1 });
    const user = await insertUser(t.db);
    await submitQuizAttempt(t.db, user.id, limited, { quizId: 'every', lang: 'en', answers: {} }, at(0));
    const code = await refusal(saveQuizDraft(t.db, user.id, limited, { quizId: 'every', seed: attemptSeed(user.id, 'every', 1), answers: {} }, at(1)));
    expect(code).toBe('FORBIDDEN');
  });

  it('takes only answers in the submission’s shapes, and only so much of them', () => {
    const seed = 7;
    expect(quizDraftInput.safeParse({ quizId: 'every', seed, answers: { 'pick-one': ['a'] } }).success).toBe(true);
    expect(quizDraftInput.safeParse({ quizId: 'every', seed, answers: { 'pick-one': 5 } }).success).toBe(false);
    expect(quizDraftInput.safeParse({ quizId: 'every', seed, answers: { 'pick-one': ['a'] }, correct: true }).success).toBe(false);
    const huge = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`q-${i}`, Array.from({ length: 26 }, (_, k) => `option-${k}`)]));
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_DRAFT_CHARS);
    expect(quizDraftInput.safeParse({ quizId: 'every', seed, answers: huge }).success).toBe(false);
  });
});
