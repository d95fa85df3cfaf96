/**
 * Lesson pages are rendered once per page and process as a shell and filled per person, inside
 * Astro's middleware (src/lib/lesson-shell/lesson-shells.ts). These tests hold the filled shell
 * to what a full render answers — for every lesson page in both languages, for each role, with
 * and without completions — and keep the session rules around it.
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { sessionCookie } from './server-instance';
import { addOwnPerson } from './own-people';

const lesson = '/en/courses/career/learning-methods/';
const servedFromShell = (headers: Record<string, string>) => headers['server-timing'] === 'lesson-shell';
// Island ids are generated per render; everything else must match byte for byte.
const comparable = (html: string) => html.replace(/ uid="[^"]*"/g, '').replaceAll('?from=astro', '');

async function signedIn(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, email: string) {
  const cookie = await sessionCookie(baseURL, email);
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie }, maxRedirects: 0 });
}

/** Every lesson page the catalogue links to, in both languages. */
async function everyLessonPath(request: APIRequestContext): Promise<string[]> {
  const paths: string[] = [];
  for (const lang of ['zh', 'en']) {
    const catalogue = await (await request.get(`/${lang}/courses/`)).text();
    const courses = [...new Set([...catalogue.matchAll(new RegExp(`href="(/${lang}/courses/[a-z0-9-]+/)"`, 'g'))].map((m) => m[1]!))];
    for (const course of courses) {
      const page = await (await request.get(course)).text();
      paths.push(...new Set([...page.matchAll(new RegExp(`href="(${course}[a-z0-9-]+/)"`, 'g'))].map((m) => m[1]!)));
    }
  }
  return [...new Set(paths)];
}

test('every lesson filled from its shell is the page a full render gives, in both languages, for every role, with and without completions', async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  const admin = await signedIn(playwright, baseURL!, 'admin@demo.academy');
  const paths = await everyLessonPath(admin);
  expect(paths.length).toBeGreaterThanOrEqual(80);
  const moduleIds = [...new Set(paths.map((p) => p.split('/').slice(3, 5).join('/')))];
  // Every other module done: completed and open boxes, partial progress bars, some locks.
  const someDone = moduleIds.filter((_, i) => i % 2 === 0).map((moduleId) => ({ moduleId, at: Date.parse('2026-10-15T03:00:00Z') }));
  const people = await Promise.all(
    (['learner', 'trainer', 'manager', 'admin'] as const).flatMap((role) => [
      addOwnPerson(`shells-${role}-new`, `${role} 新`, { role }),
      addOwnPerson(`shells-${role}-done`, `${role} 进行中`, { role, completions: someDone }),
    ]),
  );
  let filled = 0;
  for (const email of people) {
    const person = await signedIn(playwright, baseURL!, email);
    for (const path of paths) {
      // A person's first view of a module is a full render (the page records the view); later
      // ones are filled. A query string always gets a full render.
      await person.get(path);
      const fromShell = await person.get(path);
      const full = await person.get(`${path}?from=astro`);
      expect(full.status(), `${email} ${path}`).toBe(200);
      expect(fromShell.status(), `${email} ${path}`).toBe(200);
      const fullHtml = comparable(await full.text());
      if (fullHtml.includes('lesson-locked')) {
        expect(servedFromShell(fromShell.headers()), `a locked module is never filled from a shell: ${email} ${path}`).toBe(false);
      } else {
        expect(servedFromShell(full.headers()), `${email} ${path}`).toBe(false);
        expect(servedFromShell(fromShell.headers()), `every unlocked lesson can be shared as a shell: ${email} ${path}`).toBe(true);
        filled++;
      }
      expect(comparable(await fromShell.text()), `${email} ${path}`).toBe(fullHtml);
    }
    await person.dispose();
  }
  // Learners meet locks; the other three roles see every module unlocked.
  expect(filled).toBeGreaterThan(paths.length * 6);
});

test('a lesson from the shell is byte for byte the page Astro renders, with each person’s own parts', async ({ playwright, baseURL }) => {
  const learner = await signedIn(playwright, baseURL!, 'lin.na@demo.academy');
  const manager = await signedIn(playwright, baseURL!, 'manager.north@demo.academy');
  // The first view of a module is recorded by Astro; the shell serves the views after it.
  await learner.get(lesson);
  await manager.get(lesson);

  const fromShell = await learner.get(lesson);
  expect(fromShell.status()).toBe(200);
  expect(servedFromShell(fromShell.headers())).toBe(true);
  const fromAstro = await learner.get(`${lesson}?from=astro`);
  expect(servedFromShell(fromAstro.headers())).toBe(false);
  const shellHtml = await fromShell.text();
  expect(comparable(shellHtml)).toBe(comparable(await fromAstro.text()));
  expect(shellHtml).not.toContain('academy-hole');
  expect(shellHtml).toContain('<span class="user-name">林娜</span>');
  expect(shellHtml).not.toContain('href="/en/team/"');
  expect(fromShell.headers()['set-cookie']).toMatch(/^session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly(; Secure)?; SameSite=Lax$/);
  expect(fromShell.headers()['content-security-policy']).toBe(fromAstro.headers()['content-security-policy']);

  // A lesson with exercises and quizzes is shared the same way: the islands fetch their own start.
  const practice = '/zh/courses/sales-workflow/lead-grading/';
  await learner.get(practice);
  const practiceFromShell = await learner.get(practice);
  expect(servedFromShell(practiceFromShell.headers())).toBe(true);
  const practiceHtml = await practiceFromShell.text();
  expect(practiceHtml).toContain('ExerciseLoader');
  expect(comparable(practiceHtml)).toBe(comparable(await (await learner.get(`${practice}?from=astro`)).text()));

  const managerPage = await manager.get(lesson);
  expect(servedFromShell(managerPage.headers())).toBe(true);
  const managerHtml = await managerPage.text();
  expect(managerHtml).toContain('href="/en/team/"');
  expect(managerHtml).not.toContain('林娜');
});

test('marking a module complete shows on the next page the shell serves', async ({ page, baseURL }) => {
  const cookie = await sessionCookie(baseURL!, 'lin.na@demo.academy');
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: baseURL! }]);
  const path = '/en/courses/career/learning-resources/';
  await page.goto(path);
  const complete = page.getByRole('button', { name: 'Mark as complete' });
  if (await complete.isVisible()) await complete.click();
  await expect(page.getByRole('status').filter({ hasText: 'Module completed' })).toBeVisible();
  const reload = page.waitForResponse((r) => r.url().endsWith(path));
  await page.reload();
  expect(servedFromShell(await (await reload).allHeaders())).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Module completed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toHaveCount(0);
});

test('without a valid session a lesson redirects to the login, and again after logging out', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const noSession = await anonymous.get(lesson);
  expect(noSession.status()).toBe(302);
  expect(noSession.headers().location).toContain('/login');

  const learner = await signedIn(playwright, baseURL!, 'lin.na@demo.academy');
  await learner.get(lesson);
  expect(servedFromShell((await learner.get(lesson)).headers())).toBe(true);
  await learner.post('/logout', { headers: { origin: baseURL! } });
  const afterLogout = await learner.get(lesson);
  expect(afterLogout.status()).toBe(302);
  expect(afterLogout.headers().location).toContain('/login');
});

test('a module whose prerequisites are not done is answered by Astro with the lock', async ({ playwright, baseURL }) => {
  const newcomer = await signedIn(playwright, baseURL!, 'zhou.min@demo.academy');
  const locked = '/en/courses/career/promotion-criteria/';
  await newcomer.get(locked);
  const response = await newcomer.get(locked);
  expect(response.status()).toBe(200);
  expect(servedFromShell(response.headers())).toBe(false);
  expect(await response.text()).toContain('This module is not unlocked yet');
});
