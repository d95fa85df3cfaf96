import { eq, sql } from 'drizzle-orm';
import { loginThrottle, users } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, reservedTryWait, retryAfterSeconds, type ThrottleWindow } from '../login-throttle-policy';

export type LoginOutcome =
  | { kind: 'ok'; userId: string }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `ip:${address}`;
const pairKey = (email: string, address: string) => `pair:${address}|${email}`;

/** An address as typed with an IME in full-width mode (ｌｉ＠ｄｅｍｏ．ａｃａｄｅｍｙ) reads as the one it is. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/**
 * Counts this try as a failure under every key, in one statement, before the password is checked
 * (a new window when the old one ended). One statement is atomic, so tries in parallel each see
 * the ones before them: they cannot all read "4 failures" and all go on to guess.
 */
async function reserve(db: Database, keys: string[], now: Date): Promise<Map<string, ThrottleWindow>> {
  const at = now.getTime();
  const values = sql.join(keys.map((key) => sql`(${key}, 1, ${at})`), sql`, `);
  const rows = await db.all<{ key: string; failures: number; window_started_at: number }>(sql`
    INSERT INTO login_throttle (key, failures, window_started_at) VALUES ${values}
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN window_started_at + ${LOGIN_WINDOW_MS} <= excluded.window_started_at THEN 1 ELSE failures + 1 END,
      window_started_at = CASE WHEN window_started_at + ${LOGIN_WINDOW_MS} <= excluded.window_started_at THEN excluded.window_started_at ELSE window_started_at END
    RETURNING key, failures, window_started_at`);
  return new Map(rows.map((r) => [r.key, { failures: Number(r.failures), windowStartedAt: new Date(Number(r.window_started_at)) }]));
}

/** Gives a reservation back (a try that was refused unchecked, or that succeeded), in its own window only. */
async function giveBack(db: Database, windows: Map<string, ThrottleWindow>, keys: string[]): Promise<void> {
  for (const key of keys) {
    const window = windows.get(key);
    if (!window) continue;
    await db.run(sql`UPDATE login_throttle SET failures = max(failures - 1, 0)
                     WHERE key = ${key} AND window_started_at = ${window.windowStartedAt.getTime()}`);
  }
}

/**
 * Checks a login attempt against the throttle and the password. Unknown email and wrong password
 * take the same time and give the same answer, so an attacker cannot learn who has an account.
 * `address` is the client's address as clientAddress() (client-address.ts) worked it out.
 */
export async function attemptLogin(
  db: Database,
  { email, password, address }: { email: string; password: string; address: string },
  now: Date,
): Promise<LoginOutcome> {
  const normalised = normaliseEmail(email);
  const account = accountKey(normalised);
  const pair = pairKey(normalised, address);
  const keys = [account, addressKey(address), pair];
  const windows = await reserve(db, keys, now);
  const wait = reservedTryWait({ account: windows.get(account)!, address: windows.get(keys[1]!)!, pair: windows.get(pair)! }, now);
  if (wait > 0) {
    // A refused try was never checked, so it is not a failure: waiting it out must end the lock.
    await giveBack(db, windows, keys);
    return { kind: 'throttled', retryAfterSeconds: wait };
  }

  const user = await db.select().from(users).where(eq(users.email, normalised)).get();
  const passwordHash = user?.active && user.passwordHash ? user.passwordHash : await decoyPasswordHash();
  const passwordMatches = await verifyPassword(passwordHash, password);
  if (user?.active && user.passwordHash && passwordMatches) {
    // The person is who they say: their account's failures are forgiven, and the address keeps
    // only the failures others made from it.
    await db.delete(loginThrottle).where(sql`${loginThrottle.key} IN (${account}, ${pair})`);
    await giveBack(db, windows, [keys[1]!]);
    return { kind: 'ok', userId: user.id };
  }
  return { kind: 'invalid' };
}

/** Drops windows that ended long ago so the table stays small. */
export async function pruneLoginThrottle(db: Database, now: Date): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.windowStartedAt} < ${now.getTime() - LOGIN_WINDOW_MS}`);
}

export type PasswordCheck = { kind: 'ok' } | { kind: 'invalid' } | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a signed-in person's current password (before they change it). A wrong one counts toward
 * the same per-account window as a failed login: a stolen session must not become an unthrottled
 * way to guess the password.
 */
export async function checkCurrentPassword(
  db: Database,
  { userId, password }: { userId: string; password: string },
  now: Date,
): Promise<PasswordCheck> {
  const user = await db.select({ email: users.email, passwordHash: users.passwordHash, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!user?.active) return { kind: 'invalid' };
  const key = accountKey(normaliseEmail(user.email));
  // Reserved before argon2 runs, like a login (see reserve): parallel guesses cannot slip past the limit.
  const windows = await reserve(db, [key], now);
  const wait = retryAfterSeconds({ ...windows.get(key)!, failures: windows.get(key)!.failures - 1 }, MAX_FAILURES_PER_ACCOUNT, now);
  if (wait > 0) {
    await giveBack(db, windows, [key]);
    return { kind: 'throttled', retryAfterSeconds: wait };
  }
  if (await verifyPassword(user.passwordHash ?? (await decoyPasswordHash()), password)) {
    await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    return { kind: 'ok' };
  }
  return { kind: 'invalid' };
}

/** Clears an account's failed-login window (after an admin-issued reset proves who the person is). */
export async function forgetFailedLogins(db: Pick<Database, 'delete'>, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(normaliseEmail(email))));
}
