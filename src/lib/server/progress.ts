import { and, eq, max } from 'drizzle-orm';
import { learningEvents, moduleCompletions, quizAttempts } from '../../../db/schema';
import type { Database } from './db';

export async function completedModuleIds(db: Database, userId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ moduleId: moduleCompletions.moduleId, completedAt: moduleCompletions.completedAt })
    .from(moduleCompletions)
    .where(eq(moduleCompletions.userId, userId));
  return new Map(rows.map((r) => [r.moduleId, r.completedAt]));
}

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
  return db.transaction(async (tx) => {
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
