/**
 * Exercise attempts: one open (in-progress) attempt per learner and exercise holds the work so
 * far and resumes where it was left; submitting closes it with its score, result and duration,
 * together with a learning event, in one transaction.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { exerciseAttempts, learningEvents } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { groupCommitFor } from '../../platform/server/group-commit';

export type ExerciseAttempt = typeof exerciseAttempts.$inferSelect;
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface OpenAttemptInput {
  userId: string;
  exerciseId: string;
  now: Date;
  /** State of a fresh attempt, used only when there is no open one to resume. */
  initialState: unknown;
  /**
   * The revision the writing tab last saw (exercise.open / start / save / choose). When given, a
   * write is refused with StaleRevisionError unless it is still the open attempt's revision, so a
   * tab left behind by another one cannot overwrite that tab's work. Omitted, the write is not
   * checked: only pages loaded before revisions existed send none.
   */
  basedOn?: number | undefined;
}

export interface GradedAttempt {
  state: unknown;
  result: unknown;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
}

/** Thrown by `submitOpenAttempt` when a retried submission's key belongs to another exercise. */
export class IdempotencyKeyReusedError extends Error {}

/** Thrown when a write names a revision older than the stored one: another tab changed the attempt since. */
export class StaleRevisionError extends Error {
  constructor(readonly stored: number) {
    super(`the attempt is at revision ${stored}; this write was based on an older one`);
  }
}

function refuseStale(attempt: ExerciseAttempt, basedOn: number | undefined) {
  if (basedOn !== undefined && attempt.revision !== basedOn) throw new StaleRevisionError(attempt.revision);
}

/**
 * The revision a new attempt starts at: one past every earlier attempt's, so revisions never
 * repeat for a learner and exercise and a tab still showing a submitted attempt is always stale.
 */
async function startingRevision(db: Database | Transaction, userId: string, exerciseId: string): Promise<number> {
  const row = await db
    .select({ last: sql<number | null>`max(${exerciseAttempts.revision})` })
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseId, exerciseId)))
    .get();
  return row?.last == null ? 0 : Number(row.last) + 1;
}

async function findOpen(db: Database | Transaction, userId: string, exerciseId: string): Promise<ExerciseAttempt | null> {
  const row = await db
    .select()
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseId, exerciseId), eq(exerciseAttempts.status, 'in-progress')))
    .orderBy(desc(exerciseAttempts.updatedAt))
    .get();
  return row ?? null;
}

async function openOrCreate(tx: Transaction, input: OpenAttemptInput): Promise<{ attempt: ExerciseAttempt; resumed: boolean }> {
  const open = await findOpen(tx, input.userId, input.exerciseId);
  if (open) return { attempt: open, resumed: true };
  const [created] = await tx
    .insert(exerciseAttempts)
    .values({
      id: crypto.randomUUID(),
      userId: input.userId,
      exerciseId: input.exerciseId,
      status: 'in-progress',
      state: input.initialState,
      startedAt: input.now,
      updatedAt: input.now,
      revision: await startingRevision(tx, input.userId, input.exerciseId),
    })
    .returning();
  return { attempt: created!, resumed: false };
}

/** The learner's open attempt at an exercise, if any. Reads only. */
export function findOpenAttempt(db: Database, userId: string, exerciseId: string): Promise<ExerciseAttempt | null> {
  return findOpen(db, userId, exerciseId);
}

/** The revision a tab works from: the open attempt's, or the one the next attempt will start at. */
export async function currentRevision(db: Database, userId: string, exerciseId: string, open: ExerciseAttempt | null): Promise<number> {
  return open ? open.revision : startingRevision(db, userId, exerciseId);
}

/** Resumes the open attempt, or starts one. Write transactions are serialised, so two tabs cannot open two attempts. */
export async function startOrResumeAttempt(db: Database, input: OpenAttemptInput): Promise<{ attempt: ExerciseAttempt; resumed: boolean }> {
  return groupCommitFor(db).run((tx) => openOrCreate(tx, input));
}

/**
 * Reads the open attempt (starting one if needed), lets `change` compute the new state from the
 * stored one, and saves it with the next revision, all in one transaction. If `change` throws, or
 * the write is based on an older revision (StaleRevisionError), nothing is written.
 */
export async function changeOpenAttempt<T>(
  db: Database,
  input: OpenAttemptInput,
  change: (attempt: ExerciseAttempt) => { state: unknown; value: T },
): Promise<{ attempt: ExerciseAttempt; value: T }> {
  return groupCommitFor(db).run(async (tx) => {
    const { attempt } = await openOrCreate(tx, input);
    refuseStale(attempt, input.basedOn);
    const { state, value } = change(attempt);
    const [updated] = await tx
      .update(exerciseAttempts)
      .set({ state, updatedAt: input.now, revision: attempt.revision + 1 })
      .where(eq(exerciseAttempts.id, attempt.id))
      .returning();
    return { attempt: updated!, value };
  });
}

/**
 * Grades and closes the open attempt (starting one if needed) and logs the learning event, in
 * one transaction; like a save, it is refused if based on an older revision. With an idempotency key, a retry of a submission that already landed returns
 * the stored attempt instead of grading again.
 */
export async function submitOpenAttempt(
  db: Database,
  input: OpenAttemptInput & { idempotencyKey?: string | undefined },
  grade: (attempt: ExerciseAttempt) => GradedAttempt,
): Promise<{ attempt: ExerciseAttempt; duplicate: boolean }> {
  return groupCommitFor(db).run(async (tx) => {
    if (input.idempotencyKey) {
      const existing = await tx
        .select()
        .from(exerciseAttempts)
        .where(and(eq(exerciseAttempts.userId, input.userId), eq(exerciseAttempts.idempotencyKey, input.idempotencyKey)))
        .get();
      if (existing) {
        if (existing.exerciseId !== input.exerciseId) throw new IdempotencyKeyReusedError('idempotency key already used for another exercise');
        return { attempt: existing, duplicate: true };
      }
    }
    const { attempt } = await openOrCreate(tx, input);
    refuseStale(attempt, input.basedOn);
    const graded = grade(attempt);
    const durationMs = Math.max(0, input.now.getTime() - attempt.startedAt.getTime());
    const [closed] = await tx
      .update(exerciseAttempts)
      .set({
        status: 'submitted',
        state: graded.state,
        result: graded.result,
        score: graded.score,
        maxScore: graded.maxScore,
        percent: graded.percent,
        updatedAt: input.now,
        finishedAt: input.now,
        durationMs,
        idempotencyKey: input.idempotencyKey ?? null,
        revision: attempt.revision + 1,
      })
      .where(eq(exerciseAttempts.id, attempt.id))
      .returning();
    await tx.insert(learningEvents).values({
      userId: input.userId,
      type: 'exercise.submitted',
      subject: input.exerciseId,
      data: { attemptId: attempt.id, percent: graded.percent, passed: graded.passed, durationMs },
      at: input.now,
    });
    return { attempt: closed!, duplicate: false };
  });
}

/** The learner's most recent submitted attempt at an exercise, if any. */
export async function latestSubmittedAttempt(db: Database, userId: string, exerciseId: string): Promise<ExerciseAttempt | null> {
  const row = await db
    .select()
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseId, exerciseId), eq(exerciseAttempts.status, 'submitted')))
    .orderBy(desc(exerciseAttempts.finishedAt))
    .get();
  return row ?? null;
}

/** The learner's best submitted percent at an exercise, or null before the first submission. */
export async function bestSubmittedPercent(db: Database, userId: string, exerciseId: string): Promise<number | null> {
  const row = await db
    .select({ best: sql<number | null>`max(${exerciseAttempts.percent})` })
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseId, exerciseId), eq(exerciseAttempts.status, 'submitted')))
    .get();
  return row?.best == null ? null : Number(row.best);
}

export interface ExerciseSummary {
  exerciseId: string;
  submitted: number;
  bestPercent: number | null;
  inProgress: boolean;
}

/** Per exercise the learner has touched: how often submitted, the best percent, and whether one is open. */
export async function exerciseSummaries(db: Database, userId: string): Promise<Map<string, ExerciseSummary>> {
  const rows = await db
    .select({
      exerciseId: exerciseAttempts.exerciseId,
      submitted: sql<number>`sum(case when ${exerciseAttempts.status} = 'submitted' then 1 else 0 end)`,
      bestPercent: sql<number | null>`max(case when ${exerciseAttempts.status} = 'submitted' then ${exerciseAttempts.percent} end)`,
      open: sql<number>`sum(case when ${exerciseAttempts.status} = 'in-progress' then 1 else 0 end)`,
    })
    .from(exerciseAttempts)
    .where(eq(exerciseAttempts.userId, userId))
    .groupBy(exerciseAttempts.exerciseId);
  return new Map(
    rows.map((r) => [
      r.exerciseId,
      { exerciseId: r.exerciseId, submitted: Number(r.submitted), bestPercent: r.bestPercent === null ? null : Number(r.bestPercent), inProgress: Number(r.open) > 0 },
    ]),
  );
}
