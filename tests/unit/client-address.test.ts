import { describe, expect, it } from 'vitest';
import { clientAddress, proxyMatcher, servedOverHttps, trustedProxiesProblem } from '../../src/lib/http/server/client-address';
import { readServerEnv } from '../../src/lib/platform/server/env';

describe('clientAddress', () => {
  const proxies = proxyMatcher('10.0.0.2, 10.1.0.0/16, fd00::/8');

  it('is the socket address when no proxy is trusted, whatever the request claims', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxyMatcher(''))).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.2', '198.51.100.1', proxyMatcher(''))).toBe('10.0.0.2');
  });

  it('is the socket address when the sender is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
  });

  it('is the nearest untrusted hop behind trusted proxies, ignoring what the client wrote further left', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.0.0.2', 'forged, 6.6.6.6, 198.51.100.1, 10.1.2.3', proxies)).toBe('198.51.100.1');
    expect(clientAddress('fd00::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
  });

  it('stops at a hop that is not an address', () => {
    expect(clientAddress('10.0.0.2', 'unknown', proxies)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '', proxies)).toBe('10.0.0.2');
  });
});

describe('servedOverHttps', () => {
  const proxies = proxyMatcher('10.0.0.2');
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(servedOverHttps(new URL('https://a.example/'), undefined, null, proxies)).toBe(true);
    expect(servedOverHttps(new URL('http://a.example/'), '10.0.0.2', 'https', proxies)).toBe(true);
    expect(servedOverHttps(new URL('http://a.example/'), '203.0.113.7', 'https', proxies)).toBe(false);
    expect(servedOverHttps(new URL('http://a.example/'), '10.0.0.2', 'http', proxies)).toBe(false);
  });
});

describe('TRUSTED_PROXIES and SESSION_MAX_AGE_DAYS', () => {
  it('accepts addresses and ranges, and refuses anything else by name', () => {
    expect(trustedProxiesProblem('10.0.0.2, 10.1.0.0/16, ::1, fd00::/8')).toBeNull();
    expect(trustedProxiesProblem('proxy.internal')).toContain('"proxy.internal"');
    expect(trustedProxiesProblem('10.0.0.0/33')).toContain('10.0.0.0/33');
    expect(() => readServerEnv({ TRUSTED_PROXIES: 'nginx' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('defaults to no trusted proxy and 30-day sessions', () => {
    expect(readServerEnv({})).toMatchObject({ TRUSTED_PROXIES: '', SESSION_MAX_AGE_DAYS: 30 });
    expect(readServerEnv({ SESSION_MAX_AGE_DAYS: '7' }).SESSION_MAX_AGE_DAYS).toBe(7);
    expect(() => readServerEnv({ SESSION_MAX_AGE_DAYS: '0' })).toThrow(/SESSION_MAX_AGE_DAYS/);
  });
});
