import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, isPublicPath, ownPagePath, safeNextPath } from '../../src/lib/http/server/request-guards';

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

  it('refuses a form post with no Origin at all (the rule Astro’s checkOrigin applied), but not a JSON call from a script', () => {
    expect(isCrossSiteWrite(post({ 'content-type': 'application/x-www-form-urlencoded' }), url)).toBe(true);
    expect(isCrossSiteWrite(post({ 'content-type': 'multipart/form-data; boundary=x' }), url)).toBe(true);
    expect(isCrossSiteWrite(post({ 'content-type': 'text/plain' }), url)).toBe(true);
    expect(isCrossSiteWrite(post({ 'content-type': 'application/json' }), url)).toBe(false);
  });

  it('lets a mail client’s one-click unsubscribe POST through from anywhere, and nothing else under that name', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const at = (path: string, headers: Record<string, string>) => {
      const u = new URL(path, url);
      return isCrossSiteWrite(new Request(u, { method: 'POST', headers, body: 'List-Unsubscribe=One-Click' }), u);
    };
    expect(at('/unsubscribe/abc.def', form)).toBe(false);
    expect(at('/unsubscribe/abc.def', { ...form, origin: 'https://mail.example', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(at('/unsubscribe/abc.def/', { ...form, origin: 'null' })).toBe(false);
    for (const path of ['/unsubscribe/abc/more', '/unsubscribe/', '/unsubscribex/abc', '/zh/unsubscribe/abc', '/_actions/review.answer']) {
      expect(at(path, { ...form, origin: 'https://mail.example' }), path).toBe(true);
    }
  });
});

describe('safeNextPath', () => {
  const own = 'https://academy.example';
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeNextPath('/zh/courses/x/', own)).toBe('/zh/courses/x/');
    expect(safeNextPath('/zh/team/?sort=name#top', own)).toBe('/zh/team/?sort=name#top');
    expect(safeNextPath('/zh/搜索', own)).toBe('/zh/%E6%90%9C%E7%B4%A2');
  });

  // Each of these is read by some browser as another site, or puts a control character in a header.
  it.each([
    ['protocol-relative', '//evil.example/'],
    ['backslash', '/\\evil.example'],
    ['backslash after slash', '/\\/evil.example'],
    ['tab between slashes (/%09/ decoded)', '/\t/evil.example'],
    ['a lone tab', '\t'],
    ['newline between slashes', '/\n/evil.example'],
    ['CR LF header injection', '/zh/\r\nSet-Cookie: session=x'],
    ['NUL', '/zh/\u0000'],
    ['C1 control', '/zh/\u0085'],
    ['javascript:', 'javascript:alert(1)'],
    ['absolute URL', 'https://evil.example/'],
    ['scheme-relative with spaces', ' //evil.example'],
    ['dot segments into a protocol-relative path', '/.//evil.example'],
    ['dot-dot segments into a protocol-relative path', '/x/..//evil.example'],
    ['full-width solidus', '／／evil.example'],
    ['full-width reverse solidus', '＼＼evil.example'],
    ['empty', ''],
    ['nothing', null],
  ])('refuses %s', (_name, next) => {
    const safe = safeNextPath(next, own);
    expect(safe).toBe('/');
  });

  it('never returns a target a browser would take off this site', () => {
    const tricky = ['/%2F/evil.example', '/%5C/evil.example', '/@evil.example', '/zh/../../evil.example', '/?next=//evil.example', '/#//evil.example', '/／evil.example'];
    for (const next of tricky) {
      const safe = safeNextPath(next, own);
      expect(safe.startsWith('/') && !safe.startsWith('//'), next).toBe(true);
      expect(new URL(safe, own).origin, next).toBe(own);
      expect(safe, next).toMatch(/^[\x21-\x7e]*$/);
    }
  });
});

describe('ownPagePath', () => {
  it('turns a request path that looks like another host into a path on this site', () => {
    expect(ownPagePath(new URL('https://academy.example//evil.example/zh/team/'))).toBe('/evil.example/zh/team/');
    expect(ownPagePath(new URL('https://academy.example/zh/team/'))).toBe('/zh/team/');
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

  it('opens reminder mails’ unsubscribe links, whose signed token is the credential, but not the inbox', () => {
    expect(isPublicPath('/unsubscribe/abc.def')).toBe(true);
    expect(isPublicPath('/zh/inbox/')).toBe(false);
  });
});
