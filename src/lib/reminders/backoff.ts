/**
 * How long a failed delivery waits before the next try: one minute, doubling, at most six hours.
 * It never gives up: a reminder stays in the outbox until the mail server or robot takes it (or
 * the person switches that channel off), so nothing is lost to an outage. Pure.
 */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;

export function reminderRetryDelayMs(failures: number): number {
  if (failures < 1) return 0;
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30), MAX_RETRY_MS);
}
