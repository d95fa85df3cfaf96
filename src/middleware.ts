import { defineMiddleware, sequence } from 'astro:middleware';
import { getAppDatabase } from './lib/platform/server/app-database';
import { startBackgroundJobs } from './lib/platform/server/background-jobs';
import { SESSION_COOKIE, validateSessionToken } from './lib/auth/server/sessions';
import { deleteSessionCookie, setSessionCookie } from './lib/auth/server/session-cookies';
import { isCrossSiteWrite, isPublicPath } from './lib/http/server/request-guards';
import { securityHeaders, SIGNED_IN_CACHE_CONTROL, STRICT_TRANSPORT_SECURITY } from './lib/http/server/security-headers';
import { servedOverHttps } from './lib/http/server/client-address';
import { trustedProxies } from './lib/platform/server/env';
import { stripIslandStyle } from './lib/http/server/island-styles';
import { nextOrFailure } from './lib/http/server/failures';
import { createLessonShells, LESSON_PATH } from './lib/lesson-shell/server/lesson-shells';
import { findCourse } from './lib/content/server/curriculum';
import { companyTimeZone } from './lib/platform/server/company-time';

/** The socket's address; Astro has none for some internal renders. */
function peerAddress(context: { clientAddress: string }): string | undefined {
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

const headers = defineMiddleware(async (context, next) => {
  const response = await nextOrFailure(context, next);
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
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    // Lesson pages show progress: the completions come with the session, in the same read.
    const withCompletions = context.request.method === 'GET' && LESSON_PATH.test(context.url.pathname);
    const valid = await validateSessionToken(db, token, new Date(), undefined, { withCompletions });
    if (valid) {
      context.locals.user = valid.user;
      context.locals.session = valid.session;
      context.locals.completed = valid.completed;
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

// Content does not change while a built server runs; in development every request renders.
const serveLessonShell = createLessonShells({
  findLesson: async (lang, courseId, moduleSlug) => (await findCourse(lang, courseId))?.modules.find((m) => m.slug === moduleSlug),
  zone: companyTimeZone,
});
const lessonShells = defineMiddleware((context, next) => (import.meta.env.DEV ? next() : serveLessonShell(context, next)));

// Valid HTML: Astro's inline island <style> leaves the body (the rule is in global.css).
const islandStyle = defineMiddleware(async (_context, next) => stripIslandStyle(await next()));

export const onRequest = sequence(headers, crossSite, auth, lessonShells, islandStyle);
