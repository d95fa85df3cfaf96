/**
 * Finishes a single sign-on: the provider sends the browser here (a GET) with a code and the
 * state. The flow is taken out of the database first (so it completes once), the state compared,
 * the code exchanged and the ID token checked by openid-client, then the account is found or
 * provisioned and a session starts exactly as a password login does. Any failure goes back to the
 * login page with a sentence naming the problem; nothing is written but the audit rows of
 * accountForSignOn's transaction.
 */
import type { APIRoute } from 'astro';
import { timingSafeEqual } from 'node:crypto';
import { languageFromAcceptHeader } from '../../../lib/page-language';
import { serverEnv } from '../../../lib/server/env';
import { loadLadder } from '../../../lib/server/ladder';
import { createSession } from '../../../lib/server/sessions';
import { setSessionCookie } from '../../../lib/server/session-cookies';
import { oidcSettings } from '../../../lib/auth/oidc/config';
import { finishSignOn } from '../../../lib/auth/oidc/client';
import { FLOW_COOKIE, takeFlow } from '../../../lib/auth/oidc/flows';
import { accountForSignOn } from '../../../lib/auth/oidc/accounts';
import { classifyOidcError, type SsoProblem } from '../../../lib/auth/oidc/errors';
import { deleteFlowCookie, loginPageWithProblem } from '../../../lib/auth/oidc/routes';

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.byteLength === y.byteLength && timingSafeEqual(x, y);
};

export const GET: APIRoute = async ({ url, request, locals, cookies, redirect }) => {
  const now = new Date();
  const flow = await takeFlow(locals.db, cookies.get(FLOW_COOKIE)?.value, now);
  deleteFlowCookie(cookies);
  const lang = flow?.locale ?? languageFromAcceptHeader(request.headers.get('accept-language'));
  const fail = (problem: SsoProblem) => redirect(loginPageWithProblem(problem, lang, flow?.nextPath), 303);

  const settings = oidcSettings(serverEnv());
  if (!settings) return fail('not-configured');
  // No flow: not started in this browser, finished already (a replayed callback), or older than its 10 minutes.
  if (!flow) return fail('flow-missing');
  if (url.searchParams.has('error')) return fail('provider-refused');
  const state = url.searchParams.get('state') ?? '';
  if (!sameText(state, flow.state)) return fail('state-mismatch');

  // The registered redirect URI with the provider's parameters: right even behind a proxy.
  const callbackUrl = new URL(flow.redirectUri);
  callbackUrl.search = url.search;
  let claims;
  try {
    claims = await finishSignOn(settings, callbackUrl, flow);
  } catch (error) {
    const problem = classifyOidcError(error);
    console.warn(`Single sign-on refused (${problem}):`, error instanceof Error ? error.message : error);
    return fail(problem);
  }
  let outcome;
  try {
    outcome = await accountForSignOn(
      locals.db,
      claims,
      { issuer: settings.issuer.href, provision: settings.provision, claimNames: settings.claims, ladder: await loadLadder(), locale: lang },
      now,
    );
  } catch (error) {
    // E.g. two first sign-ons of one new person at once: the second meets the first's account (unique email); its transaction wrote nothing.
    console.error('Single sign-on could not open an account:', error);
    return fail('response-invalid');
  }
  if (!outcome.ok) return fail(outcome.problem);
  // A fresh token, as at a password login: a token planted before (session fixation) is worthless.
  const { token, expiresAt } = await createSession(locals.db, outcome.userId, now);
  setSessionCookie(cookies, token, expiresAt);
  return redirect(flow.nextPath === '/' ? `/${outcome.locale}/` : flow.nextPath, 303);
};
