import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/auth/server/passwords';

describe('a password set with the IME in full-width mode', () => {
  it('opens the account typed in half-width, and the reverse', async () => {
    const hash = await hashPassword('ｘｕｅｙｕａｎ－ｄｅｍｏ－２０２６');
    expect(await verifyPassword(hash, 'xueyuan-demo-2026')).toBe(true);
    expect(await verifyPassword(await hashPassword('xueyuan-demo-2026'), 'ｘｕｅｙｕａｎ－ｄｅｍｏ－２０２６')).toBe(true);
    expect(await verifyPassword(hash, 'xueyuan-demo-2027')).toBe(false);
  });
});

describe('failed-login windows', async () => {
  const { afterEach, beforeEach } = await import('vitest');
  const { createTestDatabase } = await import('./test-database');
  const { pruneLoginThrottle } = await import('../../src/lib/auth/server/login');
  const { loginThrottle } = await import('../../db/schema');
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => (t = await createTestDatabase()));
  afterEach(() => t.close());

  it('are pruned once they have ended, and kept while they run', async () => {
    const now = new Date('2026-11-30T12:00:00Z');
    await t.db.insert(loginThrottle).values([
      { key: 'ip:ended', failures: 3, windowStartedAt: new Date(now.getTime() - 16 * 60_000) },
      { key: 'ip:running', failures: 3, windowStartedAt: new Date(now.getTime() - 5 * 60_000) },
    ]);
    await pruneLoginThrottle(t.db, now);
    expect((await t.db.select().from(loginThrottle).all()).map((w) => w.key)).toEqual(['ip:running']);
  });
});
