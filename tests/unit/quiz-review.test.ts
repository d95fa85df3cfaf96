import { describe, expect, it } from 'vitest';
import { gradeQuiz } from '../../src/lib/quiz/grading';
import { keyFingerprint, regradeStoredAttempt, reviewStoredAttempt } from '../../src/lib/quiz/review';
import type { Quiz } from '../../src/schemas/quiz';
import { everyTypeQuiz } from './quiz-fixtures';

/** The quiz with question `pick-one`'s right option moved from b to c: a trainer's key correction. */
function withCorrectedKey(quiz: Quiz): Quiz {
  return {
    ...quiz,
    questions: quiz.questions.map((q) => (q.id === 'pick-one' && q.type === 'single' ? { ...q, options: q.options.map((o) => ({ ...o, correct: o.id === 'c' })) } : q)),
  };
}

/** An attempt stored the way recordQuizAttempt stores one. */
function storedAttempt(quiz: Quiz, answers: Record<string, unknown>) {
  const graded = gradeQuiz(quiz, answers as never, 'en');
  return {
    answers,
    result: graded.questions.map((q) => ({ questionId: q.questionId, correct: q.correct, points: q.points, chosen: 'options' in q ? q.options.filter((o) => o.chosen).map((o) => o.id) : [], given: q.given, key: q.key })),
    score: graded.score,
    maxScore: graded.maxScore,
    percent: graded.percent,
    passed: graded.passed,
  };
}

const allRight = { 'pick-one': ['b'], fact: false, stages: ['grade', 'visit', 'propose', 'quote', 'sign'], outputs: { grade: 'grade', visit: 'visit', propose: 'propose', quote: 'quote' }, share: '12.5' };

describe('reviewing a stored attempt', () => {
  const quiz = everyTypeQuiz();

  it('shows each question with the verdict it was graded with, in the page language', () => {
    const review = reviewStoredAttempt(quiz, storedAttempt(quiz, allRight), 'zh');
    expect(review.questions.map((q) => [q.result.questionId, q.result.correct, q.keyChanged])).toEqual([
      ['pick-one', true, false], ['fact', true, false], ['stages', true, false], ['outputs', true, false], ['share', true, false],
    ]);
    expect(review.questions[0]!.result.prompt).toBe('Pick b（中）');
  });

  it('keeps the stored ✓ after a trainer corrects the key, and says the key changed and what it would say now', () => {
    const stored = storedAttempt(quiz, allRight);
    const review = reviewStoredAttempt(withCorrectedKey(quiz), stored, 'en');
    const pick = review.questions.find((q) => q.result.questionId === 'pick-one')!;
    expect(pick).toMatchObject({ keyChanged: true, correctNow: false, result: { correct: true, points: 1 } });
    // Every verdict shown adds up to the stored score.
    expect(review.questions.filter((q) => q.result.correct)).toHaveLength(stored.score);
    expect(review.questions.filter((q) => q.keyChanged)).toHaveLength(1);
  });

  it('notices a key change on attempts stored before fingerprints were kept, when the verdict would differ', () => {
    const stored = storedAttempt(quiz, allRight);
    const old = { ...stored, result: stored.result.map(({ key: _key, ...row }) => row) };
    const review = reviewStoredAttempt(withCorrectedKey(quiz), old, 'en');
    expect(review.questions.find((q) => q.result.questionId === 'pick-one')).toMatchObject({ keyChanged: true, result: { correct: true } });
    expect(review.questions.find((q) => q.result.questionId === 'fact')).toMatchObject({ keyChanged: false });
  });

  it('reads attempts stored before `given` existed from their raw answers', () => {
    const review = reviewStoredAttempt(quiz, { answers: { 'pick-one': ['b'], fact: true }, result: [{ questionId: 'pick-one', correct: true, chosen: ['b'] }, { questionId: 'fact', correct: false, chosen: ['true'] }] }, 'en');
    expect(review.questions.map((q) => [q.result.correct, q.correctNow])).toEqual([[true, true], [false, false]]);
  });

  it('lists questions removed from the quiz with the verdict they had, and survives malformed rows', () => {
    const review = reviewStoredAttempt(quiz, { answers: null, result: [{ questionId: 'gone', correct: true, chosen: [] }, null, { questionId: 3 }] }, 'en');
    expect(review).toEqual({ questions: [], removed: [{ questionId: 'gone', correct: true }] });
    expect(reviewStoredAttempt(quiz, { answers: {}, result: 'not a list' }, 'en')).toEqual({ questions: [], removed: [] });
  });
});

describe('re-grading a stored attempt against the current key', () => {
  const quiz = everyTypeQuiz();

  it('changes nothing while the key is the one it was graded with', () => {
    expect(regradeStoredAttempt(quiz, storedAttempt(quiz, allRight))).toMatchObject({ changed: false, after: { score: 5, percent: 100, passed: true } });
  });

  it('re-scores the attempt, its verdicts and its pass from the stored answers', () => {
    const corrected = withCorrectedKey(quiz);
    const regraded = regradeStoredAttempt(corrected, storedAttempt(quiz, allRight));
    expect(regraded).toMatchObject({ changed: true, before: { score: 5, percent: 100 }, after: { score: 4, maxScore: 5, percent: 80, passed: true } });
    expect(regraded.result.find((q) => q.questionId === 'pick-one')).toMatchObject({ correct: false, chosen: ['b'], given: ['b'], key: keyFingerprint(corrected.questions[0]!) });
  });

  it('keeps the verdict of a question since removed, and leaves an attempt without stored verdicts alone', () => {
    const stored = storedAttempt(quiz, allRight);
    const shorter = { ...quiz, questions: quiz.questions.filter((q) => q.id !== 'fact') };
    expect(regradeStoredAttempt(shorter, stored)).toMatchObject({ changed: false, after: { score: 5, maxScore: 5 } });
    const empty = { answers: {}, result: [], score: 4, maxScore: 5, percent: 80, passed: true };
    expect(regradeStoredAttempt(quiz, empty)).toMatchObject({ changed: false, after: { score: 4, percent: 80 } });
  });

  it('fingerprints the key, not the wording', () => {
    const q = quiz.questions[0]!;
    expect(keyFingerprint({ ...q, prompt: { zh: '改', en: 'reworded' } })).toBe(keyFingerprint(q));
    expect(keyFingerprint(withCorrectedKey(quiz).questions[0]!)).not.toBe(keyFingerprint(q));
  });
});
