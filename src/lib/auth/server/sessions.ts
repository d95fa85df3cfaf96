/**
 * Sessions after the Lucia guide (lucia-auth/lucia code/auth_session.ts): the cookie holds
 * "id.secret", both random; the database keeps only SHA-256(secret), so a leaked table cannot be
 * replayed. Expiry slides: a session in use is extended, an idle one dies after 30 days. On top
 * of that a session has an absolute lifetime (SESSION_MAX_AGE_DAYS after login, 30 by default):
 * a stolen cookie in steady use cannot live for ever, and people log in again now and then.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { serverEnv } from '../../platform/server/env';

export const SESSION_COOKIE = 'session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Extend only when less than this remains, so most requests do not write. */
export const RENEW_WHEN_REMAINING_MS = 15 * DAY_MS;

/** How long after login a session ends however it is used (SESSION_MAX_AGE_DAYS). */
export function sessionMaxAgeMs(): number {
  return serverEnv().SESSION_MAX_AGE_DAYS * DAY_MS;
}

/** Whether a session created at `createdAt` is past its absolute lifetime at `now`. */
export function pastMaxAge(createdAt: Date, now: Date, maxAgeMs: number): boolean {
  return createdAt.getTime() + maxAgeMs <= now.getTime();
}

/** The expiry a session in use gets: sliding, but never beyond its absolute end. */
export function slidExpiry(createdAt: Date, now: Date, maxAgeMs: number): Date {
  return new Date(Math.min(now.getTime() + SESSION_LIFETIME_MS, createdAt.getTime() + maxAgeMs));
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)['role'];
  levelId: string;
  levelSince: Date;
  locale: 'zh' | 'en';
}

export interface ValidSession {
  id: string;
  userId: string;
  expiresAt: Date;
}

// Human-safe alphabet (no 0/o/1/l); 24 characters of 5 bits each = 120 bits of entropy.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
function randomString(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte >> 3];
  return out;
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Whether a token's secret is the one whose hash was stored, compared in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const given = hashSecret(secret);
  return given.byteLength === storedHash.byteLength && timingSafeEqual(given, storedHash);
}

/** Creates a session and returns the token to put in the cookie; the token is never stored. */
export async function createSession(
  db: Database,
  userId: string,
  now: Date,
  maxAgeMs: number = sessionMaxAgeMs(),
): Promise<{ token: string; expiresAt: Date }> {
  const id = randomString();
  const secret = randomString();
  const expiresAt = slidExpiry(now, now, maxAgeMs);
  await db.insert(sessions).values({ id, userId, secretHash: hashSecret(secret), expiresAt, createdAt: now });
  return { token: `${id}.${secret}`, expiresAt };
}

/** Splits a cookie value into session id and secret, or null when it cannot be a token. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split('.');
  if (parts.length !== 2 || parts[0]!.length !== 24 || parts[1]!.length !== 24) return null;
  return { id: parts[0]!, secret: parts[1]! };
}

/** Checks a token; returns the session and its (active) user, extending the session if due. */
export async function validateSessionToken(
  db: Database,
  token: string,
  now: Date,
  maxAgeMs: number = sessionMaxAgeMs(),
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const { id, secret } = parsed;
  const row = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (!secretMatches(secret, row.session.secretHash)) return null;
  if (row.session.expiresAt.getTime() <= now.getTime() || pastMaxAge(row.session.createdAt, now, maxAgeMs) || !row.user.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let expiresAt = row.session.expiresAt;
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_REMAINING_MS) {
    const slid = slidExpiry(row.session.createdAt, now, maxAgeMs);
    // Near the absolute end there is nothing left to extend; do not write on every request.
    if (slid.getTime() > expiresAt.getTime()) {
      expiresAt = slid;
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
    }
  }
  const { user } = row;
  return {
    session: { id, userId: user.id, expiresAt },
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      levelId: user.levelId,
      levelSince: user.levelSince,
      locale: user.locale,
    },
  };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Ends every session of a user but the one they are using: after a password change, and when a
 * person signs out their other devices. Returns how many were ended.
 */
export async function invalidateOtherUserSessions(db: Pick<Database, 'delete'>, userId: string, keepSessionId: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}
