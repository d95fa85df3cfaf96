/**
 * Who is asking for a lesson and what they have completed, in one indexed read. The lesson fast
 * path calls it on every request, so it answers only the common case — a valid, active session
 * that needs no renewal — and leaves every other case (expired, renewal due, wrong secret) to the
 * Astro middleware, which handles it with the full rules of sessions.ts.
 */
import type { Database } from '../platform/server/db';
import { parseSessionToken, pastMaxAge, RENEW_WHEN_REMAINING_MS, secretMatches, sessionMaxAgeMs, slidExpiry, type SessionUser } from '../auth/server/sessions';

export interface SessionVisitor {
  user: SessionUser;
  expiresAt: Date;
}

export interface LessonVisitor extends SessionVisitor {
  completed: Map<string, Date>;
}

const VISITOR_SQL = `
  SELECT s.secret_hash, s.expires_at, s.created_at, u.id, u.email, u.name, u.role, u.level_id, u.level_since, u.locale, u.active,
    (SELECT json_group_array(json_array(c.module_id, c.completed_at)) FROM module_completions c WHERE c.user_id = u.id) AS completed
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ?`;

const SESSION_SQL = `
  SELECT s.secret_hash, s.expires_at, s.created_at, u.id, u.email, u.name, u.role, u.level_id, u.level_since, u.locale, u.active
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ?`;

/** The signed-in person behind a token, in the common case only (see above); null otherwise. */
export async function readSessionVisitor(db: Database, token: string, now: Date, maxAgeMs = sessionMaxAgeMs()): Promise<SessionVisitor | null> {
  return readVisitor(db, token, now, SESSION_SQL, maxAgeMs);
}

/** The same, with every module the person has completed. */
export async function readLessonVisitor(db: Database, token: string, now: Date, maxAgeMs = sessionMaxAgeMs()): Promise<LessonVisitor | null> {
  return readVisitor(db, token, now, VISITOR_SQL, maxAgeMs) as Promise<LessonVisitor | null>;
}

async function readVisitor(db: Database, token: string, now: Date, sql: string, maxAgeMs: number): Promise<SessionVisitor | LessonVisitor | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = (await db.$client.execute({ sql, args: [parsed.id] })).rows[0];
  if (!row) return null;
  if (!secretMatches(parsed.secret, new Uint8Array(row.secret_hash as ArrayBuffer))) return null;
  const expiresAt = Number(row.expires_at);
  const createdAt = new Date(Number(row.created_at));
  // Past its absolute lifetime: Astro's middleware ends it (sessions.ts). Renewal due: Astro renews it.
  if (!row.active || expiresAt <= now.getTime() || pastMaxAge(createdAt, now, maxAgeMs)) return null;
  if (expiresAt - now.getTime() < RENEW_WHEN_REMAINING_MS && slidExpiry(createdAt, now, maxAgeMs).getTime() > expiresAt) return null;
  const completed = row.completed === undefined ? undefined : new Map((JSON.parse(String(row.completed)) as [string, number][]).map(([id, at]) => [id, new Date(at)]));
  return {
    user: {
      id: String(row.id),
      email: String(row.email),
      name: String(row.name),
      role: row.role as SessionUser['role'],
      levelId: String(row.level_id),
      levelSince: new Date(Number(row.level_since)),
      locale: row.locale === 'en' ? 'en' : 'zh',
    },
    expiresAt: new Date(expiresAt),
    ...(completed && { completed }),
  };
}
