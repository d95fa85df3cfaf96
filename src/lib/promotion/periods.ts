/**
 * KPI periods as managers write them: a year ("2026"), a half ("2026-H1"), a quarter ("2026-Q2")
 * or a month ("2026-05"). The latest period is the one that ends last.
 */
import { startOfDay } from '../dates/days';

export const PERIOD_PATTERN = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;

/** The first instant after the period on the company's calendar; null if the text is not a period. */
export function periodEnd(period: string, zone: string): number | null {
  const match = PERIOD_PATTERN.exec(period.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1990 || year > 2200) return null;
  const [, , half, quarter, month] = match;
  const endMonth = half ? Number(half) * 6 : quarter ? Number(quarter) * 3 : month ? Number(month) : 12;
  // A period ends where the first day of the following month starts.
  const [nextYear, nextMonth] = endMonth === 12 ? [year + 1, 1] : [year, endMonth + 1];
  return startOfDay(`${nextYear}-${String(nextMonth).padStart(2, '0')}-01`, zone)!.getTime();
}

export function isPeriod(period: string): boolean {
  return periodEnd(period, 'UTC') !== null;
}

/**
 * Orders two records newest first: by the end of their period, then by when they were recorded.
 * Period ends are compared as calendar positions, which no time zone can reorder.
 */
export function newerFirst<T extends { period: string; recordedAt: Date }>(a: T, b: T): number {
  const byPeriod = (periodEnd(b.period, 'UTC') ?? 0) - (periodEnd(a.period, 'UTC') ?? 0);
  return byPeriod !== 0 ? byPeriod : b.recordedAt.getTime() - a.recordedAt.getTime();
}
