/** Calendar days and months in the company's zone. Pure; every function takes the zone. */
import { instantAt, wallTime, type WallTime } from './zone';

/** A calendar day as "YYYY-MM-DD", the value of an `<input type=date>`. */
export type DayKey = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The company-calendar day of an instant, as "YYYY-MM-DD". */
export function dayKey(at: Date, zone: string): DayKey {
  const w = wallTime(at, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "2026-07-01" → its year, month and day; null for anything that is not a real calendar day. */
export function parseDayKey(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

const midnight = (d: { year: number; month: number; day: number }): WallTime => ({ ...d, hour: 0, minute: 0, second: 0, millisecond: 0 });

/** The first instant of day `key` in `zone`; null when `key` is not a day. */
export function startOfDay(key: DayKey, zone: string): Date | null {
  const d = parseDayKey(key);
  return d ? instantAt(midnight(d), zone) : null;
}

/** The last millisecond of day `key` in `zone`; null when `key` is not a day. */
export function endOfDay(key: DayKey, zone: string): Date | null {
  const d = parseDayKey(key);
  if (!d) return null;
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  const start = instantAt(midnight({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }), zone);
  return new Date(start.getTime() - 1);
}

/** The day `days` after (or before, when negative) day `key`. */
export function addDays(key: DayKey, days: number): DayKey {
  const d = parseDayKey(key);
  if (!d) throw new RangeError(`Not a calendar day: ${key}`);
  const moved = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/**
 * Calendar months on the company's wall clock: 31 January plus one month is the last day of
 * February, at the same time of day.
 */
export function addMonths(from: Date, months: number, zone: string): Date {
  const w = wallTime(from, zone);
  const monthIndex = w.month - 1 + months;
  const year = w.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return instantAt({ ...w, year, month, day: Math.min(w.day, lastDay) }, zone);
}

/** Whole months from `since` to `now` on the company calendar: the largest k with since + k months ≤ now. */
export function wholeMonthsBetween(since: Date, now: Date, zone: string): number {
  if (now.getTime() < since.getTime()) return 0;
  const a = wallTime(since, zone);
  const b = wallTime(now, zone);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  while (months > 0 && addMonths(since, months, zone).getTime() > now.getTime()) months--;
  return months;
}
