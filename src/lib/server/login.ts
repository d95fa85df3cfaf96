import { eq, inArray, sql } from 'drizzle-orm';
import { loginThrottle, users } from '../../../db/schema';
import type { Database } from './db';
import { decoyPasswordHash, verifyPassword } from './passwords';
import {
  afterFailure,
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  retryAfterSeconds,
} from '../login-throttle-policy';

export type LoginOutcome =
  | { kind: 'ok'; userId: string }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `ip:${address}`;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a login attempt against the throttle and the password. Unknown email and wrong password
 * take the same time and give the same answer, so an attacker cannot learn who has an account.
 */
export async function attemptLogin(
  db: Database,
  { email, password, address }: { email: string; password: string; address: string },
  now: Date,
): Promise<LoginOutcome> {
  const keys = [accountKey(normaliseEmail(email)), addressKey(address)];
  const windows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const windowOf = (key: string) => windows.find((w) => w.key === key);
  const wait = Math.max(
    retryAfterSeconds(windowOf(keys[0]!), MAX_FAILURES_PER_ACCOUNT, now),
    retryAfterSeconds(windowOf(keys[1]!), MAX_FAILURES_PER_ADDRESS, now),
  );
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };

  const user = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).get();
  const passwordHash = user?.active && user.passwordHash ? user.passwordHash : await decoyPasswordHash();
  const passwordMatches = await verifyPassword(passwordHash, password);
  if (user?.active && user.passwordHash && passwordMatches) {
    await db.delete(loginThrottle).where(eq(loginThrottle.key, keys[0]!));
    return { kind: 'ok', userId: user.id };
  }

  for (const key of keys) {
    const next = afterFailure(windowOf(key), now);
    await db
      .insert(loginThrottle)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: loginThrottle.key, set: next });
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
  const window = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  const wait = retryAfterSeconds(window, MAX_FAILURES_PER_ACCOUNT, now);
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
  if (await verifyPassword(user.passwordHash ?? (await decoyPasswordHash()), password)) {
    await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    return { kind: 'ok' };
  }
  const next = afterFailure(window, now);
  await db.insert(loginThrottle).values({ key, ...next }).onConflictDoUpdate({ target: loginThrottle.key, set: next });
  return { kind: 'invalid' };
}

/** Clears an account's failed-login window (after an admin-issued reset proves who the person is). */
export async function forgetFailedLogins(db: Pick<Database, 'delete'>, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(normaliseEmail(email))));
}
