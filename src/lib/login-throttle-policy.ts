/**
 * Fixed-window limits on failed logins. Per account it stops guessing one person's password; per
 * address it stops one machine spraying many accounts. Numbers follow common guidance (a handful
 * of tries per account per quarter hour) while leaving room for a whole office behind one NAT.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

export interface ThrottleWindow {
  failures: number;
  windowStartedAt: Date;
}

/** Seconds until the key may try again, or 0 if it may try now. */
export function retryAfterSeconds(window: ThrottleWindow | undefined, limit: number, now: Date): number {
  if (!window) return 0;
  const endsAt = window.windowStartedAt.getTime() + LOGIN_WINDOW_MS;
  if (endsAt <= now.getTime() || window.failures < limit) return 0;
  return Math.ceil((endsAt - now.getTime()) / 1000);
}

/** The window after one more failure: a new window if the old one has ended. */
export function afterFailure(window: ThrottleWindow | undefined, now: Date): ThrottleWindow {
  if (!window || window.windowStartedAt.getTime() + LOGIN_WINDOW_MS <= now.getTime()) {
    return { failures: 1, windowStartedAt: now };
  }
  return { failures: window.failures + 1, windowStartedAt: window.windowStartedAt };
}
