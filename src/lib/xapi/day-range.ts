/** A download's date range: whole company days, both ends included, at most a year. Pure. */

// The company's days run on Asia/Shanghai time (UTC+8 all year: China keeps no daylight saving).
const COMPANY_UTC_OFFSET = '+08:00';
const MAX_DAYS = 366;

export type DayRange = { from: Date; to: Date; fromDay: string; toDay: string } | { error: 'admin.xapi.error.dates' | 'admin.xapi.error.order' | 'admin.xapi.error.long' };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(day: string): Date | null {
  if (!dayPattern.test(day)) return null;
  const date = new Date(`${day}T00:00:00${COMPANY_UTC_OFFSET}`);
  // Rejects 2026-02-30 and the like, which Date would roll into March.
  return Number.isNaN(date.getTime()) || new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10) !== day ? null : date;
}

/** [start of `fromDay`, start of the day after `toDay`) in company time; a message key when unusable. */
export function companyDayRange(fromDay: string | null, toDay: string | null): DayRange {
  const from = dayStart((fromDay ?? '').trim());
  const toStart = dayStart((toDay ?? '').trim());
  if (!from || !toStart) return { error: 'admin.xapi.error.dates' };
  if (toStart < from) return { error: 'admin.xapi.error.order' };
  const to = new Date(toStart.getTime() + 24 * 3600_000);
  if ((to.getTime() - from.getTime()) / (24 * 3600_000) > MAX_DAYS) return { error: 'admin.xapi.error.long' };
  return { from, to, fromDay: fromDay!.trim(), toDay: toDay!.trim() };
}
