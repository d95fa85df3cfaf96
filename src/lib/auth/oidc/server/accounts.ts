/**
 * Which account a single sign-on opens (server only): the active account with the provider's
 * verified email, or, when provisioning is on, a new one built from the claims. A deactivated
 * account stays out whatever the provider says. Every sign-on, creation and refusal of a
 * deactivated account is in the audit log, in the same transaction as any account it creates.
 */
import { eq } from 'drizzle-orm';
import { teamMembers, teams, users } from '../../../../../db/schema';
import type { Database } from '../../../platform/server/db';
import { writeAudit } from '../../../people/server/admin-users';
import type { Language } from '../../../../schemas/common';
import { newAccountProfile, verifiedEmail, type ClaimNames, type Claims, type LevelChoice } from './claims';
import type { SsoProblem } from '../errors';

export type SsoAccountOutcome = { ok: true; userId: string; locale: Language; provisioned: boolean } | { ok: false; problem: SsoProblem };

export interface SsoAccountOptions {
  issuer: string;
  provision: boolean;
  claimNames: ClaimNames;
  /** The ladder's enabled levels, lowest first (loadLadder()). */
  ladder: readonly LevelChoice[];
  /** The language the sign-on was started in: a new account's default. */
  locale: Language;
}

export async function accountForSignOn(db: Database, claims: Claims, options: SsoAccountOptions, now: Date): Promise<SsoAccountOutcome> {
  const email = verifiedEmail(claims);
  if (!email) return { ok: false, problem: 'email-unverified' };
  const who = { issuer: options.issuer, subject: typeof claims.sub === 'string' ? claims.sub : null };
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id, active: users.active, locale: users.locale }).from(users).where(eq(users.email, email)).get();
    if (existing && !existing.active) {
      await writeAudit(tx, { actorId: existing.id, action: 'sso.refused', subjectUserId: existing.id, before: null, after: { reason: 'deactivated', ...who }, at: now });
      return { ok: false, problem: 'deactivated' } as const;
    }
    if (existing) {
      await writeAudit(tx, { actorId: existing.id, action: 'sso.login', subjectUserId: existing.id, before: null, after: who, at: now });
      return { ok: true, userId: existing.id, locale: existing.locale, provisioned: false } as const;
    }
    if (!options.provision) return { ok: false, problem: 'unknown-account' } as const;
    const teamList = await tx.select({ id: teams.id, name: teams.name }).from(teams);
    const profile = newAccountProfile(claims, email, options.claimNames, options.ladder, teamList, options.locale);
    const id = crypto.randomUUID();
    // No password: this person signs in through the provider (an admin can still send an invite or reset link).
    await tx.insert(users).values({ id, email, name: profile.name, role: profile.role, levelId: profile.levelId, levelSince: now, locale: profile.locale, passwordHash: null, createdAt: now });
    if (profile.teamId) await tx.insert(teamMembers).values({ userId: id, teamId: profile.teamId, joinedAt: now });
    await writeAudit(tx, {
      actorId: id,
      action: 'user.provisioned',
      subjectUserId: id,
      before: null,
      after: { email, name: profile.name, role: profile.role, levelId: profile.levelId, teamId: profile.teamId, ...who },
      at: now,
    });
    await writeAudit(tx, { actorId: id, action: 'sso.login', subjectUserId: id, before: null, after: who, at: now });
    return { ok: true, userId: id, locale: profile.locale, provisioned: true } as const;
  });
}
