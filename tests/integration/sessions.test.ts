import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { createSession, invalidateSession, SESSION_LIFETIME_MS, validateSessionToken } from '../../src/lib/server/sessions';
import { sessions, users } from '../../db/schema';

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
    const { token, expiresAt } = await createSession(t.db, user.id, now);
    const early = await validateSessionToken(t.db, token, new Date(now.getTime() + DAY));
    expect(early?.session.expiresAt.getTime()).toBe(expiresAt.getTime());
    const late = new Date(now.getTime() + 20 * DAY);
    const renewed = await validateSessionToken(t.db, token, late);
    expect(renewed?.session.expiresAt.getTime()).toBe(late.getTime() + SESSION_LIFETIME_MS);
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
