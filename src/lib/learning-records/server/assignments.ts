/** Courses and modules a manager assigns with a due date; one row per person, audited. */
import { and, eq, inArray } from 'drizzle-orm';
import { assignments, auditLog, users } from '../../../../db/schema';
import type { AssignmentTargetType } from '../assignments';
import type { Database } from '../../platform/server/db';

export interface NewAssignment {
  actorId: string;
  userIds: readonly string[];
  targetType: AssignmentTargetType;
  targetId: string;
  /** The modules the target holds now: what the assignment asks for, whatever the course becomes. */
  moduleIds: readonly string[];
  dueAt: Date;
  now: Date;
}

/**
 * Assigns a target to each person. Assigning what someone already has moves its due date instead
 * of adding a second row, and asks for the target as it is now (a course may have grown since).
 * Returns how many were created and how many moved.
 */
export async function assign(db: Database, input: NewAssignment): Promise<{ created: number; updated: number }> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return { created: 0, updated: 0 };
  return db.transaction(async (tx) => {
    const known = await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds));
    const existing = await tx
      .select()
      .from(assignments)
      .where(
        and(
          inArray(assignments.userId, userIds),
          eq(assignments.targetType, input.targetType),
          eq(assignments.targetId, input.targetId),
        ),
      );
    const byUser = new Map(existing.map((a) => [a.userId, a]));
    let created = 0;
    let updated = 0;
    const target = { targetType: input.targetType, targetId: input.targetId };
    const moduleIds = [...input.moduleIds];
    for (const { id: userId } of known) {
      const previous = byUser.get(userId);
      if (previous) {
        await tx.update(assignments).set({ dueAt: input.dueAt, assignedBy: input.actorId, moduleIds }).where(eq(assignments.id, previous.id));
        updated++;
      } else {
        await tx.insert(assignments).values({ id: crypto.randomUUID(), userId, ...target, moduleIds, dueAt: input.dueAt, assignedBy: input.actorId, createdAt: input.now });
        created++;
      }
      await tx.insert(auditLog).values({
        actorId: input.actorId,
        action: previous ? 'assignment.updated' : 'assignment.created',
        subjectUserId: userId,
        before: previous ? { ...target, dueAt: previous.dueAt.toISOString(), moduleIds: previous.moduleIds } : null,
        after: { ...target, dueAt: input.dueAt.toISOString(), moduleIds },
        at: input.now,
      });
    }
    return { created, updated };
  });
}
