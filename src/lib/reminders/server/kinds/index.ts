/** The reminder kinds the scheduler plans, one small module each. */
import { countDueCards } from '../../../boosters/server/due-counts';
import { assignmentDue } from './assignment-due';
import { boostersWaiting } from './boosters-waiting';
import { observationNew } from './observation-new';
import { unacknowledgedObservations } from '../../../coaching/server/unacknowledged';
import { assignmentOverdue } from './overdue';
import { managerDigest } from './manager-digest';
import type { ReminderKind } from './types';

export const reminderKindRegistry: readonly ReminderKind[] = [assignmentDue, assignmentOverdue, boostersWaiting(countDueCards), observationNew(unacknowledgedObservations), managerDigest];
