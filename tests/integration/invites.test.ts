import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, invites, teamMembers, teams, users } from '../../db/schema';
import { acceptInvite, createInvite, INVITE_LIFETIME_MS, inviteByToken, pendingInvites } from '../../src/lib/people/server/invites';
import { attemptLogin } from '../../src/lib/auth/server/login';
import { hashPassword } from '../../src/lib/auth/server/passwords';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const soon = new Date(now.getTime() + 60_000);
const invitee = { email: 'new.hire@test.academy', name: '新同事', role: 'learner' as const, levelId: 'junior', teamId: 'team-a' };

async function setup() {
  const admin = await insertUser(t.db, { role: 'admin' });
  await t.db.insert(teams).values({ id: 'team-a', name: 'Team A' });
  return admin;
}

async function invite(adminId: string, overrides = {}) {
  const created = await createInvite(t.db, adminId, { ...invitee, ...overrides }, now);
  if (!created.ok) throw new Error(created.reason);
  return created;
}

describe('invites', () => {
  it('stores only a hash of the token, never the token itself', async () => {
    const admin = await setup();
    const { token } = await invite(admin.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = await t.db.$client.execute('SELECT * FROM invites');
    expect(JSON.stringify(raw.rows)).not.toContain(token);
    expect(raw.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('creates the account with the invited role, level and team when the password is set, and the person can log in', async () => {
    const admin = await setup();
    const { token } = await invite(admin.id);
    expect(await inviteByToken(t.db, token, soon)).toMatchObject({ status: 'open', email: invitee.email, name: invitee.name });
    const outcome = await acceptInvite(t.db, token, { passwordHash: await hashPassword('a long enough passphrase'), locale: 'en' }, soon);
    expect(outcome).toMatchObject({ ok: true, email: invitee.email });
    const user = (await t.db.select().from(users).where(eq(users.email, invitee.email)).get())!;
    expect(user).toMatchObject({ role: 'learner', levelId: 'junior', locale: 'en', active: true });
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, user.id)).get()).toMatchObject({ teamId: 'team-a' });
    expect(await attemptLogin(t.db, { email: invitee.email, password: 'a long enough passphrase', address: '127.0.0.1' }, soon)).toEqual({ kind: 'ok', userId: user.id });
  });

  it('works only once', async () => {
    const admin = await setup();
    const { token } = await invite(admin.id);
    expect((await acceptInvite(t.db, token, { passwordHash: 'hash-1', locale: 'zh' }, soon)).ok).toBe(true);
    expect(await acceptInvite(t.db, token, { passwordHash: 'hash-2', locale: 'zh' }, soon)).toEqual({ ok: false, reason: 'used' });
    expect(await inviteByToken(t.db, token, soon)).toEqual({ status: 'used' });
    expect((await t.db.select().from(users).where(eq(users.email, invitee.email)).get())?.passwordHash).toBe('hash-1');
  });

  it('lets only one of two simultaneous uses through', async () => {
    const admin = await setup();
    const { token } = await invite(admin.id);
    const outcomes = await Promise.all([
      acceptInvite(t.db, token, { passwordHash: 'hash-1', locale: 'zh' }, soon),
      acceptInvite(t.db, token, { passwordHash: 'hash-2', locale: 'zh' }, soon),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await t.db.select().from(users).where(eq(users.email, invitee.email)).all()).toHaveLength(1);
  });

  it('stops working when it expires', async () => {
    const admin = await setup();
    const { token, expiresAt } = await invite(admin.id);
    expect(expiresAt.getTime() - now.getTime()).toBe(INVITE_LIFETIME_MS);
    expect(await inviteByToken(t.db, token, expiresAt)).toEqual({ status: 'expired' });
    expect(await acceptInvite(t.db, token, { passwordHash: 'hash', locale: 'zh' }, new Date(expiresAt.getTime() + 1))).toEqual({ ok: false, reason: 'expired' });
    expect(await t.db.select().from(users).where(eq(users.email, invitee.email)).get()).toBeUndefined();
  });

  it('answers "invalid" for made-up or malformed tokens', async () => {
    await setup();
    expect(await inviteByToken(t.db, 'x'.repeat(43), soon)).toEqual({ status: 'invalid' });
    expect(await inviteByToken(t.db, "'; DROP TABLE invites; --", soon)).toEqual({ status: 'invalid' });
  });

  it('retires an older link when a new one is made for the same email', async () => {
    const admin = await setup();
    const first = await invite(admin.id);
    const second = await invite(admin.id);
    expect(await inviteByToken(t.db, first.token, now)).toEqual({ status: 'expired' });
    expect((await inviteByToken(t.db, second.token, now)).status).toBe('open');
    expect(await pendingInvites(t.db, now)).toHaveLength(1);
  });

  it('sets the password of a waiting account (made without one) instead of creating a second', async () => {
    const admin = await setup();
    const waiting = await insertUser(t.db, { email: 'waiting@test.academy', role: 'manager', passwordHash: null });
    const { token, existingUserId } = await invite(admin.id, { email: 'waiting@test.academy', role: 'learner' });
    expect(existingUserId).toBe(waiting.id);
    expect(await acceptInvite(t.db, token, { passwordHash: 'hash', locale: 'zh' }, soon)).toMatchObject({ ok: true, userId: waiting.id });
    expect(await t.db.select().from(users).where(eq(users.id, waiting.id)).get()).toMatchObject({ role: 'manager', passwordHash: 'hash' });
  });

  it('refuses to invite an email whose account already has a password', async () => {
    const admin = await setup();
    await insertUser(t.db, { email: 'taken@test.academy', passwordHash: 'existing' });
    expect(await createInvite(t.db, admin.id, { ...invitee, email: 'taken@test.academy' }, now)).toEqual({ ok: false, reason: 'email-taken' });
    expect(await t.db.select().from(invites).all()).toHaveLength(0);
  });

  it('logs the invite, the account it created and its use', async () => {
    const admin = await setup();
    const { token } = await invite(admin.id);
    const outcome = await acceptInvite(t.db, token, { passwordHash: 'hash', locale: 'zh' }, soon);
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id).all();
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['invite.created', admin.id],
      ['user.created', admin.id],
      ['invite.accepted', outcome.ok ? outcome.userId : ''],
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
