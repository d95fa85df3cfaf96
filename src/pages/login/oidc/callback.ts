/**
 * Finishes a single sign-on: the provider sends the browser here (a GET) with a code and the
 * state. The flow is taken out of the database first (so it completes once), then
 * completeSignOn checks everything and finds or provisions the account, and a session starts
 * exactly as after a password login. Any failure goes back to the login page, which names it.
 */
import type { APIRoute } from 'astro';
import { languageFromAcceptHeader } from '../../../lib/http/page-language';
import { serverEnv } from '../../../lib/platform/server/env';
import { loadLadder } from '../../../lib/promotion/server/ladder';
import { createSession } from '../../../lib/auth/server/sessions';
import { setSessionCookie } from '../../../lib/auth/server/session-cookies';
import { oidcSettings } from '../../../lib/auth/oidc/config';
import type { SsoProblem } from '../../../lib/auth/oidc/errors';
import { FLOW_COOKIE, takeFlow } from '../../../lib/auth/oidc/server/flows';
import { completeSignOn } from '../../../lib/auth/oidc/server/sign-on';
import { deleteFlowCookie, loginPageWithProblem } from '../../../lib/auth/oidc/server/routes';

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
  const outcome = await completeSignOn(locals.db, { settings, flow, query: url.searchParams, ladder: await loadLadder() }, now);
  if (!outcome.ok) return fail(outcome.problem);
  // A fresh token, as at a password login: a token planted before (session fixation) is worthless.
  const { token, expiresAt } = await createSession(locals.db, outcome.userId, now);
  setSessionCookie(cookies, token, expiresAt);
  return redirect(flow.nextPath === '/' ? `/${outcome.locale}/` : flow.nextPath, 303);
};
