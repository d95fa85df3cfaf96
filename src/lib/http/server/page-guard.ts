/**
 * The one preamble of a `[lang]` page: which language it was asked in, who is asking, and whether
 * they may see it. A page writes
 *
 *   const access = guardPage(Astro, { roles: ['admin'] });
 *   if (access instanceof Response) return access;
 *   const { lang, user, db, allowed } = access;
 *
 * and renders <AccessDenied> when `allowed` is false: the 403 keeps the site's layout and
 * navigation, so the person sees where they are and how to go back, not a bare error.
 */
import { languageFromParam } from '../page-language';
import { t, type Language } from '../../../i18n/ui';
import type { Database } from '../../platform/server/db';
import type { SessionUser } from '../../auth/server/sessions';

/** What the guard reads of Astro's page context (a plain object in tests). */
export interface PageContext {
  params: Record<string, string | undefined>;
  url: URL;
  locals: { user: SessionUser | null; db: Database };
  response: { status?: number };
}

export interface GuardOptions {
  /** Roles that may see the page; every signed-in person when left out. */
  roles?: readonly SessionUser['role'][];
  /** A rule of the domain that decides instead of (or besides) the role, e.g. mayUseTeamPages. */
  may?: (user: SessionUser) => boolean;
}

export interface GuardedPage {
  lang: Language;
  user: SessionUser;
  db: Database;
  /** False when the person is signed in but may not see this page; the response is then a 403. */
  allowed: boolean;
}

export function guardPage(page: PageContext, options: GuardOptions = {}): GuardedPage | Response {
  const lang = languageFromParam(page.params.lang);
  if (!lang) return new Response(null, { status: 404 });
  const user = page.locals.user;
  // The middleware sends anyone without a session to the login page before any page runs; this is
  // the second lock on the door, for a page reached some other way (a test, a future route).
  if (!user) {
    return new Response(null, { status: 302, headers: { location: `/login?next=${encodeURIComponent(page.url.pathname + page.url.search)}` } });
  }
  const allowed = (options.roles === undefined || options.roles.includes(user.role)) && (options.may === undefined || options.may(user));
  if (!allowed) page.response.status = 403;
  return { lang, user, db: page.locals.db, allowed };
}

/**
 * The same preamble for an endpoint (a download, a JSON feed): there is no page to render
 * <AccessDenied> in, so a person who may not use it gets a 403 with a sentence in their language.
 */
export function guardEndpoint(context: Omit<PageContext, 'response'>, options: GuardOptions = {}): Omit<GuardedPage, 'allowed'> | Response {
  // Named one by one: Astro's context may keep these as getters, which a spread would drop.
  const guarded = guardPage({ params: context.params, url: context.url, locals: context.locals, response: {} }, options);
  if (guarded instanceof Response) return guarded;
  const { allowed, ...access } = guarded;
  if (!allowed) return new Response(t(access.lang, 'error.forbidden'), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return access;
}
