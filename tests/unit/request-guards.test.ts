import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, isPublicPath, safeNextPath } from '../../src/lib/server/request-guards';

const url = new URL('https://academy.example/zh/');
const post = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('isCrossSiteWrite', () => {
  it('refuses a POST another site’s page sent', () => {
    expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
    expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'same-site' }), url)).toBe(true);
    expect(isCrossSiteWrite(post({ origin: 'https://evil.example' }), url)).toBe(true);
  });

  it('lets same-origin writes and all reads through', () => {
    expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'same-origin' }), url)).toBe(false);
    expect(isCrossSiteWrite(post({ origin: 'https://academy.example' }), url)).toBe(false);
    expect(isCrossSiteWrite(new Request(url, { headers: { 'sec-fetch-site': 'cross-site' } }), url)).toBe(false);
  });
});

describe('safeNextPath', () => {
  it('keeps paths on this site and drops everything else', () => {
    expect(safeNextPath('/zh/courses/x/')).toBe('/zh/courses/x/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('isPublicPath', () => {
  it('opens only the login page, health check and static assets', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/healthz')).toBe(true);
    expect(isPublicPath('/_astro/app.js')).toBe(true);
    expect(isPublicPath('/zh/courses/sales-workflow/')).toBe(false);
    expect(isPublicPath('/login/../zh/')).toBe(false);
  });

  it('opens invite and password reset links, whose token is the credential, but not the account page', () => {
    expect(isPublicPath(`/invite/${'a'.repeat(43)}`)).toBe(true);
    expect(isPublicPath(`/reset-password/${'a'.repeat(43)}`)).toBe(true);
    expect(isPublicPath('/zh/account/')).toBe(false);
  });
});
