/**
 * Lesson pages come from a shell rendered once per page (src/lib/server/lesson-fast-path.ts).
 * These tests hold that path to what Astro itself would answer: the same bytes, each person's own
 * parts, and no page without a valid session.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { sessionCookie } from './server-instance';

const lesson = '/en/courses/career/learning-methods/';
const servedFromShell = (headers: Record<string, string>) => headers['server-timing'] === 'lesson-shell';
// Island ids are generated per render; everything else must match byte for byte.
const comparable = (html: string) => html.replace(/ uid="[^"]*"/g, '').replaceAll('?from=astro', '');

async function signedIn(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, email: string) {
  const cookie = await sessionCookie(baseURL, email);
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie }, maxRedirects: 0 });
}

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

test('without a valid session a lesson redirects to the login, whatever headers come with it', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const noSession = await anonymous.get(lesson);
  expect(noSession.status()).toBe(302);
  expect(noSession.headers().location).toContain('/login');
  // Someone guessing at the internal shell request gets nothing but the login either.
  const guessing = await anonymous.get(lesson, { headers: { 'x-academy-shell': 'guess' } });
  expect(guessing.status()).toBe(302);

  const learner = await signedIn(playwright, baseURL!, 'lin.na@demo.academy');
  await learner.get(lesson);
  expect(servedFromShell((await learner.get(lesson)).headers())).toBe(true);
  const guessingSignedIn = await learner.get(lesson, { headers: { 'x-academy-shell': 'guess' } });
  expect(await guessingSignedIn.text()).toContain('<span class="user-name">林娜</span>');
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
