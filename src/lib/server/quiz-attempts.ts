import { and, count, desc, eq } from 'drizzle-orm';
import { learningEvents, quizAttempts } from '../../../db/schema';
import type { Answer, Answers, QuizResult } from '../quiz-grading';
import type { PastAttempt } from '../quiz-attempt-rules';
import type { Database } from './db';
import { groupCommitFor } from './group-commit';

export interface NewQuizAttempt {
  userId: string;
  quizId: string;
  /** The answers as the browser sent them (public ids of this attempt). */
  answers: Answers;
  result: QuizResult;
  /** Seed of the attempt's draw and shuffle; 0 for attempts made before quizzes were shuffled. */
  seed?: number | undefined;
  /**
   * How many attempts the learner had stored when this one started. When given, the attempt is
   * only stored if that is still true, so two tabs cannot both spend the same attempt.
   */
  attemptNumber?: number | undefined;
  startedAt: Date;
  finishedAt: Date;
  idempotencyKey?: string | undefined;
}

/** One question of a stored attempt as graded. `chosen` (option ids) is what analytics tally. */
export interface StoredQuestionResult {
  questionId: string;
  correct: boolean;
  points?: number;
  chosen: string[];
  /** The answer in the quiz file's ids; missing on attempts stored before reviews existed. */
  given?: Answer | null;
}

export type RecordOutcome = { id: string; duplicate: boolean; stale?: undefined } | { id?: undefined; duplicate?: undefined; stale: true };

/**
 * Stores a graded attempt and its learning event in one transaction. With an idempotency key, a
 * retry of a submission that already landed returns the stored attempt instead of a second one.
 * With an `attemptNumber` that no longer matches the stored count, nothing is stored (`stale`).
 */
export async function recordQuizAttempt(db: Database, attempt: NewQuizAttempt): Promise<RecordOutcome> {
  return groupCommitFor(db).run(async (tx): Promise<RecordOutcome> => {
    if (attempt.idempotencyKey) {
      const existing = await tx
        .select({ id: quizAttempts.id })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.userId, attempt.userId), eq(quizAttempts.idempotencyKey, attempt.idempotencyKey)))
        .get();
      if (existing) return { id: existing.id, duplicate: true };
    }
    if (attempt.attemptNumber !== undefined) {
      const [row] = await tx
        .select({ n: count() })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.userId, attempt.userId), eq(quizAttempts.quizId, attempt.quizId)));
      if ((row?.n ?? 0) !== attempt.attemptNumber) return { stale: true };
    }
    const id = crypto.randomUUID();
    const { result } = attempt;
    const stored: StoredQuestionResult[] = result.questions.map((q) => ({
      questionId: q.questionId,
      correct: q.correct,
      points: q.points,
      chosen: 'options' in q ? q.options.filter((o) => o.chosen).map((o) => o.id) : [],
      given: q.given,
    }));
    await tx.insert(quizAttempts).values({
      id,
      userId: attempt.userId,
      quizId: attempt.quizId,
      answers: attempt.answers,
      result: stored,
      seed: attempt.seed ?? 0,
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percent,
      passed: result.passed,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      idempotencyKey: attempt.idempotencyKey ?? null,
    });
    await tx.insert(learningEvents).values({
      userId: attempt.userId,
      type: 'quiz.submitted',
      subject: attempt.quizId,
      data: { attemptId: id, percent: result.percent, passed: result.passed },
      at: attempt.finishedAt,
    });
    return { id, duplicate: false };
  });
}

/** Every attempt of one learner at one quiz, oldest first. */
export async function quizAttemptsFor(db: Database, userId: string, quizId: string) {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
    .orderBy(quizAttempts.finishedAt);
}

/** What the attempt rules need: each past attempt's percent, pass and finish time. */
export async function pastAttempts(db: Database, userId: string, quizId: string): Promise<PastAttempt[]> {
  return db
    .select({ percent: quizAttempts.percent, passed: quizAttempts.passed, finishedAt: quizAttempts.finishedAt })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
    .orderBy(quizAttempts.finishedAt);
}

/** The attempt a learner already stored under this idempotency key, if any. */
export async function attemptByIdempotencyKey(db: Database, userId: string, idempotencyKey: string) {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.idempotencyKey, idempotencyKey)))
    .orderBy(desc(quizAttempts.finishedAt))
    .get();
}
