/** "Due in 3 days": one reminder per open assignment and due date, to the person it is assigned to. */
import { dayKey } from '../../../dates';
import { assignmentReminderKind, dueSoonWindow } from '../../schedule';
import type { AssignmentReminderData } from '../../templates';
import { openAssignmentsDue } from './open-assignments';
import type { ReminderKind } from './types';

export const assignmentDue: ReminderKind = {
  id: 'assignment-due',
  webhook: false,
  async plan(ctx) {
    const open = await openAssignmentsDue(ctx, dueSoonWindow(ctx.now, ctx.zone));
    return open
      .filter((a) => assignmentReminderKind(a.dueAt, false, ctx.now, ctx.zone) === 'assignment-due')
      .map((a) => ({
        userId: a.userId,
        subject: a.id,
        // Keyed by the due day: moving the due date earns a new reminder, a restart does not.
        period: dayKey(a.dueAt, ctx.zone),
        data: { assignmentId: a.id, targetType: a.targetType, targetId: a.targetId, dueAt: a.dueAt.getTime() } satisfies AssignmentReminderData,
      }));
  },
};
