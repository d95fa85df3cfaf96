/**
 * Starts a single sign-on: stores state, nonce and PKCE verifier for the callback (flows.ts
 * explains why in the database), then sends the browser to the provider. A GET, so the login
 * page's button is a plain link; starting a sign-on changes nothing until the provider answers.
 */
import type { APIRoute } from 'astro';
import { isLanguage } from '../../i18n/ui';
import { languageFromAcceptHeader } from '../../lib/http/page-language';
import { safeNextPath } from '../../lib/http/server/request-guards';
import { publicOrigin, serverEnv } from '../../lib/platform/server/env';
import { oidcSettings } from '../../lib/auth/oidc/config';
import { authorizationRequest } from '../../lib/auth/oidc/server/client';
import { startFlow } from '../../lib/auth/oidc/server/flows';
import { classifyOidcError } from '../../lib/auth/oidc/errors';
import { callbackUri, loginPageWithProblem, setFlowCookie } from '../../lib/auth/oidc/server/routes';

export const GET: APIRoute = async ({ url, request, locals, cookies, redirect }) => {
  const queryLang = url.searchParams.get('lang');
  const lang = isLanguage(queryLang) ? queryLang : languageFromAcceptHeader(request.headers.get('accept-language'));
  const nextPath = safeNextPath(url.searchParams.get('next'), url.origin);
  const settings = oidcSettings(serverEnv());
  if (!settings) return redirect(loginPageWithProblem('not-configured', lang, nextPath), 303);
  const redirectUri = callbackUri(publicOrigin(url));
  let started;
  try {
    started = await authorizationRequest(settings, redirectUri, lang);
  } catch (error) {
    console.error('Single sign-on could not start:', error);
    return redirect(loginPageWithProblem(classifyOidcError(error) === 'unavailable' ? 'unavailable' : 'response-invalid', lang, nextPath), 303);
  }
  const id = await startFlow(locals.db, { state: started.state, nonce: started.nonce, codeVerifier: started.codeVerifier, redirectUri, nextPath, locale: lang }, new Date());
  setFlowCookie(cookies, id);
  return redirect(started.url.href, 303);
};
