import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { createSession, invalidateSession, SESSION_LIFETIME_MS, validateSessionToken } from '../../src/lib/auth/server/sessions';
import { moduleCompletions, sessions, users } from '../../db/schema';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('sessions', () => {
  it('stores only a hash of the secret, never the token', async () => {
    const user = await insertUser(t.db);
    const { token } = await createSession(t.db, user.id, now);
    const [id, secret] = token.split('.');
    const row = (await t.db.select().from(sessions).where(eq(sessions.id, id!)).get())!;
    expect(row.secretHash.length).toBe(32);
    expect(row.secretHash.toString('utf8')).not.toContain(secret);
    const raw = await t.db.$client.execute('SELECT * FROM sessions');
    expect(JSON.stringify(raw.rows)).not.toContain(secret);
  });

  it('validates its own token and returns the user', async () => {
    const user = await insertUser(t.db, { name: '周敏' });
    const { token } = await createSession(t.db, user.id, now);
    const valid = await validateSessionToken(t.db, token, new Date(now.getTime() + 1000));
    expect(valid?.user).toMatchObject({ id: user.id, name: '周敏' });
  });

  it('rejects a token whose secret was tampered with, and malformed tokens', async () => {
    const user = await insertUser(t.db);
    const { token } = await createSession(t.db, user.id, now);
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    expect(await validateSessionToken(t.db, tampered, now)).toBeNull();
    expect(await validateSessionToken(t.db, 'nonsense', now)).toBeNull();
    expect(await validateSessionToken(t.db, `${token}.extra`, now)).toBeNull();
  });

  it('slides the expiry forward when the session is used in its second half', async () => {
    const user = await insertUser(t.db);
    const maxAge = 90 * DAY;
    const { token, expiresAt } = await createSession(t.db, user.id, now, maxAge);
    const early = await validateSessionToken(t.db, token, new Date(now.getTime() + DAY), maxAge);
    expect(early?.session.expiresAt.getTime()).toBe(expiresAt.getTime());
    const late = new Date(now.getTime() + 20 * DAY);
    const renewed = await validateSessionToken(t.db, token, late, maxAge);
    expect(renewed?.session.expiresAt.getTime()).toBe(late.getTime() + SESSION_LIFETIME_MS);
  });

  it('ends a session in steady use at its absolute lifetime after login, and deletes it', async () => {
    const user = await insertUser(t.db);
    const maxAge = 45 * DAY;
    const { token } = await createSession(t.db, user.id, now, maxAge);
    // Used every few days: the sliding expiry alone would keep it alive for ever.
    for (let day = 5; day < 45; day += 5) {
      const used = await validateSessionToken(t.db, token, new Date(now.getTime() + day * DAY), maxAge);
      expect(used, `day ${day}`).not.toBeNull();
      expect(used!.session.expiresAt.getTime()).toBeLessThanOrEqual(now.getTime() + maxAge);
    }
    expect(await validateSessionToken(t.db, token, new Date(now.getTime() + maxAge), maxAge)).toBeNull();
    expect(await t.db.select().from(sessions).all()).toHaveLength(0);
  });

  it('ends a session 30 days after login by default, however recently it was renewed', async () => {
    const user = await insertUser(t.db);
    const { token, expiresAt } = await createSession(t.db, user.id, now);
    expect(expiresAt.getTime()).toBe(now.getTime() + 30 * DAY);
    expect(await validateSessionToken(t.db, token, new Date(now.getTime() + 29 * DAY))).not.toBeNull();
    expect(await validateSessionToken(t.db, token, new Date(now.getTime() + 30 * DAY))).toBeNull();
  });

  it('reads the completions with the session in the same read, and none past the absolute lifetime', async () => {
    const user = await insertUser(t.db);
    const maxAge = 40 * DAY;
    const { token } = await createSession(t.db, user.id, now, maxAge);
    await t.db.insert(moduleCompletions).values({ userId: user.id, moduleId: 'first-module', completedAt: new Date(now.getTime() + DAY) });
    const read = await validateSessionToken(t.db, token, new Date(now.getTime() + 2 * DAY), maxAge, { withCompletions: true });
    expect([...(read?.completed ?? new Map())]).toEqual([['first-module', new Date(now.getTime() + DAY)]]);
    expect((await validateSessionToken(t.db, token, new Date(now.getTime() + 2 * DAY), maxAge))?.completed).toBeUndefined();
    // Renewed on day 20 to day 40 (capped), so the sliding expiry alone would still accept day 40.
    await validateSessionToken(t.db, token, new Date(now.getTime() + 20 * DAY), maxAge);
    expect(await validateSessionToken(t.db, token, new Date(now.getTime() + maxAge + 1000), maxAge, { withCompletions: true })).toBeNull();
  });

  it('expires an idle session after 30 days and deletes it', async () => {
    const user = await insertUser(t.db);
    const { token } = await createSession(t.db, user.id, now);
    expect(await validateSessionToken(t.db, token, new Date(now.getTime() + 30 * DAY + 1))).toBeNull();
    expect(await t.db.select().from(sessions).all()).toHaveLength(0);
  });

  it('ends a session server-side on logout', async () => {
    const user = await insertUser(t.db);
    const { token } = await createSession(t.db, user.id, now);
    await invalidateSession(t.db, token.split('.')[0]!);
    expect(await validateSessionToken(t.db, token, now)).toBeNull();
  });

  it('refuses the session of a deactivated user', async () => {
    const user = await insertUser(t.db);
    const { token } = await createSession(t.db, user.id, now);
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await validateSessionToken(t.db, token, now)).toBeNull();
  });

  it('issues a different token at every login', async () => {
    const user = await insertUser(t.db);
    const a = await createSession(t.db, user.id, now);
    const b = await createSession(t.db, user.id, now);
    expect(a.token).not.toBe(b.token);
  });
});
