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

const SESSION_SQL = `
  SELECT s.secret_hash, s.expires_at, s.created_at, u.id, u.email, u.name, u.role, u.level_id, u.level_since, u.locale, u.active
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ?`;

// The same row with every module the person completed, for pages that show progress: lessons are
// the busiest pages, and one indexed read is the cheapest way to know who asks and what they did.
const SESSION_WITH_COMPLETIONS_SQL = `
  SELECT s.secret_hash, s.expires_at, s.created_at, u.id, u.email, u.name, u.role, u.level_id, u.level_since, u.locale, u.active,
    (SELECT json_group_array(json_array(c.module_id, c.completed_at)) FROM module_completions c WHERE c.user_id = u.id) AS completed
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ?`;

export interface ValidatedSession {
  session: ValidSession;
  user: SessionUser;
  /** Module id → completion time; only when asked for with `withCompletions`. */
  completed?: Map<string, Date>;
}

/**
 * Checks a token: the one place that decides whether a session is valid. Returns the session and
 * its (active) user, extending the session if due; an expired, over-age or deactivated session is
 * deleted and null returned. One indexed read (raw SQL: this runs on every request).
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  now: Date,
  maxAgeMs: number = sessionMaxAgeMs(),
  { withCompletions = false }: { withCompletions?: boolean } = {},
): Promise<ValidatedSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const { id, secret } = parsed;
  const row = (await db.$client.execute({ sql: withCompletions ? SESSION_WITH_COMPLETIONS_SQL : SESSION_SQL, args: [id] })).rows[0];
  if (!row) return null;
  if (!secretMatches(secret, new Uint8Array(row.secret_hash as ArrayBuffer))) return null;
  const createdAt = new Date(Number(row.created_at));
  let expiresAt = new Date(Number(row.expires_at));
  if (expiresAt.getTime() <= now.getTime() || pastMaxAge(createdAt, now, maxAgeMs) || !row.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_REMAINING_MS) {
    const slid = slidExpiry(createdAt, now, maxAgeMs);
    // Near the absolute end there is nothing left to extend; do not write on every request.
    if (slid.getTime() > expiresAt.getTime()) {
      expiresAt = slid;
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
    }
  }
  const userId = String(row.id);
  return {
    session: { id, userId, expiresAt },
    user: {
      id: userId,
      email: String(row.email),
      name: String(row.name),
      role: row.role as SessionUser['role'],
      levelId: String(row.level_id),
      levelSince: new Date(Number(row.level_since)),
      locale: row.locale === 'en' ? 'en' : 'zh',
    },
    ...(withCompletions && {
      completed: new Map((JSON.parse(String(row.completed ?? '[]')) as [string, number][]).map(([moduleId, at]) => [moduleId, new Date(at)])),
    }),
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
