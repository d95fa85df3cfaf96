/** Calendar months in UTC: 31 January plus one month is the last day of February. */
export function addMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  );
}

/** Whole months from `since` to `now`: the largest k with since + k months ≤ now (0 if now is earlier). */
export function wholeMonthsBetween(since: Date, now: Date): number {
  if (now.getTime() < since.getTime()) return 0;
  let months = (now.getUTCFullYear() - since.getUTCFullYear()) * 12 + (now.getUTCMonth() - since.getUTCMonth());
  while (months > 0 && addMonths(since, months).getTime() > now.getTime()) months--;
  return months;
}
