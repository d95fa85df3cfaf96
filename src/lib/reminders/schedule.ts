/**
 * Which reminders fall due on a given day, in the company's time zone. Pure: the planner asks here
 * and runs one query per kind for the window it names.
 */
import { addDays, dayKey, endOfDay, parseDayKey, startOfDay, type DayKey } from '../dates';

/** "Due in 3 days": an open assignment whose due day is today or one of the next three. */
export const DUE_SOON_DAYS = 3;
/** An overdue assignment is reminded about once; one that slipped longer ago than this is the digest's business. */
export const OVERDUE_LOOKBACK_DAYS = 14;
/** Managers' digest goes out on Mondays (ISO weekday 1). */
export const DIGEST_WEEKDAY = 1;

export interface Window {
  from: Date;
  to: Date;
}

/** Due dates that count as "due soon" now: from now to the end of the day DUE_SOON_DAYS ahead. */
export function dueSoonWindow(now: Date, zone: string): Window {
  return { from: now, to: endOfDay(addDays(dayKey(now, zone), DUE_SOON_DAYS), zone)! };
}

/** Due dates that count as "just overdue" now: from the start of the day OVERDUE_LOOKBACK_DAYS ago up to now. */
export function overdueWindow(now: Date, zone: string): Window {
  return { from: startOfDay(addDays(dayKey(now, zone), -OVERDUE_LOOKBACK_DAYS), zone)!, to: now };
}

export type AssignmentReminderKind = 'assignment-due' | 'assignment-overdue';

/** The reminder an open assignment due at `dueAt` calls for now, if any. Done assignments call for none. */
export function assignmentReminderKind(dueAt: Date, done: boolean, now: Date, zone: string): AssignmentReminderKind | null {
  if (done) return null;
  const soon = dueSoonWindow(now, zone);
  if (dueAt.getTime() >= soon.from.getTime() && dueAt.getTime() <= soon.to.getTime()) return 'assignment-due';
  const late = overdueWindow(now, zone);
  if (dueAt.getTime() >= late.from.getTime() && dueAt.getTime() < late.to.getTime()) return 'assignment-overdue';
  return null;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a company-zone day. */
export function isoWeekday(key: DayKey): number {
  const p = parseDayKey(key)!;
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether managers' digests go out on the company-zone day of `now`. */
export function isDigestDay(now: Date, zone: string): boolean {
  return isoWeekday(dayKey(now, zone)) === DIGEST_WEEKDAY;
}

/** The Monday of the company-zone week holding `now`: a digest's period, so a week has one. */
export function weekKey(now: Date, zone: string): DayKey {
  const today = dayKey(now, zone);
  return addDays(today, 1 - isoWeekday(today));
}
