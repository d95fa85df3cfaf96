import { and, eq, max } from 'drizzle-orm';
import { learningEvents, moduleCompletions, quizAttempts } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { groupCommitFor } from '../../platform/server/group-commit';
import type { ScoringPolicy } from '../../../schemas/quiz';
import { countedPercent, type PastAttempt } from '../../quiz/attempt-rules';

export async function completedModuleIds(db: Database, userId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ moduleId: moduleCompletions.moduleId, completedAt: moduleCompletions.completedAt })
    .from(moduleCompletions)
    .where(eq(moduleCompletions.userId, userId));
  return new Map(rows.map((r) => [r.moduleId, r.completedAt]));
}

/**
 * The percent that counts for each quiz a learner attempted, under each quiz's scoring policy
 * (`policies` maps quiz id to "best" or "last"; a quiz missing from it counts its best attempt).
 * Every page that shows a learner's quiz score reads it from here.
 */
export async function quizScores(
  db: Database,
  userId: string,
  policies: ReadonlyMap<string, ScoringPolicy>,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ quizId: quizAttempts.quizId, percent: quizAttempts.percent, passed: quizAttempts.passed, finishedAt: quizAttempts.finishedAt })
    .from(quizAttempts)
    .where(eq(quizAttempts.userId, userId));
  const byQuiz = new Map<string, PastAttempt[]>();
  for (const { quizId, ...attempt } of rows) byQuiz.set(quizId, [...(byQuiz.get(quizId) ?? []), attempt]);
  const scores = new Map<string, number>();
  for (const [quizId, attempts] of byQuiz) scores.set(quizId, countedPercent(attempts, policies.get(quizId) ?? 'best') ?? 0);
  return scores;
}

/** Best percent per quiz whatever the quiz's policy. Prefer `quizScores`, which honours `scoring: last`. */
export async function bestQuizPercents(db: Database, userId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ quizId: quizAttempts.quizId, best: max(quizAttempts.percent) })
    .from(quizAttempts)
    .where(eq(quizAttempts.userId, userId))
    .groupBy(quizAttempts.quizId);
  return new Map(rows.map((r) => [r.quizId, r.best ?? 0]));
}

/**
 * Marks a module complete. Idempotent: completing it again keeps the first completion time and
 * logs nothing new. Returns whether this call was the one that completed it.
 */
export async function completeModule(db: Database, userId: string, moduleId: string, now: Date): Promise<boolean> {
  return groupCommitFor(db).run(async (tx) => {
    const inserted = await tx
      .insert(moduleCompletions)
      .values({ userId, moduleId, completedAt: now })
      .onConflictDoNothing()
      .returning({ moduleId: moduleCompletions.moduleId });
    if (inserted.length === 0) return false;
    await tx.insert(learningEvents).values({ userId, type: 'module.completed', subject: moduleId, at: now });
    return true;
  });
}

export async function isModuleComplete(db: Database, userId: string, moduleId: string): Promise<Date | null> {
  const row = await db
    .select({ completedAt: moduleCompletions.completedAt })
    .from(moduleCompletions)
    .where(and(eq(moduleCompletions.userId, userId), eq(moduleCompletions.moduleId, moduleId)))
    .get();
  return row?.completedAt ?? null;
}

/**
 * Records that a learner opened a module, once per person and module: the first view is when they
 * started it (content analytics measures time to completion from it). Most page loads find the
 * event already there and only read; the insert re-checks so two tabs cannot both add one.
 * Returns whether this call recorded the view.
 */
export async function recordModuleView(db: Database, userId: string, moduleId: string, now: Date): Promise<boolean> {
  const viewed = and(eq(learningEvents.userId, userId), eq(learningEvents.type, 'module.viewed'), eq(learningEvents.subject, moduleId));
  const existing = await db.select({ id: learningEvents.id }).from(learningEvents).where(viewed).limit(1).get();
  if (existing) return false;
  const result = await db.$client.execute({
    sql: `INSERT INTO learning_events (user_id, type, subject, at)
          SELECT ?, 'module.viewed', ?, ?
          WHERE NOT EXISTS (SELECT 1 FROM learning_events WHERE user_id = ? AND type = 'module.viewed' AND subject = ?)`,
    args: [userId, moduleId, now.getTime(), userId, moduleId],
  });
  return result.rowsAffected === 1;
}
