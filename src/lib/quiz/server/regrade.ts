/**
 * Re-grading every stored attempt at a quiz against its current key: what a trainer does after
 * correcting a key, so that reviews, scores and readiness (which reads stored scores) agree with
 * the correction. Explicit and audited: a preview first, then one transaction that rewrites each
 * changed attempt's verdicts, score, percent and pass, stamps `regraded_at`, and writes one audit
 * row per changed attempt with its score before and after.
 */
import { eq, inArray } from 'drizzle-orm';
import { auditLog, quizAttempts, users } from '../../../../db/schema';
import type { Quiz } from '../../../schemas/quiz';
import { regradeStoredAttempt, type Score } from '../review';
import type { Database } from '../../platform/server/db';
import type { Executor } from '../../promotion/server/learner-records';

export interface RegradeChange {
  attemptId: string;
  userId: string;
  userName: string;
  finishedAt: Date;
  before: Score;
  after: Score;
}

export interface RegradeSummary {
  quizId: string;
  /** Stored attempts examined. */
  attempts: number;
  /** Attempts whose verdicts or score the current key changes. */
  changed: RegradeChange[];
  /** Of those, the ones whose pass or fail flips. */
  passFlips: RegradeChange[];
  /** Whether the changes were written (false for a preview). */
  applied: boolean;
}

async function plan(db: Executor, quizId: string, quiz: Quiz) {
  const rows = await db.select().from(quizAttempts).where(eq(quizAttempts.quizId, quizId)).orderBy(quizAttempts.finishedAt);
  const regraded = rows.map((row) => ({ row, regrade: regradeStoredAttempt(quiz, row) })).filter(({ regrade }) => regrade.changed);
  const ids = [...new Set(regraded.map(({ row }) => row.userId))];
  const names = new Map(
    ids.length === 0 ? [] : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]),
  );
  return { total: rows.length, regraded, names };
}

function summary(quizId: string, found: Awaited<ReturnType<typeof plan>>, applied: boolean): RegradeSummary {
  const changed = found.regraded.map(({ row, regrade }) => ({
    attemptId: row.id,
    userId: row.userId,
    userName: found.names.get(row.userId) ?? row.userId,
    finishedAt: row.finishedAt,
    before: regrade.before,
    after: regrade.after,
  }));
  return { quizId, attempts: found.total, changed, passFlips: changed.filter((c) => c.before.passed !== c.after.passed), applied };
}

/** What re-grading would change, without writing anything. */
export async function previewRegrade(db: Database, quizId: string, quiz: Quiz): Promise<RegradeSummary> {
  return summary(quizId, await plan(db, quizId, quiz), false);
}

/**
 * Re-grades and stores, in one transaction. The plan is made again inside it, so an attempt
 * submitted since the preview is judged too, and two trainers applying at once cannot both write.
 */
export async function applyRegrade(db: Database, input: { quizId: string; quiz: Quiz; actorId: string; now: Date }): Promise<RegradeSummary> {
  return db.transaction(async (tx) => {
    const found = await plan(tx, input.quizId, input.quiz);
    for (const { row, regrade } of found.regraded) {
      await tx
        .update(quizAttempts)
        .set({ result: regrade.result, ...regrade.after, regradedAt: input.now })
        .where(eq(quizAttempts.id, row.id));
      await tx.insert(auditLog).values({
        actorId: input.actorId,
        action: 'quiz.regraded',
        subjectUserId: row.userId,
        before: { quizId: input.quizId, attemptId: row.id, ...regrade.before },
        after: { quizId: input.quizId, attemptId: row.id, ...regrade.after },
        at: input.now,
      });
    }
    return summary(input.quizId, found, true);
  });
}
