import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, sessions, teamMembers, teams, users } from '../../db/schema';
import {
  changeLevel,
  changeRole,
  createTeam,
  createUser,
  listPossibleManagers,
  listTeamsForAdmin,
  listUsers,
  moveToTeam,
  setActive,
  setTeamManager,
} from '../../src/lib/people/server/admin-users';
import { createSession, validateSessionToken } from '../../src/lib/auth/server/sessions';
import { membersOf, teamsVisibleTo } from '../../src/lib/people/server/team-scope';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const later = new Date('2026-11-23T11:00:00Z');

async function setup() {
  const admin = await insertUser(t.db, { role: 'admin', name: 'Admin' });
  const manager = await insertUser(t.db, { role: 'manager', name: 'Manager' });
  await t.db.insert(teams).values([
    { id: 'team-a', name: 'Team A', managerId: manager.id },
    { id: 'team-b', name: 'Team B' },
  ]);
  return { admin, manager };
}

const newPerson = { email: 'new@test.academy', name: '新人', role: 'learner' as const, levelId: 'junior', teamId: 'team-a', locale: 'zh' as const, passwordHash: null };

const auditRows = () => t.db.select().from(auditLog).orderBy(auditLog.id).all();

describe('creating accounts', () => {
  it('creates the account, its team membership and one audit row saying who did it', async () => {
    const { admin } = await setup();
    const outcome = await createUser(t.db, admin.id, newPerson, now);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const row = await t.db.select().from(users).where(eq(users.id, outcome.userId)).get();
    expect(row).toMatchObject({ email: 'new@test.academy', role: 'learner', passwordHash: null, active: true });
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, outcome.userId)).get()).toMatchObject({ teamId: 'team-a' });
    const [audit] = await auditRows();
    expect(audit).toMatchObject({ actorId: admin.id, action: 'user.created', subjectUserId: outcome.userId, before: null, at: now });
    expect(audit!.after).toMatchObject({ email: 'new@test.academy', teamId: 'team-a', withPassword: false });
  });

  it('refuses an email that has an account and an unknown team, writing nothing', async () => {
    const { admin } = await setup();
    await createUser(t.db, admin.id, newPerson, now);
    expect(await createUser(t.db, admin.id, newPerson, now)).toEqual({ ok: false, reason: 'email-taken' });
    expect(await createUser(t.db, admin.id, { ...newPerson, email: 'other@test.academy', teamId: 'team-zzz' }, now)).toEqual({ ok: false, reason: 'team-unknown' });
    expect(await t.db.select().from(users).where(eq(users.email, 'other@test.academy')).get()).toBeUndefined();
    expect(await auditRows()).toHaveLength(1);
  });
});

describe('changing accounts', () => {
  it('records role, level and team changes with their before and after', async () => {
    const { admin } = await setup();
    const person = await insertUser(t.db, { levelId: 'junior', levelSince: now });
    await changeRole(t.db, admin.id, person.id, 'trainer', later);
    await changeLevel(t.db, admin.id, person.id, 'mid', later);
    await moveToTeam(t.db, admin.id, person.id, 'team-a', later);
    await moveToTeam(t.db, admin.id, person.id, 'team-b', later);
    await moveToTeam(t.db, admin.id, person.id, null, later);
    const updated = (await t.db.select().from(users).where(eq(users.id, person.id)).get())!;
    expect(updated).toMatchObject({ role: 'trainer', levelId: 'mid', levelSince: later });
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, person.id)).get()).toBeUndefined();
    expect((await auditRows()).map((a) => [a.action, a.before, a.after])).toEqual([
      ['user.role-changed', { role: 'learner' }, { role: 'trainer' }],
      ['user.level-changed', { levelId: 'junior', levelSince: now.toISOString() }, { levelId: 'mid', levelSince: later.toISOString() }],
      ['user.team-changed', { teamId: null }, { teamId: 'team-a' }],
      ['user.team-changed', { teamId: 'team-a' }, { teamId: 'team-b' }],
      ['user.team-changed', { teamId: 'team-b' }, { teamId: null }],
    ]);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const { admin } = await setup();
    const person = await insertUser(t.db);
    expect(await changeRole(t.db, admin.id, person.id, 'learner', now)).toEqual({ ok: true });
    expect(await moveToTeam(t.db, admin.id, person.id, null, now)).toEqual({ ok: true });
    expect(await auditRows()).toHaveLength(0);
  });

  it('will not let an admin change their own role or deactivate themselves', async () => {
    const { admin } = await setup();
    expect(await changeRole(t.db, admin.id, admin.id, 'learner', now)).toEqual({ ok: false, reason: 'self' });
    expect(await setActive(t.db, admin.id, admin.id, false, now)).toEqual({ ok: false, reason: 'self' });
  });

  it('answers not-found for someone who does not exist', async () => {
    const { admin } = await setup();
    expect(await changeLevel(t.db, admin.id, 'nobody', 'mid', now)).toEqual({ ok: false, reason: 'not-found' });
    expect(await moveToTeam(t.db, admin.id, 'nobody', 'team-a', now)).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('deactivating', () => {
  it('ends every session of the person at once and logs it', async () => {
    const { admin } = await setup();
    const person = await insertUser(t.db);
    const first = await createSession(t.db, person.id, now);
    await createSession(t.db, person.id, now);
    const adminSession = await createSession(t.db, admin.id, now);
    expect(await setActive(t.db, admin.id, person.id, false, later)).toEqual({ ok: true });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, person.id)).all()).toHaveLength(0);
    expect(await validateSessionToken(t.db, first.token, later)).toBeNull();
    expect(await validateSessionToken(t.db, adminSession.token, later)).not.toBeNull();
    expect((await auditRows()).map((a) => a.action)).toEqual(['user.deactivated']);
  });

  it('can be undone, and the person logs in again with a new session', async () => {
    const { admin } = await setup();
    const person = await insertUser(t.db);
    await setActive(t.db, admin.id, person.id, false, now);
    await setActive(t.db, admin.id, person.id, true, later);
    const { token } = await createSession(t.db, person.id, later);
    expect(await validateSessionToken(t.db, token, later)).not.toBeNull();
    expect((await auditRows()).map((a) => a.action)).toEqual(['user.deactivated', 'user.reactivated']);
  });
});

describe('teams', () => {
  it('creates a team led by a manager and changes its manager, refusing a learner as manager', async () => {
    const { admin, manager } = await setup();
    const learner = await insertUser(t.db);
    const created = await createTeam(t.db, admin.id, { name: 'Team C', managerId: manager.id }, now);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await setTeamManager(t.db, admin.id, created.teamId, learner.id, now)).toEqual({ ok: false, reason: 'manager-unknown' });
    expect(await setTeamManager(t.db, admin.id, created.teamId, null, now)).toEqual({ ok: true });
    expect((await t.db.select().from(teams).where(eq(teams.id, created.teamId)).get())?.managerId).toBeNull();
    expect((await auditRows()).map((a) => a.action)).toEqual(['team.created', 'team.manager-changed']);
  });
});

describe('listUsers', () => {
  it('searches name and email, case-insensitively, treating % and _ literally', async () => {
    await insertUser(t.db, { email: 'zhou_min@test.academy', name: '周敏' });
    await insertUser(t.db, { email: 'zhouxmin@test.academy', name: 'Zhou X' });
    await insertUser(t.db, { email: 'chen@test.academy', name: '陈杰' });
    expect((await listUsers(t.db, { query: 'ZHOU_' })).users.map((u) => u.email)).toEqual(['zhou_min@test.academy']);
    expect((await listUsers(t.db, { query: '陈' })).total).toBe(1);
    expect((await listUsers(t.db, { query: '%' })).total).toBe(0);
    const page = await listUsers(t.db, { pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.users).toHaveLength(1);
  });

  it('finds Émile however the name is typed: accents, case, full-width letters, spaces', async () => {
    await insertUser(t.db, { email: 'emile.dupont@test.academy', name: 'Émile Dupont', createdAt: new Date('2026-01-01T00:00:00Z') });
    await insertUser(t.db, { email: 'zhou.min@test.academy', name: '周敏', createdAt: new Date('2026-01-02T00:00:00Z') });
    await insertUser(t.db, { email: 'other@test.academy', name: 'Emil Other', createdAt: new Date('2026-01-03T00:00:00Z') });
    for (const query of ['Émile', 'émile', 'ÉMILE', 'E\u0301mile', 'émile dupont', 'émiledupont']) {
      expect((await listUsers(t.db, { query })).users.map((u) => u.name), query).toEqual(['Émile Dupont']);
    }
    expect((await listUsers(t.db, { query: 'ｚｈｏｕ' })).users.map((u) => u.email)).toEqual(['zhou.min@test.academy']);
    expect((await listUsers(t.db, { query: '周 敏' })).total).toBe(1);
  });

  it('pages through search results newest first and counts every match', async () => {
    for (let i = 0; i < 5; i++) {
      await insertUser(t.db, { email: `e${i}@test.academy`, name: `Élodie ${i}`, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    }
    await insertUser(t.db, { email: 'x@test.academy', name: 'Someone Else' });
    const second = await listUsers(t.db, { query: 'élodie', pageSize: 2, page: 2 });
    expect(second.total).toBe(5);
    expect(second.users.map((u) => u.name)).toEqual(['Élodie 2', 'Élodie 1']);
    const last = await listUsers(t.db, { query: 'ÉLODIE', pageSize: 2, page: 3 });
    expect(last.users.map((u) => u.name)).toEqual(['Élodie 0']);
    expect((await listUsers(t.db, { query: 'élodie', pageSize: 2, page: 9 })).users).toEqual([]);
  });
});

describe('lists of teams and managers', () => {
  it('orders Chinese team names by pinyin, as the matrix does', async () => {
    for (const [id, name] of [['east', '华东销售一组'], ['north', '华北销售二组'], ['anhui', '安徽组'], ['west', 'West team']] as const) {
      await t.db.insert(teams).values({ id, name });
    }
    expect((await listTeamsForAdmin(t.db)).map((team) => team.name)).toEqual(['安徽组', '华北销售二组', '华东销售一组', 'West team']);
    const admin = { id: 'nobody', role: 'admin' as const };
    expect((await teamsVisibleTo(t.db, admin)).map((team) => team.name)).toEqual(['安徽组', '华北销售二组', '华东销售一组', 'West team']);
  });

  it('lists team members and possible managers by pinyin', async () => {
    await t.db.insert(teams).values({ id: 'east', name: '华东销售一组' });
    for (const name of ['周敏', 'Anna', '陈杰', '安宁']) {
      const person = await insertUser(t.db, { name, role: 'manager' });
      await t.db.insert(teamMembers).values({ userId: person.id, teamId: 'east' });
    }
    expect((await membersOf(t.db, ['east'])).map((p) => p.name)).toEqual(['安宁', '陈杰', '周敏', 'Anna']);
    expect((await listPossibleManagers(t.db)).map((p) => p.name)).toEqual(['安宁', '陈杰', '周敏', 'Anna']);
  });
});
