import { expect, test } from '@playwright/test';
import { logIn } from './helpers';

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
