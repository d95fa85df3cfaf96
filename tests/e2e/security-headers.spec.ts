import { expect, test } from './fixtures';
import { DEMO_PASSWORD, logIn } from './helpers';
import { freshDatabase, seedDatabase, sessionCookie, startInstance, type Instance } from './server-instance';

test('every page carries the hardened headers and a CSP without inline scripts', async ({ request }) => {
  for (const path of ['/login', '/healthz', '/zh/']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('same-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
  const page = await request.get('/login');
  const csp = page.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain("'unsafe-eval'");
});

test('no Content Security Policy violation while a learner takes a quiz and searches', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await logIn(page, 'zhao.lei@demo.academy');
  await page.goto('/zh/courses/sales-workflow/lead-to-after-sales/');
  const quiz = page.getByRole('region', { name: /测验/ }).first();
  await quiz.scrollIntoViewIfNeeded();
  await quiz.getByRole('radio', { name: '尽快逐一上门拜访' }).check();
  await quiz.getByRole('button', { name: '提交答案' }).click();
  await expect(quiz.getByRole('status')).toBeVisible();
  await page.goto('/zh/search?q=合同评审');
  await expect(page.getByRole('status')).toContainText('找到');
  expect(violations).toEqual([]);
});

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('responses never carry stack traces or SQL', async ({ request }) => {
  const probes = [
    request.post('/_actions/quiz.submit', { data: '{"quizId":', headers: { 'content-type': 'application/json' } }),
    request.get('/zh/courses/%E0%A4%A/'),
    request.post('/login', { form: { email: 'x'.repeat(5000), password: '' } }),
  ];
  for (const response of await Promise.all(probes)) {
    const body = await response.text();
    expect(response.status()).toBeLessThan(500);
    expect(body).not.toMatch(/at .+\.(m?js|ts):\d+|SQLITE|SELECT .* FROM|node_modules/);
  }
});

test.describe('signed-in responses', () => {
  test('are never cached, on every path that answers them', async ({ page, request }) => {
    await logIn(page, 'zhou.min@demo.academy');
    const lesson = '/zh/courses/onboarding/welcome-and-department/';
    await page.goto(lesson);
    const responses = {
      page: await page.request.get('/zh/'),
      // The second view of a lesson is filled from its shell.
      'lesson shell': await page.request.get(lesson),
      action: await page.request.post('/_actions/quiz.view', { data: JSON.stringify({ quizId: 'welcome-and-department', lang: 'zh' }), headers: { 'content-type': 'application/json' } }),
      'quiz submission': await page.request.post('/_actions/quiz.submit', { data: JSON.stringify({ quizId: 'welcome-and-department', lang: 'zh', answers: {}, seed: 1 }), headers: { 'content-type': 'application/json', origin: process.env.E2E_BASE_URL! } }),
      'search index': await page.request.get('/pagefind/pagefind.js'),
    };
    expect(responses['lesson shell'].headers()['server-timing']).toBe('lesson-shell');
    for (const [path, response] of Object.entries(responses)) expect(response.headers()['cache-control'], path).toBe('no-store');

    const manager = await request.post('/login', { form: { email: 'manager@demo.academy', password: DEMO_PASSWORD }, headers: { origin: process.env.E2E_BASE_URL! }, maxRedirects: 0 });
    expect(manager.status()).toBe(303);
    expect((await request.get('/zh/team/export.csv')).headers()['cache-control']).toBe('no-store');
  });

  test('get no Strict-Transport-Security from a forged X-Forwarded-Proto when no proxy is trusted', async ({ request }) => {
    const response = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  });
});

test('the login form refuses a huge body before reading it', async ({ request }) => {
  const response = await request.post('/login', {
    form: { email: 'zhou.min@demo.academy', password: 'x'.repeat(200_000) },
    headers: { origin: process.env.E2E_BASE_URL! },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('太大');
});

test.describe('behind a trusted reverse proxy that terminates HTTPS', () => {
  test.describe.configure({ timeout: 120_000 });
  let server: Instance;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const database = freshDatabase();
    seedDatabase(database.url);
    server = await startInstance(Number(process.env.E2E_PORT ?? 4455) + 300, database.url, { TRUSTED_PROXIES: '127.0.0.1, ::1' });
  });
  test.afterAll(async () => server?.stop());

  test('every response, signed in or not and on every path, carries Strict-Transport-Security', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const login = await fetch(`${server.url}/login`, { headers: https });
    expect(login.headers.get('strict-transport-security')).toContain('max-age=');
    expect((await fetch(`${server.url}/login`)).headers.get('strict-transport-security')).toBeNull();

    const cookie = await sessionCookie(server.url, 'zhou.min@demo.academy');
    const lesson = `${server.url}/zh/courses/onboarding/welcome-and-department/`;
    await fetch(lesson, { headers: { cookie, ...https } });
    const fast = await fetch(lesson, { headers: { cookie, ...https } });
    expect(fast.headers.get('server-timing')).toBe('lesson-shell');
    expect(fast.headers.get('strict-transport-security')).toContain('max-age=');
    const submission = await fetch(`${server.url}/_actions/quiz.submit`, {
      method: 'POST',
      body: JSON.stringify({ quizId: 'welcome-and-department', lang: 'zh', answers: {}, seed: 1 }),
      headers: { cookie, ...https, 'content-type': 'application/json', origin: server.url },
    });
    expect(submission.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
