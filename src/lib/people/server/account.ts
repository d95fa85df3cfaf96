/**
 * A signed-in person's own account: what the "my account" page shows, changing one's password,
 * the language preference, and ending one's other sessions.
 */
import { and, count, eq, gt, ne } from 'drizzle-orm';
import { sessions, teamMembers, teams, users, type Role } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { writeAudit } from './admin-users';
import { checkCurrentPassword } from '../../auth/server/login';
import { invalidateOtherUserSessions } from '../../auth/server/sessions';

export interface AccountOverview {
  name: string;
  email: string;
  role: Role;
  levelId: string;
  locale: 'zh' | 'en';
  teamName: string | null;
  /** Live sessions besides the one asking: the devices "sign out elsewhere" would end. */
  otherSessions: number;
}

export async function accountOverview(db: Database, userId: string, currentSessionId: string, now: Date): Promise<AccountOverview | undefined> {
  const [person, others] = await Promise.all([
    db
      .select({ name: users.name, email: users.email, role: users.role, levelId: users.levelId, locale: users.locale, teamName: teams.name })
      .from(users)
      .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
      .leftJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(users.id, userId))
      .get(),
    db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId), gt(sessions.expiresAt, now)))
      .get(),
  ]);
  return person ? { ...person, otherSessions: others?.n ?? 0 } : undefined;
}

export type ChangePasswordOutcome =
  | { ok: true; endedSessions: number }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Replaces a person's password after checking the current one. Every other session of theirs ends
 * (a password change is what someone does when they fear another device is in), the one they are
 * using stays. `hashNew` runs only after the current password checks out, so a wrong guess costs
 * one argon2 verification, not two.
 */
export async function changePassword(
  db: Database,
  { userId, sessionId, currentPassword, hashNew }: { userId: string; sessionId: string; currentPassword: string; hashNew: () => Promise<string> },
  now: Date,
): Promise<ChangePasswordOutcome> {
  const check = await checkCurrentPassword(db, { userId, password: currentPassword }, now);
  if (check.kind === 'throttled') return { ok: false, reason: 'throttled', retryAfterSeconds: check.retryAfterSeconds };
  if (check.kind === 'invalid') return { ok: false, reason: 'wrong-password' };
  const passwordHash = await hashNew();
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    const endedSessions = await invalidateOtherUserSessions(tx, userId, sessionId);
    await writeAudit(tx, { actorId: userId, action: 'password.changed', subjectUserId: userId, before: null, after: { endedSessions }, at: now });
    return { ok: true, endedSessions } as const;
  });
}

/** The language the site uses for this person wherever it picks one (after login, the home redirect). */
export async function setLocale(db: Database, userId: string, locale: 'zh' | 'en'): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function signOutOtherSessions(db: Database, userId: string, sessionId: string, now: Date): Promise<number> {
  const ended = await invalidateOtherUserSessions(db, userId, sessionId);
  if (ended > 0) await writeAudit(db, { actorId: userId, action: 'sessions.ended', subjectUserId: userId, before: null, after: { endedSessions: ended }, at: now });
  return ended;
}
