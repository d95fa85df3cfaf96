/** A download's date range: whole company days, both ends included, at most a year. Pure. */
import { addDays, parseDayKey, startOfDay } from '../dates';

const MAX_DAYS = 366;

export type DayRange = { from: Date; to: Date; fromDay: string; toDay: string } | { error: 'admin.xapi.error.dates' | 'admin.xapi.error.order' | 'admin.xapi.error.long' };

/** [start of `fromDay`, start of the day after `toDay`) in the company's zone; a message key when unusable. */
export function companyDayRange(fromDay: string | null, toDay: string | null, zone: string): DayRange {
  const first = (fromDay ?? '').trim();
  const last = (toDay ?? '').trim();
  if (!parseDayKey(first) || !parseDayKey(last)) return { error: 'admin.xapi.error.dates' };
  const from = startOfDay(first, zone);
  const to = startOfDay(addDays(last, 1), zone);
  if (!from || !to) return { error: 'admin.xapi.error.dates' };
  if (to <= from) return { error: 'admin.xapi.error.order' };
  if (Math.round((to.getTime() - from.getTime()) / (24 * 3600_000)) > MAX_DAYS) return { error: 'admin.xapi.error.long' };
  return { from, to, fromDay: first, toDay: last };
}
