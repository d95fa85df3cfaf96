/**
 * Lesson pages rendered once per process and filled per person, inside Astro's own middleware.
 *
 * A lesson's HTML is the same for everyone except four small parts (site navigation, the
 * person's name, the course progress bar, the completion box). The first request for a lesson
 * renders it through Astro in "shell" mode — those parts left as holes (shell.ts) — and keeps it;
 * later requests fill the holes with the same fragment functions the pages use (fragments.ts).
 * Everything else about the request (session, cross-site check, security headers, cookies)
 * stays with the rest of the middleware, so there is one pipeline and one set of rules.
 *
 * A shell is shared, so nothing personal may reach it. That is enforced, not asked for: during a
 * shell render `locals.user` is a stand-in that throws on any read (SHELL_VISITOR), so a
 * component that reads the person fails the shell render, and the lesson is then served by full
 * renders (logged once) instead of leaking one person's view to the next.
 */
import type { APIContext, MiddlewareNext } from 'astro';
import type { Language } from '../../../i18n/ui';
import type { SessionUser } from '../../auth/server/sessions';
import { bypassesLocks, missingPrerequisites } from '../../learning-records/module-locks';
import { completionBoxHtml, previewLinksHtml, progressBarHtml, siteNavHtml, userNameHtml } from '../fragments';
import { encodeShell, fillShell, parseShell, type EncodedShell, type ShellFacts } from '../shell';

/** `/{lang}/courses/{course}/{module}/`, nothing after it. */
export const LESSON_PATH = /^\/(zh|en)\/courses\/([a-z0-9-]{1,64})\/([a-z0-9-]{1,64})\/$/;

export class PersonalReadInShellError extends Error {}

/**
 * Stands in for the person during a shell render. Truthy (the layout shows the signed-in header
 * with holes), but any property read throws PersonalReadInShellError.
 */
export const SHELL_VISITOR: SessionUser = new Proxy({} as SessionUser, {
  get(_target, key) {
    // Promise and primitive probes are not reads of the person.
    if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
    throw new PersonalReadInShellError(
      `A lesson shell is shared by everyone, but rendering it read the person's "${key}". Put per-person HTML in a hole (src/lib/lesson-shell/fragments.ts) or in an island that fetches it.`,
    );
  },
});

/** What the middleware needs to know about a lesson before it has a shell: from the curriculum. */
export interface LessonLookup {
  moduleId: string;
  prerequisites: string[];
}

interface CachedShell {
  shell: EncodedShell;
  facts: ShellFacts;
  headers: [string, string][];
}

export interface LessonShellsOptions {
  /** The lesson at /{lang}/courses/{course}/{module}/, or undefined when there is none. */
  findLesson: (lang: Language, courseId: string, moduleSlug: string) => Promise<LessonLookup | undefined>;
  /** The company time zone, in which "completed on" names the day. */
  zone: () => string;
  log?: (message: string) => void;
}

/** Headers of the shell render that belong to that response only. */
const NOT_COPIED = new Set(['set-cookie', 'content-length', 'date']);
const MAX_VIEWED = 200_000;

/**
 * The middleware step that serves lessons from shells. Runs after the session is read
 * (`locals.user`, `locals.completed`); anything unusual — no session, a query string (forms post
 * back to the page with one), a locked module, a person's first view of a module (the page
 * records it), development mode — goes on to the full render.
 */
export function createLessonShells({ findLesson, zone, log = console.error }: LessonShellsOptions) {
  const shells = new Map<string, CachedShell>();
  const unshareable = new Set<string>();
  const viewed = new Set<string>();

  return async function serveLessonShell(context: APIContext, next: MiddlewareNext): Promise<Response> {
    const { locals, url } = context;
    if (context.request.method !== 'GET' || url.search || !locals.user || !locals.completed) return next();
    const match = LESSON_PATH.exec(url.pathname);
    if (!match || unshareable.has(url.pathname)) return next();
    const lang = match[1] as Language;
    const lesson = await findLesson(lang, match[2]!, match[3]!);
    if (!lesson) return next();
    const user = locals.user;
    const completed = locals.completed;
    if (!bypassesLocks(user.role) && missingPrerequisites(lesson.prerequisites, new Set(completed.keys())).length > 0) return next();
    const viewKey = `${user.id}\u0000${lesson.moduleId}`;
    if (!viewed.has(viewKey)) {
      if (viewed.size >= MAX_VIEWED) viewed.clear();
      viewed.add(viewKey);
      return next();
    }

    let cached = shells.get(url.pathname);
    if (!cached) {
      const rendered = await renderShell(context, next);
      if (!rendered) {
        unshareable.add(url.pathname);
        return next();
      }
      cached = rendered;
      shells.set(url.pathname, cached);
    }
    const { facts } = cached;
    const done = facts.courseModuleIds.filter((id) => completed.has(id)).length;
    const body = fillShell(cached.shell, {
      nav: siteNavHtml(lang, user.role),
      'user-name': userNameHtml(user.name),
      preview: previewLinksHtml(lang, user.role, url.pathname),
      progress: progressBarHtml(Math.round((done / facts.courseModuleIds.length) * 100), facts.progressLabel),
      completion: completionBoxHtml({ lang, moduleId: facts.moduleId, completedAt: completed.get(facts.moduleId) ?? null, formAction: facts.formAction, zone: zone() }),
    });
    const headers = new Headers(cached.headers);
    // Tells operators (and the tests) which way the page was made.
    headers.set('server-timing', 'lesson-shell');
    // Buffer.concat's bytes sit in an ArrayBuffer of their own, which is what a body takes.
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
  };

  /** Renders the lesson with holes, with the person hidden from the page; null if it cannot be shared. */
  async function renderShell(context: APIContext, next: MiddlewareNext): Promise<CachedShell | null> {
    const { locals, url } = context;
    const person = { user: locals.user, session: locals.session, completed: locals.completed };
    locals.shell = true;
    locals.user = SHELL_VISITOR;
    locals.session = null;
    locals.completed = undefined;
    locals.shellFacts = undefined;
    try {
      const response = await next();
      const facts = locals.shellFacts;
      const html = response.status === 200 && facts ? await response.text() : null;
      const shell = html === null ? null : parseShell(html);
      if (!shell || !facts) {
        log(`Lesson ${url.pathname} cannot be shared as a shell (status ${response.status}); it is rendered per request.`);
        return null;
      }
      const headers = [...response.headers].filter(([name]) => !NOT_COPIED.has(name.toLowerCase()));
      return { shell: encodeShell(shell), facts, headers };
    } catch (error) {
      log(`Lesson ${url.pathname} cannot be shared as a shell: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    } finally {
      locals.shell = false;
      locals.user = person.user;
      locals.session = person.session;
      locals.completed = person.completed;
      locals.shellFacts = undefined;
    }
  }
}
