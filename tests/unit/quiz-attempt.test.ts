import { describe, expect, it } from 'vitest';
import { attemptView, gradeAttempt } from '../../src/lib/quiz/attempt';
import { attemptSeed, planAttempt } from '../../src/lib/quiz/draw';
import { toPublicQuiz, type PublicQuestion } from '../../src/lib/quiz/public';
import type { Answers } from '../../src/lib/quiz/grading';
import { everyTypeQuiz } from './quiz-fixtures';

const now = new Date(Date.UTC(2026, 10, 23, 9, 0));
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

/** Answers an attempt right through its public view, the way the island would. */
function rightPublicAnswers(questions: PublicQuestion[]): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    if (q.type === 'single') answers[q.id] = ['b'];
    if (q.type === 'true-false') answers[q.id] = false;
    if (q.type === 'numeric') answers[q.id] = '12.5';
    if (q.type === 'ordering') {
      const rank = (text: string) => ['grade', 'visit', 'propose', 'quote', 'sign'].indexOf(text.replace('stage ', ''));
      answers[q.id] = [...q.items].sort((a, b) => rank(a.text) - rank(b.text)).map((i) => i.id);
    }
    if (q.type === 'matching') {
      answers[q.id] = Object.fromEntries(q.left.map((l) => [l.id, q.right.find((r) => r.text === l.text.replace('stage', 'output'))!.id]));
    }
  }
  return answers;
}

describe('gradeAttempt', () => {
  it('grades answers given in an attempt’s public ids against that attempt’s draw', () => {
    const quiz = everyTypeQuiz({ draw: 3, shuffle: true });
    for (let n = 0; n < 10; n++) {
      const seed = attemptSeed('u', 'every', n);
      const shown = toPublicQuiz('every', quiz, 'en', planAttempt(quiz, seed));
      const result = gradeAttempt(quiz, seed, rightPublicAnswers(shown.questions), 'en');
      expect(result.questions.map((q) => q.questionId)).toEqual(shown.questions.map((q) => q.id));
      expect(result).toMatchObject({ score: 3, maxScore: 3, passed: true });
    }
  });

  it('gives nothing for public answers graded under another attempt’s seed', () => {
    const quiz = everyTypeQuiz();
    const shown = toPublicQuiz('every', quiz, 'en', planAttempt(quiz, 1));
    const answers = rightPublicAnswers(shown.questions);
    const other = [2, 3, 4, 5, 6].map((seed) => gradeAttempt(quiz, seed, answers, 'en'));
    expect(other.some((r) => r.questions.find((q) => q.questionId === 'stages')!.correct === false)).toBe(true);
  });
});

describe('attemptView', () => {
  const quiz = everyTypeQuiz({ maxAttempts: 2, cooldownMinutes: 10 });

  it('shows the questions of the attempt the server derives the seed for', () => {
    const view = attemptView('every', quiz, 'en', 'u', [], now);
    expect(view).toMatchObject({ status: 'open', attemptsUsed: 0, maxAttempts: 2, cooldownMinutesLeft: null, seed: attemptSeed('u', 'every', 0) });
    expect(view.quiz.questions).toHaveLength(5);
  });

  it('sends no questions while the learner must wait, and says for how long', () => {
    const view = attemptView('every', quiz, 'en', 'u', [{ percent: 20, passed: false, finishedAt: minutesAgo(3) }], now);
    expect(view).toMatchObject({ status: 'cooldown', cooldownMinutesLeft: 7, attemptsUsed: 1 });
    expect(view.quiz.questions).toEqual([]);
  });

  it('sends no questions once every attempt is spent', () => {
    const past = [{ percent: 100, passed: true, finishedAt: minutesAgo(30) }, { percent: 100, passed: true, finishedAt: minutesAgo(20) }];
    const view = attemptView('every', quiz, 'zh', 'u', past, now);
    expect(view).toMatchObject({ status: 'limit', attemptsUsed: 2, maxAttempts: 2 });
    expect(view.quiz.questions).toEqual([]);
  });
});
