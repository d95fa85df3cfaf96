/** When a learner may start another attempt at a quiz, and which attempt's score counts. */
import type { Quiz, ScoringPolicy } from '../../schemas/quiz';

export interface PastAttempt {
  percent: number;
  passed: boolean;
  finishedAt: Date;
}

export type AttemptAvailability =
  /** `attemptNumber` is 0-based: the number of attempts already stored. */
  | { status: 'open'; attemptNumber: number; attemptsLeft: number | null }
  | { status: 'limit'; attemptNumber: number; maxAttempts: number }
  | { status: 'cooldown'; attemptNumber: number; attemptsLeft: number | null; until: Date };

const MINUTE_MS = 60_000;

const latest = (past: readonly PastAttempt[]) =>
  past.reduce<PastAttempt | undefined>((last, a) => (!last || a.finishedAt >= last.finishedAt ? a : last), undefined);

/**
 * Whether the next attempt may start at `now`. The limit wins over the cooldown: once every
 * attempt is spent, waiting does not help. The cooldown follows only an attempt below the pass
 * mark, because it exists to make a learner read the explanations instead of guessing again; a
 * learner who passed may try to improve at once.
 */
export function attemptAvailability(
  quiz: Pick<Quiz, 'maxAttempts' | 'cooldownMinutes'>,
  past: readonly PastAttempt[],
  now: Date,
): AttemptAvailability {
  const attemptNumber = past.length;
  if (quiz.maxAttempts !== undefined && attemptNumber >= quiz.maxAttempts) {
    return { status: 'limit', attemptNumber, maxAttempts: quiz.maxAttempts };
  }
  const attemptsLeft = quiz.maxAttempts === undefined ? null : quiz.maxAttempts - attemptNumber;
  const last = latest(past);
  if (last && !last.passed && quiz.cooldownMinutes > 0) {
    const until = new Date(last.finishedAt.getTime() + quiz.cooldownMinutes * MINUTE_MS);
    if (now < until) return { status: 'cooldown', attemptNumber, attemptsLeft, until };
  }
  return { status: 'open', attemptNumber, attemptsLeft };
}

/** The percent that counts for a quiz under its scoring policy, or null if it was never attempted. */
export function countedPercent(past: readonly PastAttempt[], policy: ScoringPolicy): number | null {
  if (past.length === 0) return null;
  if (policy === 'last') return latest(past)!.percent;
  return Math.max(...past.map((a) => a.percent));
}
