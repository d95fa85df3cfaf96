/** Small shared parts of the sign-on endpoints (src/pages/login/oidc*.ts). */
import type { AstroCookies } from 'astro';
import type { Language } from '../../../../schemas/common';
import { secureCookies } from '../../server/session-cookies';
import { FLOW_COOKIE, FLOW_LIFETIME_MS } from './flows';
import type { SsoProblem } from '../errors';

/** The flow cookie goes only to the sign-on endpoints; Lax, so the provider's redirect (a top-level GET) carries it. */
const FLOW_COOKIE_PATH = '/login/oidc';

export function setFlowCookie(cookies: AstroCookies, id: string): void {
  cookies.set(FLOW_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: FLOW_COOKIE_PATH, maxAge: FLOW_LIFETIME_MS / 1000 });
}

export function deleteFlowCookie(cookies: AstroCookies): void {
  cookies.set(FLOW_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: FLOW_COOKIE_PATH, maxAge: 0 });
}

/** The login page with a problem's message, in the person's language, and where they were going. */
export function loginPageWithProblem(problem: SsoProblem, lang: Language, nextPath = '/'): string {
  const query = new URLSearchParams({ lang, sso_error: problem });
  if (nextPath !== '/') query.set('next', nextPath);
  return `/login?${query}`;
}

/** The redirect URI registered at the provider: this site's public address (PUBLIC_URL) plus the callback path. */
export function callbackUri(origin: string): string {
  return `${origin}/login/oidc/callback`;
}
