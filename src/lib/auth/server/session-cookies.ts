import type { AstroCookies } from 'astro';
import { SESSION_COOKIE } from './sessions';

/**
 * Secure cookies in production. INSECURE_COOKIES=1 is for a plain-HTTP deployment on a trusted
 * network only; browsers already accept Secure cookies from http://localhost.
 */
// Exported for the single sign-on flow cookie (src/lib/auth/oidc/server/routes.ts).
export const secureCookies = () => import.meta.env.PROD && process.env.INSECURE_COOKIES !== '1';

export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: AstroCookies): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 0 });
}
