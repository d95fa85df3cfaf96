import type { AstroCookies } from 'astro';
import { SESSION_COOKIE } from './sessions';

/**
 * Secure cookies in production. INSECURE_COOKIES=1 is for a plain-HTTP deployment on a trusted
 * network only; browsers already accept Secure cookies from http://localhost.
 */
// Exported for the single sign-on flow cookie (src/lib/auth/oidc/server/routes.ts). A function, so the production server can load this module outside Vite (no import.meta.env there).
export const secureCookies = () => import.meta.env.PROD && process.env.INSECURE_COOKIES !== '1';

export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: AstroCookies): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 0 });
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return undefined;
}

/** setSessionCookie() as a header, for the production server's fast paths outside Astro. */
export function sessionCookieHeader(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; Expires=${expiresAt.toUTCString()}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;
}
