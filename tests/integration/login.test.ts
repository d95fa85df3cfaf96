import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { attemptLogin } from '../../src/lib/server/login';
import { hashPassword } from '../../src/lib/server/passwords';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/lib/login-throttle-policy';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { email: 'rep@test.academy', passwordHash: await hashPassword('right-password-1') });
});
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');
const login = (email: string, password: string, address = '10.0.0.1', at = now) =>
  attemptLogin(t.db, { email, password, address }, at);

describe('attemptLogin', () => {
  it('accepts the right password, ignoring email case and spaces', async () => {
    expect(await login(' Rep@Test.Academy ', 'right-password-1')).toMatchObject({ kind: 'ok' });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await login('rep@test.academy', 'nope');
    const unknown = await login('nobody@test.academy', 'nope');
    expect(wrong).toEqual({ kind: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('locks an account after repeated failures, even for the right password, and says how long', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await login('rep@test.academy', `guess-${i}`, `10.0.0.${i}`);
    const locked = await login('rep@test.academy', 'right-password-1', '10.9.9.9');
    expect(locked.kind).toBe('throttled');
    expect(locked.kind === 'throttled' && locked.retryAfterSeconds).toBeGreaterThan(0);
    const afterWindow = await login('rep@test.academy', 'right-password-1', '10.9.9.9', new Date(now.getTime() + 16 * 60 * 1000));
    expect(afterWindow.kind).toBe('ok');
  });

  it('throttles one address spraying many accounts', async () => {
    for (let i = 0; i < 50; i++) await login(`user${i}@test.academy`, 'x', '203.0.113.7');
    expect((await login('rep@test.academy', 'right-password-1', '203.0.113.7')).kind).toBe('throttled');
    expect((await login('rep@test.academy', 'right-password-1', '198.51.100.1')).kind).toBe('ok');
  });

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    await insertUser(t.db, { email: 'gone@test.academy', active: false, passwordHash: await hashPassword('pw-123456789') });
    expect(await login('gone@test.academy', 'pw-123456789')).toEqual({ kind: 'invalid' });
  });
});
