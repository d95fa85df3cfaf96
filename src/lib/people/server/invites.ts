/**
 * Invitations: a single-use link that lets a person set their own password. The link carries a
 * random token; the database keeps only its SHA-256, so a leaked table lets nobody in. A new link
 * for the same email retires the older ones, and a link works once, before it expires.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { invites, teamMembers, teams, users, type Role } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { insertUserWithAudit, writeAudit, type AdminOutcome } from './admin-users';
import { hashLinkToken, LINK_TOKEN_SHAPE, newLinkToken } from '../../auth/server/link-tokens';

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewInvite {
  email: string;
  name: string;
  role: Role;
  levelId: string;
  teamId: string | null;
}

/**
 * Creates an invite and returns the token for the link: shown once, never stored. For an email
 * that already has an account without a password (created by an admin or an import), the link
 * sets that account's password and the account keeps its role, level and team.
 */
export async function createInvite(
  db: Database,
  actorId: string,
  invite: NewInvite,
  now: Date,
): Promise<AdminOutcome<{ token: string; expiresAt: Date; existingUserId: string | null }>> {
  const token = newLinkToken();
  const tokenHash = await hashLinkToken(token);
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: users.id, name: users.name, role: users.role, levelId: users.levelId, hasPassword: users.passwordHash, teamId: teamMembers.teamId })
      .from(users)
      .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
      .where(eq(users.email, invite.email))
      .get();
    if (existing?.hasPassword) return { ok: false, reason: 'email-taken' } as const;
    const target = existing
      ? { email: invite.email, name: existing.name, role: existing.role, levelId: existing.levelId, teamId: existing.teamId }
      : invite;
    if (target.teamId && !(await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, target.teamId)).get())) {
      return { ok: false, reason: 'team-unknown' } as const;
    }
    // Only the newest link for an address works.
    await tx
      .update(invites)
      .set({ expiresAt: now })
      .where(and(eq(invites.email, invite.email), isNull(invites.usedAt), gt(invites.expiresAt, now)));
    await tx.insert(invites).values({ tokenHash, ...target, createdBy: actorId, expiresAt });
    await writeAudit(tx, {
      actorId,
      action: 'invite.created',
      subjectUserId: existing?.id ?? null,
      before: null,
      after: { email: target.email, name: target.name, role: target.role, levelId: target.levelId, teamId: target.teamId, expiresAt: expiresAt.toISOString() },
      at: now,
    });
    return { ok: true, token, expiresAt, existingUserId: existing?.id ?? null } as const;
  });
}

export type InviteState =
  | { status: 'open'; email: string; name: string; expiresAt: Date }
  | { status: 'invalid' | 'used' | 'expired' };

/** What the invite page shows for a token. */
export async function inviteByToken(db: Database, token: string, now: Date): Promise<InviteState> {
  if (!LINK_TOKEN_SHAPE.test(token)) return { status: 'invalid' };
  const row = await db.select().from(invites).where(eq(invites.tokenHash, await hashLinkToken(token))).get();
  if (!row) return { status: 'invalid' };
  if (row.usedAt) return { status: 'used' };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };
  return { status: 'open', email: row.email, name: row.name, expiresAt: row.expiresAt };
}

export type AcceptOutcome = { ok: true; userId: string; email: string } | { ok: false; reason: 'invalid' | 'used' | 'expired' | 'email-taken' };

class Refusal extends Error {
  constructor(readonly reason: 'used' | 'email-taken') {
    super(reason);
  }
}

/**
 * Uses an invite: creates the account (or sets the password of the waiting one) and marks the
 * invite used, in one transaction. The conditional update is what makes the link single-use even
 * when two tabs submit at once: only one of them changes the row.
 */
export async function acceptInvite(
  db: Database,
  token: string,
  { passwordHash, locale }: { passwordHash: string; locale: 'zh' | 'en' },
  now: Date,
): Promise<AcceptOutcome> {
  const state = await inviteByToken(db, token, now);
  if (state.status !== 'open') return { ok: false, reason: state.status };
  const tokenHash = await hashLinkToken(token);
  try {
    return await db.transaction(async (tx) => {
      const claimed = await tx
        .update(invites)
        .set({ usedAt: now })
        .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.usedAt), gt(invites.expiresAt, now)))
        .returning();
      const invite = claimed[0];
      if (!invite) throw new Refusal('used');
      const existing = await tx
        .select({ id: users.id, active: users.active, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.email, invite.email))
        .get();
      let userId: string;
      if (existing) {
        if (existing.passwordHash || !existing.active) throw new Refusal('email-taken');
        userId = existing.id;
        await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
      } else {
        const teamId = invite.teamId && (await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, invite.teamId)).get()) ? invite.teamId : null;
        userId = await insertUserWithAudit(
          tx,
          invite.createdBy,
          { email: invite.email, name: invite.name, role: invite.role, levelId: invite.levelId, teamId, locale, passwordHash },
          'user.created',
          now,
        );
      }
      await writeAudit(tx, { actorId: userId, action: 'invite.accepted', subjectUserId: userId, before: null, after: { email: invite.email }, at: now });
      return { ok: true, userId, email: invite.email } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}

export interface PendingInvite {
  email: string;
  name: string;
  role: Role;
  expiresAt: Date;
}

/** Invites not yet used and not expired, soonest to expire first. */
export async function pendingInvites(db: Database, now: Date): Promise<PendingInvite[]> {
  return db
    .select({ email: invites.email, name: invites.name, role: invites.role, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .orderBy(asc(invites.expiresAt));
}
