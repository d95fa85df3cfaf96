/**
 * Who is asking for a lesson and what they have completed, in one indexed read. The lesson fast
 * path calls it on every request, so it answers only the common case — a valid, active session
 * that needs no renewal — and leaves every other case (expired, renewal due, wrong secret) to the
 * Astro middleware, which handles it with the full rules of sessions.ts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from './db';
import { parseSessionToken, RENEW_WHEN_REMAINING_MS, type SessionUser } from './sessions';

export interface LessonVisitor {
  user: SessionUser;
  expiresAt: Date;
  completed: Map<string, Date>;
}

const VISITOR_SQL = `
  SELECT s.secret_hash, s.expires_at, u.id, u.email, u.name, u.role, u.level_id, u.level_since, u.locale, u.active,
    (SELECT json_group_array(json_array(c.module_id, c.completed_at)) FROM module_completions c WHERE c.user_id = u.id) AS completed
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ?`;

export async function readLessonVisitor(db: Database, token: string, now: Date): Promise<LessonVisitor | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = (await db.$client.execute({ sql: VISITOR_SQL, args: [parsed.id] })).rows[0];
  if (!row) return null;
  const stored = Buffer.from(row.secret_hash as ArrayBuffer);
  const given = createHash('sha256').update(parsed.secret).digest();
  if (stored.byteLength !== given.byteLength || !timingSafeEqual(stored, given)) return null;
  const expiresAt = Number(row.expires_at);
  if (!row.active || expiresAt - now.getTime() < RENEW_WHEN_REMAINING_MS) return null;
  const completed = new Map((JSON.parse(String(row.completed)) as [string, number][]).map(([id, at]) => [id, new Date(at)]));
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
    completed,
  };
}
