/** "Overdue": one reminder per open assignment and due date once that date has passed. */
import { dayKey } from '../../../dates';
import { assignmentReminderKind, overdueWindow } from '../../schedule';
import type { AssignmentReminderData } from '../../templates';
import { openAssignmentsDue } from './open-assignments';
import type { ReminderKind } from './types';

export const assignmentOverdue: ReminderKind = {
  id: 'assignment-overdue',
  webhook: false,
  async plan(ctx) {
    const open = await openAssignmentsDue(ctx, overdueWindow(ctx.now, ctx.zone));
    return open
      .filter((a) => assignmentReminderKind(a.dueAt, false, ctx.now, ctx.zone) === 'assignment-overdue')
      .map((a) => ({
        userId: a.userId,
        subject: a.id,
        period: dayKey(a.dueAt, ctx.zone),
        data: { assignmentId: a.id, targetType: a.targetType, targetId: a.targetId, dueAt: a.dueAt.getTime() } satisfies AssignmentReminderData,
      }));
  },
};
