import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, passwordResets, sessions, users } from '../../db/schema';
import { accountOverview, changePassword, setLocale, signOutOtherSessions } from '../../src/lib/people/server/account';
import { issuePasswordReset, PASSWORD_RESET_LIFETIME_MS, passwordResetByToken, usePasswordReset } from '../../src/lib/auth/server/password-resets';
import { attemptLogin } from '../../src/lib/auth/server/login';
import { hashPassword } from '../../src/lib/auth/server/passwords';
import { createSession, validateSessionToken } from '../../src/lib/auth/server/sessions';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/lib/auth/login-throttle-policy';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const OLD = 'the old password, long enough';
const NEW = 'a brand new password phrase';
const login = (email: string, password: string, at = later(60_000)) => attemptLogin(t.db, { email, password, address: '10.0.0.1' }, at);

async function person(overrides: Partial<typeof users.$inferInsert> = {}) {
  return insertUser(t.db, { email: 'rep@test.academy', passwordHash: await hashPassword(OLD), ...overrides });
}

async function auditActions(subjectUserId: string) {
  return (await t.db.select().from(auditLog).where(eq(auditLog.subjectUserId, subjectUserId))).map((r) => r.action);
}

describe('changing my password', () => {
  it('replaces the password and ends every other session of mine, keeping the one I use', async () => {
    const me = await person();
    const here = await createSession(t.db, me.id, now);
    const phone = await createSession(t.db, me.id, now);
    const laptop = await createSession(t.db, me.id, now);
    const someoneElse = await insertUser(t.db);
    const theirs = await createSession(t.db, someoneElse.id, now);
    const hereId = here.token.split('.')[0]!;

    const outcome = await changePassword(t.db, { userId: me.id, sessionId: hereId, currentPassword: OLD, hashNew: () => hashPassword(NEW) }, later(1000));
    expect(outcome).toEqual({ ok: true, endedSessions: 2 });
    expect(await validateSessionToken(t.db, here.token, later(2000))).not.toBeNull();
    expect(await validateSessionToken(t.db, phone.token, later(2000))).toBeNull();
    expect(await validateSessionToken(t.db, laptop.token, later(2000))).toBeNull();
    expect(await validateSessionToken(t.db, theirs.token, later(2000))).not.toBeNull();
    expect((await login('rep@test.academy', NEW)).kind).toBe('ok');
    expect((await login('rep@test.academy', OLD)).kind).toBe('invalid');
    expect(await auditActions(me.id)).toEqual(['password.changed']);
  });

  it('refuses a wrong current password, changes nothing, and hashes no new password', async () => {
    const me = await person();
    const here = await createSession(t.db, me.id, now);
    const phone = await createSession(t.db, me.id, now);
    let hashed = false;
    const outcome = await changePassword(
      t.db,
      { userId: me.id, sessionId: here.token.split('.')[0]!, currentPassword: 'not my password', hashNew: async () => ((hashed = true), 'x') },
      later(1000),
    );
    expect(outcome).toEqual({ ok: false, reason: 'wrong-password' });
    expect(hashed).toBe(false);
    expect((await login('rep@test.academy', OLD)).kind).toBe('ok');
    expect(await validateSessionToken(t.db, phone.token, later(2000))).not.toBeNull();
    expect(await auditActions(me.id)).toEqual([]);
  });

  it('counts wrong current passwords toward the account’s login lock-out, and the lock-out stops changes too', async () => {
    const me = await person();
    const sessionId = (await createSession(t.db, me.id, now)).token.split('.')[0]!;
    const change = (currentPassword: string) => changePassword(t.db, { userId: me.id, sessionId, currentPassword, hashNew: () => hashPassword(NEW) }, later(1000));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await change(`guess ${i}`)).ok).toBe(false);
    // The right password no longer helps, on this page or at the login form.
    expect(await change(OLD)).toMatchObject({ ok: false, reason: 'throttled' });
    expect((await login('rep@test.academy', OLD, later(2000))).kind).toBe('throttled');
  });
});

describe('language preference and other sessions', () => {
  it('stores the language, which the next request’s session carries', async () => {
    const me = await person();
    const { token } = await createSession(t.db, me.id, now);
    await setLocale(t.db, me.id, 'en');
    expect((await validateSessionToken(t.db, token, later(1000)))?.user.locale).toBe('en');
  });

  it('signs out my other sessions only, and counts them on the account page', async () => {
    const me = await person();
    const here = (await createSession(t.db, me.id, now)).token.split('.')[0]!;
    await createSession(t.db, me.id, now);
    await createSession(t.db, me.id, now);
    expect((await accountOverview(t.db, me.id, here, later(1000)))?.otherSessions).toBe(2);
    expect(await signOutOtherSessions(t.db, me.id, here, later(1000))).toBe(2);
    expect(await t.db.select({ id: sessions.id }).from(sessions)).toEqual([{ id: here }]);
    expect((await accountOverview(t.db, me.id, here, later(2000)))?.otherSessions).toBe(0);
    expect(await auditActions(me.id)).toEqual(['sessions.ended']);
  });
});

describe('admin-issued password reset links', () => {
  async function setup() {
    const admin = await insertUser(t.db, { role: 'admin', email: 'admin@test.academy' });
    const me = await person({ locale: 'en', name: 'Emma' });
    return { admin, me };
  }
  async function issue(adminId: string, userId: string, at = now) {
    const issued = await issuePasswordReset(t.db, adminId, userId, at);
    if (!issued.ok) throw new Error(issued.reason);
    return issued;
  }

  it('stores only the token’s hash and expires after 24 hours', async () => {
    const { admin, me } = await setup();
    const { token, expiresAt } = await issue(admin.id, me.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - now.getTime()).toBe(PASSWORD_RESET_LIFETIME_MS);
    expect(PASSWORD_RESET_LIFETIME_MS).toBe(24 * 60 * 60 * 1000);
    const raw = await t.db.$client.execute('SELECT * FROM password_resets');
    expect(JSON.stringify(raw.rows)).not.toContain(token);
    expect(raw.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await passwordResetByToken(t.db, token, later(PASSWORD_RESET_LIFETIME_MS - 1))).toMatchObject({ status: 'open', email: me.email, name: 'Emma', locale: 'en' });
    expect(await passwordResetByToken(t.db, token, later(PASSWORD_RESET_LIFETIME_MS))).toEqual({ status: 'expired', locale: 'en' });
    expect(await usePasswordReset(t.db, token, await hashPassword(NEW), later(PASSWORD_RESET_LIFETIME_MS + 1))).toEqual({ ok: false, reason: 'expired' });
    expect((await login(me.email, OLD, later(PASSWORD_RESET_LIFETIME_MS + 2))).kind).toBe('ok');
  });

  it('sets the new password once: the old password is dead, every session ends, and a second use is refused', async () => {
    const { admin, me } = await setup();
    const phone = await createSession(t.db, me.id, now);
    const laptop = await createSession(t.db, me.id, now);
    const adminSession = await createSession(t.db, admin.id, now);
    const { token } = await issue(admin.id, me.id);

    expect(await usePasswordReset(t.db, token, await hashPassword(NEW), later(1000))).toEqual({ ok: true, userId: me.id, email: me.email });
    expect((await login(me.email, OLD)).kind).toBe('invalid');
    expect((await login(me.email, NEW)).kind).toBe('ok');
    expect(await validateSessionToken(t.db, phone.token, later(2000))).toBeNull();
    expect(await validateSessionToken(t.db, laptop.token, later(2000))).toBeNull();
    expect(await validateSessionToken(t.db, adminSession.token, later(2000))).not.toBeNull();

    expect(await passwordResetByToken(t.db, token, later(3000))).toEqual({ status: 'used', locale: 'en' });
    expect(await usePasswordReset(t.db, token, await hashPassword('someone else’s password'), later(3000))).toEqual({ ok: false, reason: 'used' });
    expect((await login(me.email, NEW, later(4000))).kind).toBe('ok');
  });

  it('lets only one of two simultaneous uses through', async () => {
    const { admin, me } = await setup();
    const { token } = await issue(admin.id, me.id);
    const [a, b] = await Promise.all([usePasswordReset(t.db, token, 'hash-a', later(1000)), usePasswordReset(t.db, token, 'hash-b', later(1000))]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
  });

  it('voids an older unused link when a newer one is issued', async () => {
    const { admin, me } = await setup();
    const first = await issue(admin.id, me.id);
    const second = await issue(admin.id, me.id, later(60_000));
    expect(await passwordResetByToken(t.db, first.token, later(120_000))).toEqual({ status: 'expired', locale: 'en' });
    expect(await usePasswordReset(t.db, first.token, 'hash-old-link', later(120_000))).toEqual({ ok: false, reason: 'expired' });
    expect((await usePasswordReset(t.db, second.token, await hashPassword(NEW), later(120_000))).ok).toBe(true);
  });

  it('writes audit rows for issuing (by the admin) and using (by the person), never holding the token', async () => {
    const { admin, me } = await setup();
    const { token } = await issue(admin.id, me.id);
    await usePasswordReset(t.db, token, await hashPassword(NEW), later(1000));
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.subjectUserId, me.id));
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['password-reset.issued', admin.id],
      ['password-reset.used', me.id],
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('lifts a login lock-out on the account once the new password is set', async () => {
    const { admin, me } = await setup();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await login(me.email, `guess ${i}`, later(1000));
    expect((await login(me.email, OLD, later(2000))).kind).toBe('throttled');
    const { token } = await issue(admin.id, me.id, later(3000));
    await usePasswordReset(t.db, token, await hashPassword(NEW), later(4000));
    expect((await login(me.email, NEW, later(5000))).kind).toBe('ok');
  });

  it('refuses unknown and deactivated accounts, and a link dies when its account is deactivated', async () => {
    const { admin, me } = await setup();
    expect(await issuePasswordReset(t.db, admin.id, 'nobody', now)).toEqual({ ok: false, reason: 'not-found' });
    const { token } = await issue(admin.id, me.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, me.id));
    expect(await passwordResetByToken(t.db, token, later(1000))).toEqual({ status: 'inactive', locale: 'en' });
    expect(await usePasswordReset(t.db, token, 'hash', later(1000))).toEqual({ ok: false, reason: 'inactive' });
    expect(await issuePasswordReset(t.db, admin.id, me.id, later(2000))).toEqual({ ok: false, reason: 'inactive' });
    expect(await t.db.select().from(passwordResets)).toHaveLength(1);
  });

  it('answers unknown and malformed tokens as invalid', async () => {
    expect(await passwordResetByToken(t.db, 'x'.repeat(43), now)).toEqual({ status: 'invalid' });
    expect(await passwordResetByToken(t.db, 'short', now)).toEqual({ status: 'invalid' });
    expect(await usePasswordReset(t.db, 'x'.repeat(43), 'hash', now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
