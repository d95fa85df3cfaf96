import { describe, expect, it } from 'vitest';
import { afterFailure, LOGIN_WINDOW_MS, retryAfterSeconds } from '../../src/lib/auth/login-throttle-policy';

const t0 = new Date('2026-11-23T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('login throttle policy', () => {
  it('allows attempts below the limit and blocks at it until the window ends', () => {
    let w = afterFailure(undefined, t0);
    for (let i = 1; i < 5; i++) w = afterFailure(w, later(i * 1000));
    expect(w.failures).toBe(5);
    expect(retryAfterSeconds({ ...w, failures: 4 }, 5, later(5000))).toBe(0);
    expect(retryAfterSeconds(w, 5, later(60_000))).toBe(LOGIN_WINDOW_MS / 1000 - 60);
    expect(retryAfterSeconds(w, 5, later(LOGIN_WINDOW_MS))).toBe(0);
  });

  it('starts a new window after the old one ends', () => {
    const old = { failures: 9, windowStartedAt: t0 };
    expect(afterFailure(old, later(LOGIN_WINDOW_MS + 1))).toEqual({ failures: 1, windowStartedAt: later(LOGIN_WINDOW_MS + 1) });
  });
});
