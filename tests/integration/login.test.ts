import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { attemptLogin } from '../../src/lib/auth/server/login';
import { hashPassword } from '../../src/lib/auth/server/passwords';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../src/lib/auth/login-throttle-policy';
import { clientAddress, proxyMatcher } from '../../src/lib/http/server/client-address';

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

  it('lets a correct password through from an address flooded with failures, when that account was not attacked', async () => {
    // Behind the company's reverse proxy everyone shares one address.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 10; i++) await login(`user${i}@test.academy`, 'x', '203.0.113.7');
    expect((await login('rep@test.academy', 'right-password-1', '203.0.113.7')).kind).toBe('ok');
  }, 90_000);

  it('stops a spray from one address for the accounts it attacked, and only from that address', async () => {
    await insertUser(t.db, { email: 'sprayed@test.academy', passwordHash: await hashPassword('sprayed-password-1') });
    await login('sprayed@test.academy', 'Summer2026!', '203.0.113.7');
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await login(`user${i}@test.academy`, 'Summer2026!', '203.0.113.7');
    // The address is now spraying: it may not try the sprayed account again, even with the right password…
    expect((await login('sprayed@test.academy', 'Winter2026!', '203.0.113.7')).kind).toBe('throttled');
    expect((await login('sprayed@test.academy', 'sprayed-password-1', '203.0.113.7')).kind).toBe('throttled');
    // …while its owner, elsewhere, logs in.
    expect((await login('sprayed@test.academy', 'sprayed-password-1', '198.51.100.1')).kind).toBe('ok');
  }, 90_000);

  it('counts failures sent in parallel: no more guesses are checked than the limit allows', async () => {
    const tries = await Promise.all(Array.from({ length: 20 }, (_, i) => login('rep@test.academy', `guess-${i}`, `10.1.0.${i}`)));
    expect(tries.filter((o) => o.kind === 'invalid')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(tries.filter((o) => o.kind === 'throttled')).toHaveLength(20 - MAX_FAILURES_PER_ACCOUNT);
    expect((await login('rep@test.academy', 'right-password-1', '10.9.9.9')).kind).toBe('throttled');
  });

  it('does not count a refused try, so the lock ends when the window does', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await login('rep@test.academy', `guess-${i}`);
    for (let minute = 1; minute < 15; minute++) await login('rep@test.academy', 'still-guessing', '10.0.0.1', new Date(now.getTime() + minute * 60_000));
    expect((await login('rep@test.academy', 'right-password-1', '10.0.0.1', new Date(now.getTime() + 15 * 60_000 + 1000))).kind).toBe('ok');
  });

  it('takes the client from X-Forwarded-For only when a trusted proxy sent it', async () => {
    await insertUser(t.db, { email: 'sprayed@test.academy', passwordHash: await hashPassword('sprayed-password-1') });
    const spray = async (peer: string, trusted: string) => {
      const proxies = proxyMatcher(trusted);
      await login('sprayed@test.academy', 'guess', clientAddress(peer, '192.0.2.200', proxies));
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await login(`user${i}@test.academy`, 'guess', clientAddress(peer, `192.0.2.${i}`, proxies));
      return login('sprayed@test.academy', 'sprayed-password-1', clientAddress(peer, '192.0.2.201', proxies));
    };
    // Not from a trusted proxy: the forged header is ignored, the spray is one address and is stopped.
    expect((await spray('203.0.113.7', '')).kind).toBe('throttled');
    // From the trusted proxy: each forwarded client is its own address; nobody is lumped together.
    expect((await spray('10.0.0.2', '10.0.0.0/24')).kind).toBe('ok');
  }, 90_000);

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    await insertUser(t.db, { email: 'gone@test.academy', active: false, passwordHash: await hashPassword('pw-123456789') });
    expect(await login('gone@test.academy', 'pw-123456789')).toEqual({ kind: 'invalid' });
  });
});
