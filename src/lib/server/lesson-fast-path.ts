/**
 * Serves lesson pages without running them through Astro on every request. The first request for
 * a lesson asks Astro (over loopback, with a per-process secret) for a shell: the page rendered
 * once with holes where anything personal goes. Later requests check the session, read the
 * learner's completions and fill the holes — a couple of indexed reads and string joins instead
 * of an MDX render. Pages stay behind the login: no session, no page; anything unusual (locked
 * module, query string, unknown page, expired session) falls through to Astro, which decides.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../platform/server/db';
import { signedInHeaders } from '../http/server/security-headers';
import { servedOverHttps } from '../http/server/client-address';
import { trustedProxies } from '../platform/server/env';
import { SESSION_COOKIE } from '../auth/server/sessions';
import { readCookie, sessionCookieHeader } from '../auth/server/session-cookies';
import { readLessonVisitor } from './lesson-visitor';
import { companyTimeZone } from '../platform/server/company-time';
import { bypassesLocks, missingPrerequisites } from '../learning-records/module-locks';
import { completionBoxHtml, progressBarHtml, siteNavHtml, userNameHtml } from '../lesson-shell/fragments';
import { encodeShell, fillShell, parseShell, SHELL_FACTS_HEADER, SHELL_REQUEST_HEADER, type EncodedShell, type ShellFacts } from '../lesson-shell/shell';

const LESSON_PATH = /^\/(zh|en)\/courses\/[a-z0-9-]{1,64}\/[a-z0-9-]{1,64}\/$/;
/** Headers of the shell response that belong to that response only. */
const NOT_COPIED = new Set(['set-cookie', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', SHELL_FACTS_HEADER]);
const MAX_UNSHAREABLE = 2_000;
const MAX_VIEWED = 200_000;

interface CachedShell {
  shell: EncodedShell;
  facts: ShellFacts;
  headers: Record<string, string>;
}

export interface LessonFastPathOptions {
  db: Database;
  /** Base URL of this very server, for the shell requests. */
  selfOrigin: () => string;
  shellSecret: string;
  secureCookies: boolean;
}

export function createLessonFastPath({ db, selfOrigin, shellSecret, secureCookies }: LessonFastPathOptions) {
  const shells = new Map<string, Promise<CachedShell | null>>();
  const unshareable = new Set<string>();
  // Astro records a learner's first view of a module; the fast path serves the views after it.
  const viewed = new Set<string>();

  async function renderShell(path: string): Promise<CachedShell | null> {
    const response = await fetch(selfOrigin() + path, { headers: { [SHELL_REQUEST_HEADER]: shellSecret }, redirect: 'manual' });
    const html = await response.text();
    const facts = response.headers.get(SHELL_FACTS_HEADER);
    const shell = response.status === 200 && facts ? parseShell(html) : null;
    if (!shell || !facts) return null;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!NOT_COPIED.has(name)) headers[name] = value;
    });
    return { shell: encodeShell(shell), facts: JSON.parse(decodeURIComponent(facts)) as ShellFacts, headers };
  }

  function shellFor(path: string): Promise<CachedShell | null> {
    let cached = shells.get(path);
    if (!cached) {
      cached = renderShell(path).catch(() => null);
      shells.set(path, cached);
      // Only real lessons stay cached; a miss is forgotten so that garbage paths cannot pile up.
      void cached.then((shell) => {
        if (shell) return;
        shells.delete(path);
        if (unshareable.size < MAX_UNSHAREABLE) unshareable.add(path);
      });
    }
    return cached;
  }

  /** Answers the request and returns true, or returns false and leaves it to Astro. */
  return async function serveLesson(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' || !req.url || !LESSON_PATH.test(req.url) || unshareable.has(req.url)) return false;
    if (req.headers[SHELL_REQUEST_HEADER]) return false;
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) return false;
    const now = new Date();
    const [cached, visitor] = await Promise.all([shellFor(req.url), readLessonVisitor(db, token, now)]);
    if (!cached || !visitor) return false;
    const { user, completed } = visitor;
    const { facts } = cached;
    if (!bypassesLocks(user.role) && missingPrerequisites(facts.prerequisites, new Set(completed.keys())).length > 0) return false;
    const viewKey = `${user.id}\u0000${facts.moduleId}`;
    if (!viewed.has(viewKey)) {
      if (viewed.size >= MAX_VIEWED) viewed.clear();
      viewed.add(viewKey);
      return false;
    }
    const lang = req.url.startsWith('/en/') ? 'en' : 'zh';
    const done = facts.courseModuleIds.filter((id) => completed.has(id)).length;
    const body = fillShell(cached.shell, {
      nav: siteNavHtml(lang, user.role),
      'user-name': userNameHtml(user.name),
      progress: progressBarHtml(Math.round((done / facts.courseModuleIds.length) * 100), facts.progressLabel),
      completion: completionBoxHtml({ lang, moduleId: facts.moduleId, completedAt: completed.get(facts.moduleId) ?? null, formAction: facts.formAction, zone: companyTimeZone() }),
    });
    res.writeHead(200, {
      ...cached.headers,
      ...signedInHeaders(servedOverHttps(new URL('http://fast.path/'), req.socket.remoteAddress, req.headers['x-forwarded-proto'] as string | undefined, trustedProxies())),
      'set-cookie': sessionCookieHeader(token, visitor.expiresAt, secureCookies),
      'content-length': body.byteLength,
      // Tells operators (and the tests) which path answered.
      'server-timing': 'lesson-shell',
    });
    res.end(body);
    return true;
  };
}
