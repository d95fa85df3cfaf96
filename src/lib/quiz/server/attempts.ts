import { and, eq, sql } from 'drizzle-orm';
import { quizAttempts } from '../../../../db/schema';
import type { Answers, QuizResult } from '../grading';
import type { StoredVerdict } from '../review';
import type { PastAttempt } from '../attempt-rules';
import type { Database } from '../../platform/server/db';
import { groupCommitFor } from '../../platform/server/group-commit';

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
export type StoredQuestionResult = StoredVerdict;

export type RecordOutcome =
  | { id: string; duplicate: boolean; stale?: undefined; conflict?: undefined }
  | { id?: undefined; duplicate?: undefined; stale: true; conflict?: undefined }
  | { id?: undefined; duplicate?: undefined; stale?: undefined; conflict: true };

/**
 * Stores a graded attempt and its learning event, and drops the learner's saved draft of it, in
 * one transaction. With an idempotency key, a
 * retry of a submission that already landed returns the stored attempt instead of a second one.
 * With an `attemptNumber` that no longer matches the stored count, nothing is stored (`stale`).
 * A key this learner already spent on another quiz stores nothing either (`conflict`): a key
 * names one submission, never "whatever was sent with it".
 */
export async function recordQuizAttempt(db: Database, attempt: NewQuizAttempt): Promise<RecordOutcome> {
  const id = crypto.randomUUID();
  const { result } = attempt;
  const stored: StoredQuestionResult[] = result.questions.map((q) => ({
    questionId: q.questionId,
    correct: q.correct,
    points: q.points,
    chosen: 'options' in q ? q.options.filter((o) => o.chosen).map((o) => o.id) : [],
    given: q.given,
    key: q.key,
  }));
  const key = attempt.idempotencyKey ?? null;
  // Hand-written SQL: this is the busiest write in the platform (see bench/RESULTS.md), and one
  // statement for both checks plus two inserts is what the group commit repeats per submission.
  return groupCommitFor(db).run(async (tx): Promise<RecordOutcome> => {
    const [check] = await tx.all<{ existing: string | null; existingQuiz: string | null; attempts: number }>(sql`
      SELECT (SELECT id FROM quiz_attempts WHERE user_id = ${attempt.userId} AND idempotency_key = ${key}) AS existing,
             (SELECT quiz_id FROM quiz_attempts WHERE user_id = ${attempt.userId} AND idempotency_key = ${key}) AS existingQuiz,
             (SELECT count(*) FROM quiz_attempts WHERE user_id = ${attempt.userId} AND quiz_id = ${attempt.quizId}) AS attempts`);
    if (key && check?.existing) return check.existingQuiz === attempt.quizId ? { id: check.existing, duplicate: true } : { conflict: true };
    if (attempt.attemptNumber !== undefined && Number(check?.attempts ?? 0) !== attempt.attemptNumber) return { stale: true };
    await tx.run(sql`
      INSERT INTO quiz_attempts (id, user_id, quiz_id, answers, result, seed, score, max_score, percent, passed, started_at, finished_at, idempotency_key)
      VALUES (${id}, ${attempt.userId}, ${attempt.quizId}, ${JSON.stringify(attempt.answers)}, ${JSON.stringify(stored)}, ${attempt.seed ?? 0},
              ${result.score}, ${result.maxScore}, ${result.percent}, ${result.passed ? 1 : 0}, ${attempt.startedAt.getTime()}, ${attempt.finishedAt.getTime()}, ${key})`);
    await tx.run(sql`
      INSERT INTO learning_events (user_id, type, subject, data, at)
      VALUES (${attempt.userId}, 'quiz.submitted', ${attempt.quizId}, ${JSON.stringify({ attemptId: id, percent: result.percent, passed: result.passed })}, ${attempt.finishedAt.getTime()})`);
    // The draft of the attempt just stored goes with it, so the next attempt starts empty.
    await tx.run(sql`DELETE FROM quiz_drafts WHERE user_id = ${attempt.userId} AND quiz_id = ${attempt.quizId}`);
    return { id, duplicate: false };
  });
}

/** An attempt as stored: what a retried submission answers with, never a fresh grading. */
export interface StoredQuizAttempt {
  id: string;
  quizId: string;
  seed: number;
  answers: Answers;
  result: unknown;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
}

type Row = Record<string, unknown>;
const storedAttempt = (r: Row): StoredQuizAttempt => ({
  id: String(r.id),
  quizId: String(r.quiz_id),
  seed: Number(r.seed),
  answers: JSON.parse(String(r.answers)) as Answers,
  result: JSON.parse(String(r.result)) as unknown,
  score: Number(r.score),
  maxScore: Number(r.max_score),
  percent: Number(r.percent),
  passed: Boolean(r.passed),
});

/**
 * A learner's attempts at one quiz, oldest first, and the attempt already stored under this
 * idempotency key at *any* quiz, if any — in one read, because every submission needs both. The
 * caller must check `earlier.quizId`: a key spent on another quiz is a conflict, not a retry.
 */
export async function attemptHistory(
  db: Database,
  userId: string,
  quizId: string,
  idempotencyKey: string | undefined,
): Promise<{ past: PastAttempt[]; earlier: StoredQuizAttempt | undefined }> {
  const key = idempotencyKey ?? null;
  const { rows } = await db.$client.execute({
    sql: `SELECT id, quiz_id, percent, passed, finished_at, seed, score, max_score,
                 CASE WHEN idempotency_key = ? THEN answers END AS answers, CASE WHEN idempotency_key = ? THEN result END AS result,
                 idempotency_key = ? AS keyed
          FROM quiz_attempts WHERE user_id = ? AND (quiz_id = ? OR idempotency_key = ?) ORDER BY finished_at`,
    args: [key, key, key, userId, quizId, key],
  });
  const past = rows
    .filter((r) => r.quiz_id === quizId)
    .map((r) => ({ percent: Number(r.percent), passed: Boolean(r.passed), finishedAt: new Date(Number(r.finished_at)) }));
  const mine = rows.find((r) => Number(r.keyed) === 1);
  return { past, earlier: mine ? storedAttempt(mine) : undefined };
}

/** One stored attempt of this learner by id (a racing retry finds the attempt that won). */
export async function storedQuizAttempt(db: Database, userId: string, attemptId: string): Promise<StoredQuizAttempt | undefined> {
  const { rows } = await db.$client.execute({
    sql: 'SELECT id, quiz_id, seed, answers, result, score, max_score, percent, passed FROM quiz_attempts WHERE id = ? AND user_id = ?',
    args: [attemptId, userId],
  });
  return rows[0] ? storedAttempt(rows[0]) : undefined;
}

/** Every attempt of one learner at one quiz, oldest first. */
export async function quizAttemptsFor(db: Database, userId: string, quizId: string) {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
    .orderBy(quizAttempts.finishedAt);
}

/** What the attempt rules need: each past attempt's percent, pass and finish time, oldest first. */
export async function pastAttempts(db: Database, userId: string, quizId: string): Promise<PastAttempt[]> {
  return (await attemptHistory(db, userId, quizId, undefined)).past;
}
