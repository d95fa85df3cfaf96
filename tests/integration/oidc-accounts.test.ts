import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, oidcFlows, sessions, teamMembers, teams, users } from '../../db/schema';
import { accountForSignOn, type SsoAccountOptions } from '../../src/lib/auth/oidc/server/accounts';
import { FLOW_LIFETIME_MS, startFlow, takeFlow } from '../../src/lib/auth/oidc/server/flows';
import { completeSignOn } from '../../src/lib/auth/oidc/server/sign-on';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const ladder = [
  { id: 'junior', name: { zh: '初级销售', en: 'Junior sales' } },
  { id: 'mid', name: { zh: '中级销售', en: 'Mid-level sales' } },
];
const options: SsoAccountOptions = { issuer: 'https://sso.example.com/', provision: false, claimNames: { role: null, level: null, team: null }, ladder, locale: 'zh' };
const verified = (email: string, extra: Record<string, unknown> = {}) => ({ sub: `sub-${email}`, email, email_verified: true, ...extra });

const audit = () => t.db.select().from(auditLog);
const userCount = async () => (await t.db.select().from(users)).length;

describe('which account a single sign-on opens', () => {
  it('the active account with the verified email, in any case, and logs the sign-on', async () => {
    const user = await insertUser(t.db, { email: 'zhou.min@demo.academy', locale: 'en' });
    const outcome = await accountForSignOn(t.db, verified('Zhou.Min@Demo.Academy'), options, now);
    expect(outcome).toEqual({ ok: true, userId: user.id, locale: 'en', provisioned: false });
    expect(await audit()).toMatchObject([
      { actorId: user.id, action: 'sso.login', subjectUserId: user.id, after: { issuer: 'https://sso.example.com/', subject: 'sub-Zhou.Min@Demo.Academy' } },
    ]);
  });

  it('none when the provider did not verify the email, and writes nothing', async () => {
    await insertUser(t.db, { email: 'zhou.min@demo.academy' });
    expect(await accountForSignOn(t.db, verified('zhou.min@demo.academy', { email_verified: false }), options, now)).toEqual({ ok: false, problem: 'email-unverified' });
    expect(await audit()).toEqual([]);
  });

  it('none for an unknown email while provisioning is off, and creates nothing', async () => {
    expect(await accountForSignOn(t.db, verified('stranger@demo.academy'), options, now)).toEqual({ ok: false, problem: 'unknown-account' });
    expect(await userCount()).toBe(0);
    expect(await audit()).toEqual([]);
  });

  it('never a deactivated account, whatever the provider says, even with provisioning on; the refusal is logged', async () => {
    const user = await insertUser(t.db, { email: 'gone@demo.academy', active: false, role: 'learner' });
    const outcome = await accountForSignOn(t.db, verified('gone@demo.academy', { role: 'admin' }), { ...options, provision: true, claimNames: { role: 'role', level: null, team: null } }, now);
    expect(outcome).toEqual({ ok: false, problem: 'deactivated' });
    const after = await t.db.select().from(users).where(eq(users.id, user.id)).get();
    expect(after).toMatchObject({ active: false, role: 'learner' });
    expect(await userCount()).toBe(1);
    expect(await t.db.select().from(sessions)).toEqual([]);
    expect(await audit()).toMatchObject([{ action: 'sso.refused', subjectUserId: user.id, after: { reason: 'deactivated' } }]);
  });

  it('a new account with role, level and team from the configured claims when provisioning is on', async () => {
    await t.db.insert(teams).values({ id: 'team-north', name: '华北销售二组' });
    const claims = verified('new.hire@demo.academy', { name: '新同事', academy_role: 'manager', grade: '中级销售', org: { team: '华北销售二组' }, locale: 'en-US' });
    const outcome = await accountForSignOn(t.db, claims, { ...options, provision: true, claimNames: { role: 'academy_role', level: 'grade', team: 'org.team' } }, now);
    expect(outcome).toMatchObject({ ok: true, provisioned: true, locale: 'en' });
    const userId = (outcome as { userId: string }).userId;
    const user = await t.db.select().from(users).where(eq(users.id, userId)).get();
    expect(user).toMatchObject({ email: 'new.hire@demo.academy', name: '新同事', role: 'manager', levelId: 'mid', passwordHash: null, active: true, locale: 'en' });
    expect(user!.levelSince).toEqual(now);
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, userId))).toMatchObject([{ teamId: 'team-north' }]);
    expect((await audit()).map((a) => a.action)).toEqual(['user.provisioned', 'sso.login']);
    expect((await audit())[0]).toMatchObject({ actorId: userId, after: { email: 'new.hire@demo.academy', role: 'manager', levelId: 'mid', teamId: 'team-north' } });
  });

  it('a learner on the lowest level in no team when the claims name nothing this site knows', async () => {
    const claims = verified('odd@demo.academy', { academy_role: 'owner', grade: 'CEO', dept: 'Mars' });
    const outcome = await accountForSignOn(t.db, claims, { ...options, provision: true, claimNames: { role: 'academy_role', level: 'grade', team: 'dept' } }, now);
    const user = await t.db.select().from(users).where(eq(users.id, (outcome as { userId: string }).userId)).get();
    expect(user).toMatchObject({ role: 'learner', levelId: 'junior', locale: 'zh' });
    expect(await t.db.select().from(teamMembers)).toEqual([]);
  });

  it('the existing account on a second sign-on, not a second one', async () => {
    const provisioning = { ...options, provision: true };
    const first = await accountForSignOn(t.db, verified('twice@demo.academy'), provisioning, now);
    const second = await accountForSignOn(t.db, verified('twice@demo.academy'), provisioning, now);
    expect(second).toMatchObject({ ok: true, provisioned: false, userId: (first as { userId: string }).userId });
    expect(await userCount()).toBe(1);
  });
});

describe('sign-ons in progress', () => {
  const values = { state: 's', nonce: 'n', codeVerifier: 'v', redirectUri: 'http://x/login/oidc/callback', nextPath: '/zh/', locale: 'zh' as const };

  it('are kept as a hash of the cookie’s id, and complete once', async () => {
    const id = await startFlow(t.db, values, now);
    const [row] = await t.db.select().from(oidcFlows);
    expect(row!.idHash).not.toBe(id);
    expect(await takeFlow(t.db, id, now)).toEqual(values);
    expect(await takeFlow(t.db, id, now)).toBeNull();
  });

  it('expire after ten minutes, and unknown or malformed ids find nothing', async () => {
    const id = await startFlow(t.db, values, now);
    expect(await takeFlow(t.db, id, new Date(now.getTime() + FLOW_LIFETIME_MS))).toBeNull();
    expect(await takeFlow(t.db, undefined, now)).toBeNull();
    expect(await takeFlow(t.db, 'x'.repeat(43), now)).toBeNull();
    expect(await takeFlow(t.db, "'; DROP TABLE users; --", now)).toBeNull();
  });

  it('left unfinished are cleared as new ones start', async () => {
    await startFlow(t.db, values, now);
    await startFlow(t.db, values, new Date(now.getTime() + FLOW_LIFETIME_MS + 1));
    expect(await t.db.select().from(oidcFlows)).toHaveLength(1);
  });
});

describe('completeSignOn before it asks the provider anything', () => {
  const settings = { issuer: new URL('https://sso.example.com/'), clientId: 'academy', clientSecret: null, scopes: ['openid'], buttonLabel: null, provision: true, claims: { role: null, level: null, team: null } };
  const flow = { state: 'the-state', nonce: 'n', codeVerifier: 'v', redirectUri: 'https://academy.example/login/oidc/callback', nextPath: '/', locale: 'en' as const };

  it('refuses a state that is not the flow’s, and writes nothing', async () => {
    const query = new URLSearchParams({ code: 'c', state: 'forged' });
    expect(await completeSignOn(t.db, { settings, flow, query, ladder }, now)).toEqual({ ok: false, problem: 'state-mismatch' });
    expect(await completeSignOn(t.db, { settings, flow, query: new URLSearchParams({ code: 'c' }), ladder }, now)).toEqual({ ok: false, problem: 'state-mismatch' });
    expect(await userCount()).toBe(0);
    expect(await audit()).toEqual([]);
  });

  it('names the provider’s own refusal', async () => {
    const query = new URLSearchParams({ error: 'access_denied', state: 'the-state' });
    expect(await completeSignOn(t.db, { settings, flow, query, ladder }, now)).toEqual({ ok: false, problem: 'provider-refused' });
  });
});
