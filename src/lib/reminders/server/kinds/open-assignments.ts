/**
 * Open (unfinished) assignments of active people whose due time falls in a window, judged by the
 * same rule the pages use (assignmentProgress). Two queries whatever the number of people: the
 * assignments in the window, then those people's completions.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { assignments, moduleCompletions, users } from '../../../../../db/schema';
import { assignmentProgress } from '../../../learning-records/assignments';
import type { Window } from '../../schedule';
import type { PlanContext } from './types';

export interface OpenAssignment {
  id: string;
  userId: string;
  targetType: 'course' | 'module';
  targetId: string;
  dueAt: Date;
}

/** SQLite allows many bound values, but not unlimited: ids go in chunks. */
const CHUNK = 5_000;

export async function openAssignmentsDue(ctx: PlanContext, window: Window): Promise<OpenAssignment[]> {
  const rows = await ctx.db
    .select({
      id: assignments.id,
      userId: assignments.userId,
      targetType: assignments.targetType,
      targetId: assignments.targetId,
      dueAt: assignments.dueAt,
      moduleIds: assignments.moduleIds,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(and(gte(assignments.dueAt, window.from), lte(assignments.dueAt, window.to), eq(users.active, true)));
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const completions = new Map<string, Map<string, Date>>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const done = await ctx.db
      .select({ userId: moduleCompletions.userId, moduleId: moduleCompletions.moduleId, at: moduleCompletions.completedAt })
      .from(moduleCompletions)
      .where(inArray(moduleCompletions.userId, userIds.slice(i, i + CHUNK)));
    for (const c of done) {
      let mine = completions.get(c.userId);
      if (!mine) completions.set(c.userId, (mine = new Map()));
      mine.set(c.moduleId, c.at);
    }
  }
  return rows
    .filter((a) => assignmentProgress(a, completions.get(a.userId) ?? new Map(), ctx.curriculum, ctx.now).status !== 'done')
    .map(({ moduleIds: _, ...a }) => a);
}
