/**
 * Fixed-window limits on failed logins.
 *
 * - Per account (from anywhere): a handful of tries per quarter hour stops guessing one person's
 *   password.
 * - Per address: behind the reverse proxy the README recommends, or an office NAT, every employee
 *   shares one address, so an address limit must never refuse a colleague's correct password.
 *   Instead, once an address has failed many times (a spray), each account it has already failed
 *   on is refused from that address for the rest of the window: the spray is stopped for the
 *   accounts it attacks, and everyone else behind the same address logs in as usual.
 *
 * A try reserves its failure before the password is checked (login.ts), so tries in parallel
 * cannot all slip under a limit; a successful try gives its reservation back.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;
/** Failures of one account from a spraying address after which that address may not try it again. */
export const MAX_FAILURES_PER_ACCOUNT_FROM_SPRAYING_ADDRESS = 1;

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

/** The windows of one try, each already counting this try (its reservation). */
export interface ReservedWindows {
  account: ThrottleWindow;
  address: ThrottleWindow;
  /** This account from this address. */
  pair: ThrottleWindow;
}

/**
 * Seconds to wait before this try may be checked, or 0 when it may. The windows count the try
 * itself, so "failures before it" is one less.
 */
export function reservedTryWait(windows: ReservedWindows, now: Date): number {
  const before = (w: ThrottleWindow): ThrottleWindow => ({ ...w, failures: w.failures - 1 });
  const accountWait = retryAfterSeconds(before(windows.account), MAX_FAILURES_PER_ACCOUNT, now);
  const spraying = retryAfterSeconds(before(windows.address), MAX_FAILURES_PER_ADDRESS, now) > 0;
  const pairWait = spraying ? retryAfterSeconds(before(windows.pair), MAX_FAILURES_PER_ACCOUNT_FROM_SPRAYING_ADDRESS, now) : 0;
  return Math.max(accountWait, pairWait);
}
