import { defineMiddleware, sequence } from 'astro:middleware';
import { getAppDatabase } from './lib/platform/server/app-database';
import { startBackgroundJobs } from './lib/platform/server/background-jobs';
import { SESSION_COOKIE, validateSessionToken } from './lib/auth/server/sessions';
import { deleteSessionCookie, setSessionCookie } from './lib/auth/server/session-cookies';
import { isCrossSiteWrite, isPublicPath } from './lib/http/server/request-guards';
import { securityHeaders, SIGNED_IN_CACHE_CONTROL, STRICT_TRANSPORT_SECURITY } from './lib/http/server/security-headers';
import { servedOverHttps } from './lib/http/server/client-address';
import { trustedProxies } from './lib/platform/server/env';
import { SHELL_REQUEST_HEADER } from './lib/lesson-shell/shell';
import type { SessionUser } from './lib/auth/server/sessions';
import { stripIslandStyle } from './lib/http/server/island-styles';

/** Stands in for the learner in a shell render, whose personal parts are holes anyway. */
const SHELL_USER: SessionUser = { id: '', email: '', name: '', role: 'learner', levelId: '', levelSince: new Date(0), locale: 'zh' };
// Set by scripts/server.ts; without it (astro dev, tests of the bare build) there are no shells.
const shellSecret = process.env.ACADEMY_SHELL_SECRET;

/** The socket's address; Astro has none for some internal renders. */
function peerAddress(context: { clientAddress: string }): string | undefined {
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

const headers = defineMiddleware(async (context, next) => {
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Overrides whatever a route set (the search index said "private, max-age"): signed in is never cached.
  if (context.locals.user) response.headers.set('Cache-Control', SIGNED_IN_CACHE_CONTROL);
  if (servedOverHttps(context.url, peerAddress(context), context.request.headers.get('x-forwarded-proto'), trustedProxies())) {
    response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
});

const crossSite = defineMiddleware((context, next) => {
  if (isCrossSiteWrite(context.request, context.url)) {
    return new Response('Cross-site request refused. Submit the form from Sales Academy itself.', { status: 403 });
  }
  return next();
});

const auth = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  if (context.url.pathname.startsWith('/_astro/')) return next();
  const db = await getAppDatabase();
  context.locals.db = db;
  startBackgroundJobs(db, context.url);
  if (shellSecret && context.request.method === 'GET' && context.request.headers.get(SHELL_REQUEST_HEADER) === shellSecret) {
    context.locals.shell = true;
    context.locals.user = SHELL_USER;
    return next();
  }
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const valid = await validateSessionToken(db, token, new Date());
    if (valid) {
      context.locals.user = valid.user;
      context.locals.session = valid.session;
      setSessionCookie(context.cookies, token, valid.session.expiresAt);
    } else {
      deleteSessionCookie(context.cookies);
    }
  }
  if (!context.locals.user && !isPublicPath(context.url.pathname) && !context.url.pathname.startsWith('/_actions/')) {
    const nextPath = context.url.pathname + context.url.search;
    return context.redirect(`/login?next=${encodeURIComponent(nextPath)}`, 302);
  }
  return next();
});

// Valid HTML: Astro's inline island <style> leaves the body (the rule is in global.css).
const islandStyle = defineMiddleware(async (_context, next) => stripIslandStyle(await next()));

export const onRequest = sequence(headers, crossSite, auth, islandStyle);
