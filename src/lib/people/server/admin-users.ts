/**
 * What an administrator does to accounts and teams. Every change is one transaction together with
 * its audit_log row (who, when, what, before, after); a change that changes nothing writes nothing.
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, teamMembers, teams, users, type Role } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { sortByName } from '../ordering';
import { personMatches, searchKey } from '../search';
import { invalidateUserSessions } from '../../auth/server/sessions';

/** Why an administrator's change was refused; pages translate these. */
export type AdminRefusal = 'not-found' | 'email-taken' | 'team-unknown' | 'manager-unknown' | 'self';
export type AdminOutcome<T = object> = ({ ok: true } & T) | { ok: false; reason: AdminRefusal };

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Executor = Database | Transaction;

export interface AuditEntry {
  actorId: string;
  action: string;
  subjectUserId: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

export async function writeAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  levelId: string;
  levelSince: Date;
  locale: 'zh' | 'en';
  active: boolean;
  hasPassword: boolean;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  levelId: users.levelId,
  levelSince: users.levelSince,
  locale: users.locale,
  active: users.active,
  hasPassword: sql<number>`${users.passwordHash} IS NOT NULL`.mapWith(Boolean),
  teamId: teamMembers.teamId,
  teamName: teams.name,
  createdAt: users.createdAt,
};

/**
 * One page of accounts, newest first, optionally filtered by a search over email and name. SQL
 * cannot fold case beyond ASCII, so a search reads every account's name and email (a few hundred
 * kilobytes for ten thousand people), matches them with the shared search key, and then loads
 * the full rows of the one page it shows; the total counts the matches.
 */
export async function listUsers(
  db: Database,
  { query = '', page = 1, pageSize = 50 }: { query?: string; page?: number; pageSize?: number } = {},
): Promise<{ users: AdminUserRow[]; total: number }> {
  const offset = (Math.max(1, page) - 1) * pageSize;
  const newestFirst = [desc(users.createdAt), asc(users.email)] as const;
  const withTeam = () => db.select(userColumns).from(users).leftJoin(teamMembers, eq(teamMembers.userId, users.id)).leftJoin(teams, eq(teams.id, teamMembers.teamId));
  if (searchKey(query) === '') {
    const [rows, [total]] = await Promise.all([
      withTeam().orderBy(...newestFirst).limit(pageSize).offset(offset),
      db.select({ n: count() }).from(users),
    ]);
    return { users: rows, total: total?.n ?? 0 };
  }
  const candidates = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(...newestFirst);
  const matches = candidates.filter((c) => personMatches(query, c));
  const pageIds = matches.slice(offset, offset + pageSize).map((m) => m.id);
  if (pageIds.length === 0) return { users: [], total: matches.length };
  const rows = await withTeam().where(inArray(users.id, pageIds)).orderBy(...newestFirst);
  return { users: rows, total: matches.length };
}

export async function findUserForAdmin(db: Database, userId: string): Promise<AdminUserRow | undefined> {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
    .leftJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(users.id, userId))
    .get();
}

export interface AdminTeamRow {
  id: string;
  name: string;
  managerId: string | null;
  managerName: string | null;
  members: number;
}

export async function listTeamsForAdmin(db: Database): Promise<AdminTeamRow[]> {
  const managers = sql`(SELECT name FROM users WHERE users.id = ${teams.managerId})`;
  return db
    .select({
      id: teams.id,
      name: teams.name,
      managerId: teams.managerId,
      managerName: sql<string | null>`${managers}`,
      members: sql<number>`(SELECT count(*) FROM team_members WHERE team_members.team_id = ${teams.id})`.mapWith(Number),
    })
    .from(teams)
    .then(sortByName);
}

/** People who may lead a team: active managers and admins. */
export async function listPossibleManagers(db: Database): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['manager', 'admin'])))
    .then(sortByName);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  levelId: string;
  teamId: string | null;
  locale: 'zh' | 'en';
  /** argon2id hash, or null for an account that sets its password through an invite link. */
  passwordHash: string | null;
  /** The HR/CRM employee number, when an import gives one. */
  employeeNumber?: string | null;
}

async function teamExists(tx: Executor, teamId: string | null): Promise<boolean> {
  if (teamId === null) return true;
  return (await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).get()) !== undefined;
}

/** Inserts the user, their team membership and the audit row; the caller owns the transaction. */
export async function insertUserWithAudit(tx: Transaction, actorId: string, user: NewUser, action: string, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(users).values({
    id,
    email: user.email,
    name: user.name,
    role: user.role,
    levelId: user.levelId,
    levelSince: now,
    locale: user.locale,
    passwordHash: user.passwordHash,
    employeeNumber: user.employeeNumber ?? null,
    createdAt: now,
  });
  if (user.teamId) await tx.insert(teamMembers).values({ userId: id, teamId: user.teamId, joinedAt: now });
  await writeAudit(tx, {
    actorId,
    action,
    subjectUserId: id,
    before: null,
    after: { email: user.email, name: user.name, role: user.role, levelId: user.levelId, teamId: user.teamId, withPassword: user.passwordHash !== null, ...(user.employeeNumber ? { employeeNumber: user.employeeNumber } : {}) },
    at: now,
  });
  return id;
}

export async function createUser(db: Database, actorId: string, user: NewUser, now: Date): Promise<AdminOutcome<{ userId: string }>> {
  return db.transaction(async (tx) => {
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, user.email)).get();
    if (taken) return { ok: false, reason: 'email-taken' } as const;
    if (!(await teamExists(tx, user.teamId))) return { ok: false, reason: 'team-unknown' } as const;
    const userId = await insertUserWithAudit(tx, actorId, user, 'user.created', now);
    return { ok: true, userId } as const;
  });
}

export async function changeRole(db: Database, actorId: string, userId: string, role: Role, now: Date): Promise<AdminOutcome> {
  // An administrator cannot take away their own role: the last admin would lock everyone out.
  if (actorId === userId) return { ok: false, reason: 'self' };
  return db.transaction(async (tx) => {
    const user = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!user) return { ok: false, reason: 'not-found' } as const;
    if (user.role === role) return { ok: true } as const;
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await writeAudit(tx, { actorId, action: 'user.role-changed', subjectUserId: userId, before: { role: user.role }, after: { role }, at: now });
    return { ok: true } as const;
  });
}

/**
 * Sets a person's level, e.g. to correct an import. This is not a promotion (managers promote on
 * the team page, which records it in the promotion history); the audit log keeps the change.
 */
export async function changeLevel(db: Database, actorId: string, userId: string, levelId: string, now: Date): Promise<AdminOutcome> {
  return db.transaction(async (tx) => {
    const user = await tx.select({ levelId: users.levelId, levelSince: users.levelSince }).from(users).where(eq(users.id, userId)).get();
    if (!user) return { ok: false, reason: 'not-found' } as const;
    if (user.levelId === levelId) return { ok: true } as const;
    await tx.update(users).set({ levelId, levelSince: now }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actorId,
      action: 'user.level-changed',
      subjectUserId: userId,
      before: { levelId: user.levelId, levelSince: user.levelSince.toISOString() },
      after: { levelId, levelSince: now.toISOString() },
      at: now,
    });
    return { ok: true } as const;
  });
}

/** Moves a person to another team, or off every team with `teamId` null. */
export async function moveToTeam(db: Database, actorId: string, userId: string, teamId: string | null, now: Date): Promise<AdminOutcome> {
  return db.transaction(async (tx) => {
    const user = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!user) return { ok: false, reason: 'not-found' } as const;
    if (!(await teamExists(tx, teamId))) return { ok: false, reason: 'team-unknown' } as const;
    const current = await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)).get();
    const before = current?.teamId ?? null;
    if (before === teamId) return { ok: true } as const;
    if (teamId === null) await tx.delete(teamMembers).where(eq(teamMembers.userId, userId));
    else {
      await tx
        .insert(teamMembers)
        .values({ userId, teamId, joinedAt: now })
        .onConflictDoUpdate({ target: teamMembers.userId, set: { teamId, joinedAt: now } });
    }
    await writeAudit(tx, { actorId, action: 'user.team-changed', subjectUserId: userId, before: { teamId: before }, after: { teamId }, at: now });
    return { ok: true } as const;
  });
}

/**
 * Deactivates or reactivates an account. Deactivating ends every session at once; even if that
 * step were lost, a session of an inactive account is refused and removed on its next request.
 */
export async function setActive(db: Database, actorId: string, userId: string, active: boolean, now: Date): Promise<AdminOutcome> {
  if (actorId === userId) return { ok: false, reason: 'self' };
  const outcome = await db.transaction(async (tx) => {
    const user = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!user) return { ok: false, reason: 'not-found' } as const;
    if (user.active === active) return { ok: true } as const;
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actorId,
      action: active ? 'user.reactivated' : 'user.deactivated',
      subjectUserId: userId,
      before: { active: user.active },
      after: { active },
      at: now,
    });
    return { ok: true } as const;
  });
  if (outcome.ok && !active) await invalidateUserSessions(db, userId);
  return outcome;
}

export async function createTeam(
  db: Database,
  actorId: string,
  { name, managerId }: { name: string; managerId: string | null },
  now: Date,
): Promise<AdminOutcome<{ teamId: string }>> {
  return db.transaction(async (tx) => {
    if (managerId && !(await isPossibleManager(tx, managerId))) return { ok: false, reason: 'manager-unknown' } as const;
    const teamId = `team-${crypto.randomUUID().slice(0, 8)}`;
    await tx.insert(teams).values({ id: teamId, name, managerId, createdAt: now });
    await writeAudit(tx, { actorId, action: 'team.created', subjectUserId: managerId, before: null, after: { teamId, name, managerId }, at: now });
    return { ok: true, teamId } as const;
  });
}

async function isPossibleManager(tx: Executor, userId: string): Promise<boolean> {
  const row = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, ['manager', 'admin'])))
    .get();
  return row !== undefined;
}

export async function setTeamManager(db: Database, actorId: string, teamId: string, managerId: string | null, now: Date): Promise<AdminOutcome> {
  return db.transaction(async (tx) => {
    const team = await tx.select({ managerId: teams.managerId }).from(teams).where(eq(teams.id, teamId)).get();
    if (!team) return { ok: false, reason: 'team-unknown' } as const;
    if (managerId && !(await isPossibleManager(tx, managerId))) return { ok: false, reason: 'manager-unknown' } as const;
    if (team.managerId === managerId) return { ok: true } as const;
    await tx.update(teams).set({ managerId }).where(eq(teams.id, teamId));
    await writeAudit(tx, {
      actorId,
      action: 'team.manager-changed',
      subjectUserId: managerId ?? team.managerId,
      before: { teamId, managerId: team.managerId },
      after: { teamId, managerId },
      at: now,
    });
    return { ok: true } as const;
  });
}

export interface AuditRow {
  id: number;
  action: string;
  actorName: string | null;
  subjectUserId: string | null;
  subjectName: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

/** The latest audit entries, all or about one person. */
export async function recentAudit(db: Database, { subjectUserId, limit = 50 }: { subjectUserId?: string; limit?: number } = {}): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${auditLog.actorId})`,
      subjectUserId: auditLog.subjectUserId,
      subjectName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${auditLog.subjectUserId})`,
      before: auditLog.before,
      after: auditLog.after,
      at: auditLog.at,
    })
    .from(auditLog)
    .where(subjectUserId ? eq(auditLog.subjectUserId, subjectUserId) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** Emails among `emails` that already have an account. */
export async function existingEmployeeNumbers(tx: Executor, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await tx.select({ number: users.employeeNumber }).from(users).where(inArray(users.employeeNumber, [...numbers]));
  return new Set(rows.map((r) => r.number!));
}

export async function existingEmails(tx: Executor, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx.select({ email: users.email }).from(users).where(inArray(users.email, [...emails]));
  return new Set(rows.map((r) => r.email));
}
