/**
 * Administrators' writes. Each action: validate input, refuse anyone but an admin on the first
 * line, then one domain call that writes its change and its audit row in one transaction.
 * Refusals carry a UI string key as their message, which the admin pages translate.
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { singleLine } from '../schemas/typed-text';
import { roles } from '../../db/schema';
import { passwordProblem } from '../lib/auth/password-policy';
import { IMPORT_BATCH_SIZE, importLookups, MAX_NAME_LENGTH } from '../lib/people/user-import';
import {
  changeLevel,
  changeRole,
  createTeam as storeTeam,
  createUser as storeUser,
  listTeamsForAdmin,
  moveToTeam,
  setActive as storeActive,
  setTeamManager as storeTeamManager,
  type AdminOutcome,
  type AdminRefusal,
} from '../lib/people/server/admin-users';
import { importUserRows } from '../lib/people/server/import';
import { createInvite } from '../lib/people/server/invites';
import { issuePasswordReset } from '../lib/auth/server/password-resets';
import { loadLadder } from '../lib/promotion/server/ladder';
import { normaliseEmail } from '../lib/auth/server/login';
import { hashPassword } from '../lib/auth/server/passwords';
import { requireAdmin } from './guards';

/** The signed-in administrator; anyone else gets 403 (and anonymous callers 401). */

const refusals: Record<AdminRefusal, { code: ActionError['code']; message: string }> = {
  'not-found': { code: 'NOT_FOUND', message: 'admin.error.notFound' },
  'email-taken': { code: 'CONFLICT', message: 'admin.error.emailTaken' },
  'team-unknown': { code: 'BAD_REQUEST', message: 'admin.error.teamUnknown' },
  'manager-unknown': { code: 'BAD_REQUEST', message: 'admin.error.managerUnknown' },
  self: { code: 'CONFLICT', message: 'admin.error.self' },
};

function unwrap<T extends object>(outcome: AdminOutcome<T>): T {
  if (!outcome.ok) throw new ActionError(refusals[outcome.reason]);
  return outcome;
}

async function requireLevel(levelId: string): Promise<string> {
  const ladder = await loadLadder();
  if (!ladder.some((l) => l.id === levelId)) throw new ActionError({ code: 'BAD_REQUEST', message: 'admin.error.levelUnknown' });
  return levelId;
}

const id = z.string().trim().min(1).max(64);
// An empty form field reaches the schema as null (Astro's form parsing), so "none" is null or "".
const optionalId = z
  .string()
  .trim()
  .max(64)
  .nullish()
  .transform((v) => (v ? v : null));
const email = singleLine(254)
  .transform((v) => normaliseEmail(v))
  .pipe(z.email());
const name = singleLine(MAX_NAME_LENGTH).pipe(z.string().min(1));
const role = z.enum(roles);
const locale = z.enum(['zh', 'en']).default('zh');

const personFields = { email, name, role, levelId: id, teamId: optionalId };

export const createUser = defineAction({
  accept: 'form',
  input: z.object({
    ...personFields,
    locale,
    password: z.string().max(2048).nullish().transform((v) => v ?? ''),
    passwordConfirm: z.string().max(2048).nullish().transform((v) => v ?? ''),
  }),
  handler: async (input, context) => {
    const admin = requireAdmin(context);
    await requireLevel(input.levelId);
    let passwordHash: string | null = null;
    if (input.password !== '') {
      const problem = passwordProblem(input.password, input.passwordConfirm);
      if (problem) throw new ActionError({ code: 'BAD_REQUEST', message: problem });
      passwordHash = await hashPassword(input.password);
    }
    const db = context.locals.db;
    const now = new Date();
    const { userId } = unwrap(
      await storeUser(db, admin.id, { email: input.email, name: input.name, role: input.role, levelId: input.levelId, teamId: input.teamId, locale: input.locale, passwordHash }, now),
    );
    // Without a password the person needs a way in: hand the admin a link to pass on.
    const invite = passwordHash ? null : unwrap(await createInvite(db, admin.id, { email: input.email, name: input.name, role: input.role, levelId: input.levelId, teamId: input.teamId }, now));
    return { userId, email: input.email, inviteToken: invite?.token ?? null, inviteExpiresAt: invite?.expiresAt ?? null };
  },
});

export const invite = defineAction({
  accept: 'form',
  input: z.object(personFields),
  handler: async (input, context) => {
    const admin = requireAdmin(context);
    await requireLevel(input.levelId);
    const created = unwrap(await createInvite(context.locals.db, admin.id, input, new Date()));
    return { email: input.email, inviteToken: created.token, inviteExpiresAt: created.expiresAt };
  },
});

/** A set-new-password link for an active account, shown once to the admin to pass on. */
export const issueReset = defineAction({
  accept: 'form',
  input: z.object({ userId: id }),
  handler: async ({ userId }, context) => {
    const admin = requireAdmin(context);
    const issued = await issuePasswordReset(context.locals.db, admin.id, userId, new Date());
    if (!issued.ok) {
      throw new ActionError(issued.reason === 'inactive' ? { code: 'CONFLICT', message: 'admin.error.inactive' } : refusals['not-found']);
    }
    return { resetToken: issued.token, resetExpiresAt: issued.expiresAt };
  },
});

export const setRole = defineAction({
  accept: 'form',
  input: z.object({ userId: id, role }),
  handler: async ({ userId, role }, context) => {
    const admin = requireAdmin(context);
    unwrap(await changeRole(context.locals.db, admin.id, userId, role, new Date()));
    return { userId };
  },
});

export const setLevel = defineAction({
  accept: 'form',
  input: z.object({ userId: id, levelId: id }),
  handler: async ({ userId, levelId }, context) => {
    const admin = requireAdmin(context);
    await requireLevel(levelId);
    unwrap(await changeLevel(context.locals.db, admin.id, userId, levelId, new Date()));
    return { userId };
  },
});

export const moveTeam = defineAction({
  accept: 'form',
  input: z.object({ userId: id, teamId: optionalId }),
  handler: async ({ userId, teamId }, context) => {
    const admin = requireAdmin(context);
    unwrap(await moveToTeam(context.locals.db, admin.id, userId, teamId, new Date()));
    return { userId };
  },
});

export const setActive = defineAction({
  accept: 'form',
  input: z.object({ userId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  handler: async ({ userId, active }, context) => {
    const admin = requireAdmin(context);
    unwrap(await storeActive(context.locals.db, admin.id, userId, active, new Date()));
    return { userId, active };
  },
});

export const createTeam = defineAction({
  accept: 'form',
  input: z.object({ name: singleLine(MAX_NAME_LENGTH).pipe(z.string().min(1)), managerId: optionalId }),
  handler: async ({ name, managerId }, context) => {
    const admin = requireAdmin(context);
    return unwrap(await storeTeam(context.locals.db, admin.id, { name, managerId }, new Date()));
  },
});

export const setTeamManager = defineAction({
  accept: 'form',
  input: z.object({ teamId: id, managerId: optionalId }),
  handler: async ({ teamId, managerId }, context) => {
    const admin = requireAdmin(context);
    unwrap(await storeTeamManager(context.locals.db, admin.id, teamId, managerId, new Date()));
    return { teamId };
  },
});

const cell = z.string().max(300);

export const importUsers = defineAction({
  input: z.strictObject({
    rows: z
      .array(z.strictObject({ line: z.number().int().min(2).max(10_000_000), email: cell, name: cell, role: cell, level: cell, team: cell, employeeNumber: cell.optional() }))
      .min(1)
      .max(IMPORT_BATCH_SIZE),
  }),
  handler: async ({ rows }, context) => {
    const admin = requireAdmin(context);
    const db = context.locals.db;
    const [ladder, teams] = await Promise.all([loadLadder(), listTeamsForAdmin(db)]);
    const lookups = importLookups(
      ladder.map((l) => ({ id: l.id, order: l.order, names: [l.name.zh, l.name.en] })),
      teams,
    );
    const outcomes = await importUserRows(db, admin.id, rows, lookups, new Date());
    // Only what the report needs: no user ids go back to the browser.
    return outcomes.map((o) => (o.status === 'created' ? { line: o.line, email: o.email, status: o.status } : o));
  },
});
