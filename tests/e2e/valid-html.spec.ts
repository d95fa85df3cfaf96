/**
 * Every kind of page follows the HTML standard, for every role that sees it. The server's HTML is
 * checked by the W3C's Nu Html Checker (vnu.jar from the vnu-jar package, run on the machine's
 * Java 11+), which implements the standard's conformance rules — content models, attributes,
 * `required` selects needing a placeholder option, <style> only in <head>. Lesson pages are
 * checked both as filled from their shell and as a full render (a query string always gets a
 * full render).
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './helpers';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Errors and warnings of the checker. Plain "info" messages are advice about style, not validity. */
function checkWithVnu(pages: Map<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'academy-html-'));
  const files = new Map<string, string>();
  [...pages].forEach(([path, html], i) => {
    const file = join(dir, `${i}.html`);
    writeFileSync(file, html);
    files.set(`file:${file}`, path);
  });
  const run = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...[...files.keys()].map((f) => f.slice(5))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    throw new Error(`The Nu Html Checker did not run (${run.error?.message ?? run.stderr}). It needs Java 11 or later on the PATH (apt-get install default-jre-headless).`);
  }
  const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type !== 'info' || m.subType === 'warning')
    .map((m) => `${files.get(m.url) ?? m.url}:${m.lastLine ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message} …${(m.extract ?? '').trim()}…`);
}

const lessons = [
  'onboarding/welcome-and-department', // plain text and authoring components
  'sales-workflow/lead-grading', // quiz, classify exercise
  'sales-workflow/lead-to-after-sales', // flow diagram, quiz
  'sales-workflow/first-contact', // role-play exercise
  'sales-workflow/funnel-and-targets', // calculation exercise
  'sales-workflow/contract-review', // spot-the-issue exercise
  'roles/department-posts', // exercise with matching
  'career/learning-methods',
];

const roles: { role: string; email: string | null; paths: string[]; linked?: RegExp[] }[] = [
  { role: 'visitor', email: null, paths: ['/login', '/login?lang=en', '/invite/not-a-real-token', '/unsubscribe/not-a-real-token'] },
  {
    role: 'learner',
    email: 'chen.jie@demo.academy',
    paths: [
      '/zh/',
      '/en/',
      '/zh/courses/',
      '/zh/courses/onboarding/',
      '/en/courses/sales-workflow/',
      ...lessons.slice(0, 2).map((m) => `/zh/courses/${m}/`),
      '/zh/path/',
      '/en/path/',
      '/zh/glossary/',
      '/en/glossary/',
      '/zh/search/',
      '/zh/quizzes/lead-grading/attempts',
      '/zh/quizzes/lead-grading/practice',
      '/zh/review/',
      '/en/review/',
      '/zh/inbox/',
      '/en/account/',
      '/zh/coaching/',
      '/en/coaching/',
      '/zh/account/my-data/',
      '/en/account/my-data/',
    ],
  },
  {
    role: 'manager',
    email: 'manager@demo.academy',
    paths: ['/zh/team/', '/en/team/?sort=readiness&dir=desc&show=not-ready', '/zh/team/?q=%E5%88%98', '/en/inbox/', '/zh/account/'],
    // A person on the team, then their coaching page (linked from the person's page).
    linked: [/href="(\/zh\/team\/(?!kpi-import\b)[^"/?]+)\/?"/, /href="(\/zh\/team\/[^"/?]+\/coaching)"/],
  },
  { role: 'trainer', email: 'trainer@demo.academy', paths: ['/zh/analytics/', '/en/analytics/', '/zh/analytics/quizzes/lead-grading'] },
  {
    role: 'admin',
    email: 'admin@demo.academy',
    paths: [
      ...lessons.flatMap((m) => [`/zh/courses/${m}/`, `/en/courses/${m}/?astro`]),
      '/zh/admin/',
      '/zh/admin/?q=zhou',
      '/en/admin/new',
      '/zh/admin/teams',
      '/zh/admin/import',
      '/zh/admin/audit',
      '/zh/team/?team=team-north',
    ],
    linked: [/href="(\/zh\/admin\/users\/[^"/?]+)\/?"/],
  },
];

async function fetchPages(request: APIRequestContext, paths: string[], linked: RegExp[] = []): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const path of paths) {
    const response = await request.get(path);
    // An unknown invite link answers 404, a forged unsubscribe link 400, each with a page of its own, which must be valid too.
    expect(response.status(), path).toBe(path.startsWith('/invite/') ? 404 : path.startsWith('/unsubscribe/') ? 400 : 200);
    expect(response.headers()['content-type'] ?? '', path).toContain('text/html');
    pages.set(path, await response.text());
  }
  // Pages reached by a link: a person on the team, an account in the admin list.
  for (const link of linked) {
    const from = [...pages.values()].map((html) => link.exec(html)?.[1]).find(Boolean);
    expect(from, `a link matching ${link}`).toBeTruthy();
    pages.set(from!, await (await request.get(from!)).text());
  }
  return pages;
}

// One run of the checker for every page: starting Java once costs seconds, checking a page little.
test('the pages every role sees are valid HTML', async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  const pages = new Map<string, string>();
  for (const { role, email, paths, linked } of roles) {
    const request = await playwright.request.newContext({ baseURL });
    if (email) {
      const login = await request.post('/login', { form: { email, password: DEMO_PASSWORD }, headers: { origin: baseURL! }, maxRedirects: 0 });
      expect(login.status(), `log in as ${email}`).toBe(303);
    }
    for (const [path, html] of await fetchPages(request, paths, linked)) pages.set(`${role} ${path}`, html);
    await request.dispose();
  }
  expect(pages.size).toBe(roles.reduce((n, r) => n + r.paths.length + (r.linked?.length ?? 0), 0));
  expect(checkWithVnu(pages)).toEqual([]);
});
