/**
 * The reminder kinds the scheduler plans, one small module each.
 * boosters-waiting.ts and observation-new.ts are ready but not listed: they need the boosters'
 * countDueCards and the coaching feature's unacknowledged-observations lookup, which live on other
 * branches. Add `boostersWaiting(countDueCards)` and `observationNew(unacknowledged)` here when merging.
 */
import { assignmentDue } from './assignment-due';
import { assignmentOverdue } from './overdue';
import { managerDigest } from './manager-digest';
import type { ReminderKind } from './types';

export const reminderKindRegistry: readonly ReminderKind[] = [assignmentDue, assignmentOverdue, managerDigest];
