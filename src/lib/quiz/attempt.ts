/** One attempt at a quiz as the server runs it: what the page shows, and how a submission is graded. */
import type { Language } from '../../schemas/common';
import type { Quiz } from '../../schemas/quiz';
import { attemptAvailability, type PastAttempt } from './attempt-rules';
import { attemptSeed, planAttempt } from './draw';
import { gradeQuiz, type Answers, type QuizResult } from './grading';
import { fromPublicAnswers, toPublicQuiz, type PublicQuiz } from './public';
import { reviewStoredAttempt, type StoredAttempt } from './review';

/** Plain data for the island: the next attempt's questions if it may start, or why not. */
export interface AttemptView {
  /** The public quiz; its questions are empty unless `status` is "open". */
  quiz: PublicQuiz;
  seed: number;
  status: 'open' | 'limit' | 'cooldown';
  /** Attempts already stored. */
  attemptsUsed: number;
  maxAttempts: number | null;
  /** Whole minutes until the cooldown ends (at least 1), or null without a cooldown. */
  cooldownMinutesLeft: number | null;
}

/** Whether another attempt may start, without its questions: what a submission answers with. */
export type AttemptStatus = Omit<AttemptView, 'quiz'>;

export function attemptStatus({ quiz: _questions, ...status }: AttemptView): AttemptStatus {
  return status;
}

/** What a learner with these past attempts may do next at `now`. */
export function attemptView(
  quizId: string,
  quiz: Quiz,
  lang: Language,
  userId: string,
  past: readonly PastAttempt[],
  now: Date,
): AttemptView {
  const availability = attemptAvailability(quiz, past, now);
  const seed = attemptSeed(userId, quizId, past.length);
  const publicQuiz = toPublicQuiz(quizId, quiz, lang, planAttempt(quiz, seed));
  return {
    quiz: availability.status === 'open' ? publicQuiz : { ...publicQuiz, questions: [] },
    seed,
    status: availability.status,
    attemptsUsed: past.length,
    maxAttempts: quiz.maxAttempts ?? null,
    cooldownMinutesLeft:
      availability.status === 'cooldown' ? Math.max(1, Math.ceil((availability.until.getTime() - now.getTime()) / 60_000)) : null,
  };
}

/** Grades answers given in an attempt's public ids against the questions that attempt drew. */
export function gradeAttempt(quiz: Quiz, seed: number, publicAnswers: Answers, lang: Language): QuizResult {
  const plan = planAttempt(quiz, seed);
  const answers = fromPublicAnswers(quiz, plan, publicAnswers);
  return gradeQuiz(quiz, answers, lang, plan.questions.map((q) => q.questionId));
}

/** A stored attempt's totals beside its verdicts, as a retried submission answers with them. */
export interface StoredScoredAttempt extends StoredAttempt {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
}

/**
 * The result of an attempt exactly as it was stored, for a retried submission: the score, pass
 * and each question's verdict come from the row, never from grading again with today's quiz (a
 * quiz edited since would otherwise change the answer to "what happened to my submission").
 * The explanations are the quiz's, in the asked language, as on the review page.
 */
export function storedAttemptResult(quiz: Quiz, stored: StoredScoredAttempt, lang: Language): QuizResult {
  const review = reviewStoredAttempt(quiz, stored, lang);
  return {
    score: stored.score,
    maxScore: stored.maxScore,
    percent: stored.percent,
    passed: stored.passed,
    passPercent: quiz.passPercent,
    questions: review.questions.map((q) => q.result),
  };
}
