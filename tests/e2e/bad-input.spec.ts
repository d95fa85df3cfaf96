import { expect, test, type APIRequestContext } from './fixtures';
import { DEMO_PASSWORD } from './helpers';

async function loggedInRequest(request: APIRequestContext) {
  const response = await request.post('/login', {
    form: { email: 'emma.wu@demo.academy', password: DEMO_PASSWORD },
    headers: { origin: process.env.E2E_BASE_URL! },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
}

const submitQuiz = (request: APIRequestContext, data: unknown) =>
  request.post('/_actions/quiz.submit', {
    data: typeof data === 'string' ? data : JSON.stringify(data),
    headers: { 'content-type': 'application/json', origin: process.env.E2E_BASE_URL! },
  });

test.describe('quiz submissions with bad input', () => {
  test('are refused without a session', async ({ request }) => {
    const response = await submitQuiz(request, { quizId: 'lead-to-after-sales', lang: 'zh', answers: {} });
    expect(response.status()).toBe(401);
  });

  test('answer malformed, wrongly typed or oversized payloads with a 4xx and a message', async ({ request }) => {
    await loggedInRequest(request);
    const cases: unknown[] = [
      '{not json',
      { quizId: 'lead-to-after-sales', lang: 'fr', answers: {} },
      { quizId: 'lead-to-after-sales', lang: 'zh', answers: { q: 42 } },
      { quizId: 'lead-to-after-sales', lang: 'zh', answers: {}, extra: true },
      { quizId: "x'; DROP TABLE users; --", lang: 'zh', answers: {} },
      { quizId: 'lead-to-after-sales', lang: 'zh', answers: { q: Array.from({ length: 100 }, () => 'a') } },
      { quizId: 'lead-to-after-sales', lang: 'zh', answers: { filler: ['a'.repeat(70_000)] } },
    ];
    for (const body of cases) {
      const response = await submitQuiz(request, body);
      expect(response.status(), JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status(), JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
      expect((await response.text()).length).toBeGreaterThan(0);
    }
  });

  test('answer an unknown quiz with 404', async ({ request }) => {
    await loggedInRequest(request);
    const response = await submitQuiz(request, { quizId: 'no-such-quiz', lang: 'zh', answers: {} });
    expect(response.status()).toBe(404);
  });

  test('grade a valid submission on the server', async ({ request }) => {
    await loggedInRequest(request);
    const response = await submitQuiz(request, { quizId: 'lead-to-after-sales', lang: 'en', answers: { 'quote-timing': ['after-needs'] } });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('"passed"');
  });
});

test('an unknown module or course is a 404 page, not an error', async ({ page }) => {
  await page.goto('/login?lang=zh');
  await page.getByLabel('工作邮箱').fill('sun.li@demo.academy');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  for (const path of ['/zh/courses/sales-workflow/no-such-module/', '/zh/courses/no-such-course/', '/fr/']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test('a cross-site form post is refused', async ({ request }) => {
  const response = await request.post('/logout', { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
  expect(response.status()).toBe(403);
});
