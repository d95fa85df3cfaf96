/**
 * Admin-issued password resets: the way back for someone who forgot their password. An admin makes
 * a link (shown to them once, to pass on); the person opens it and sets a new password. Like an
 * invite, the link carries a random token and only its SHA-256 is stored.
 *
 * A link lasts 24 hours: long enough to reach someone through a chat message the next working day
 * is over, short enough that a link lying in a chat history soon goes dead. It works once; issuing
 * a new one voids the older unused ones; using it replaces the password and ends every session the
 * person had, so whoever knew the old password (or held a session) is out.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResets, sessions, users } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { writeAudit } from '../../people/server/admin-users';
import { hashLinkToken, LINK_TOKEN_SHAPE, newLinkToken } from './link-tokens';
import { forgetFailedLogins } from './login';

export const PASSWORD_RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type IssueOutcome = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'not-found' | 'inactive' };

/** Makes a reset link for an active account and returns its token: shown once, never stored. */
export async function issuePasswordReset(db: Database, actorId: string, userId: string, now: Date): Promise<IssueOutcome> {
  const token = newLinkToken();
  const tokenHash = await hashLinkToken(token);
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
  return db.transaction(async (tx) => {
    const person = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!person) return { ok: false, reason: 'not-found' } as const;
    if (!person.active) return { ok: false, reason: 'inactive' } as const;
    // Only the newest link works: an older one may have gone to the wrong place.
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
    await tx.insert(passwordResets).values({ tokenHash, userId, createdBy: actorId, createdAt: now, expiresAt });
    await writeAudit(tx, {
      actorId,
      action: 'password-reset.issued',
      subjectUserId: userId,
      before: null,
      after: { expiresAt: expiresAt.toISOString() },
      at: now,
    });
    return { ok: true, token, expiresAt } as const;
  });
}

/** Every state of a known link carries the person's language, so even "expired" speaks it. */
export type ResetState =
  | { status: 'open'; email: string; name: string; locale: 'zh' | 'en'; expiresAt: Date }
  | { status: 'used' | 'expired' | 'inactive'; locale: 'zh' | 'en' }
  | { status: 'invalid' };

/** What the reset page shows for a token. */
export async function passwordResetByToken(db: Database, token: string, now: Date): Promise<ResetState> {
  if (!LINK_TOKEN_SHAPE.test(token)) return { status: 'invalid' };
  const row = await db
    .select({ reset: passwordResets, email: users.email, name: users.name, locale: users.locale, active: users.active })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, await hashLinkToken(token)))
    .get();
  if (!row) return { status: 'invalid' };
  const { locale } = row;
  if (row.reset.usedAt) return { status: 'used', locale };
  if (row.reset.expiresAt.getTime() <= now.getTime()) return { status: 'expired', locale };
  if (!row.active) return { status: 'inactive', locale };
  return { status: 'open', email: row.email, name: row.name, locale: row.locale, expiresAt: row.reset.expiresAt };
}

export type UseOutcome = { ok: true; userId: string; email: string } | { ok: false; reason: 'invalid' | 'used' | 'expired' | 'inactive' };

class Refusal extends Error {
  constructor(readonly reason: 'used' | 'inactive') {
    super(reason);
  }
}

/**
 * Sets the new password from a reset link, in one transaction: claims the link (the conditional
 * update makes it single-use even when two tabs submit at once), replaces the password, ends all
 * the person's sessions, lifts a login lock-out on the account, and writes the audit row.
 */
export async function usePasswordReset(db: Database, token: string, passwordHash: string, now: Date): Promise<UseOutcome> {
  const state = await passwordResetByToken(db, token, now);
  if (state.status !== 'open') return { ok: false, reason: state.status };
  const tokenHash = await hashLinkToken(token);
  try {
    return await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .returning({ userId: passwordResets.userId });
      if (!claimed) throw new Refusal('used');
      const person = await tx.select({ email: users.email, active: users.active }).from(users).where(eq(users.id, claimed.userId)).get();
      if (!person?.active) throw new Refusal('inactive');
      await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId));
      await tx.delete(sessions).where(eq(sessions.userId, claimed.userId));
      // The person proved who they are through the admin: yesterday's failed guesses no longer bar them.
      await forgetFailedLogins(tx, person.email);
      await writeAudit(tx, { actorId: claimed.userId, action: 'password-reset.used', subjectUserId: claimed.userId, before: null, after: null, at: now });
      return { ok: true, userId: claimed.userId, email: person.email } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}
