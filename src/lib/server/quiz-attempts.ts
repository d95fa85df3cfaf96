import { and, eq, sql } from 'drizzle-orm';
import { quizAttempts } from '../../../db/schema';
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
 * Stores a graded attempt and its learning event, and drops the learner's saved draft of it, in
 * one transaction. With an idempotency key, a
 * retry of a submission that already landed returns the stored attempt instead of a second one.
 * With an `attemptNumber` that no longer matches the stored count, nothing is stored (`stale`).
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
  }));
  const key = attempt.idempotencyKey ?? null;
  // Hand-written SQL: this is the busiest write in the platform (see bench/RESULTS.md), and one
  // statement for both checks plus two inserts is what the group commit repeats per submission.
  return groupCommitFor(db).run(async (tx): Promise<RecordOutcome> => {
    const [check] = await tx.all<{ existing: string | null; attempts: number }>(sql`
      SELECT (SELECT id FROM quiz_attempts WHERE user_id = ${attempt.userId} AND idempotency_key = ${key}) AS existing,
             (SELECT count(*) FROM quiz_attempts WHERE user_id = ${attempt.userId} AND quiz_id = ${attempt.quizId}) AS attempts`);
    if (key && check?.existing) return { id: check.existing, duplicate: true };
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

/**
 * A learner's attempts at one quiz, oldest first, and the one already stored under this
 * idempotency key, if any — in one read, because every submission needs both.
 */
export async function attemptHistory(
  db: Database,
  userId: string,
  quizId: string,
  idempotencyKey: string | undefined,
): Promise<{ past: PastAttempt[]; earlier: { id: string; seed: number; answers: Answers } | undefined }> {
  const { rows } = await db.$client.execute({
    sql: `SELECT id, percent, passed, finished_at, seed, CASE WHEN idempotency_key = ? THEN answers END AS earlier_answers
          FROM quiz_attempts WHERE user_id = ? AND quiz_id = ? ORDER BY finished_at`,
    args: [idempotencyKey ?? null, userId, quizId],
  });
  const past = rows.map((r) => ({ percent: Number(r.percent), passed: Boolean(r.passed), finishedAt: new Date(Number(r.finished_at)) }));
  const mine = rows.find((r) => r.earlier_answers !== null);
  const earlier = mine ? { id: String(mine.id), seed: Number(mine.seed), answers: JSON.parse(String(mine.earlier_answers)) as Answers } : undefined;
  return { past, earlier };
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
