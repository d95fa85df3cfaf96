/**
 * The trust issue's end-to-end checks through the real production server: answer keys through a reused idempotency key,
 * redirects after login, locks where the work is done, and the search index of locked lessons.
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { parse } from 'devalue';
import { DEMO_PASSWORD, logIn } from './helpers';
import { addOwnLearner } from './own-people';

const base = () => process.env.E2E_BASE_URL!;

async function signIn(request: APIRequestContext, email: string) {
  const response = await request.post('/login', { form: { email, password: DEMO_PASSWORD }, headers: { origin: base() }, maxRedirects: 0 });
  expect(response.status(), `log in as ${email}`).toBe(303);
}

const act = (request: APIRequestContext, name: string, data: unknown) =>
  request.post(`/_actions/${name}`, { data: JSON.stringify(data), headers: { 'content-type': 'application/json', origin: base() } });

test.describe('an idempotency key spent on one quiz', () => {
  test('cannot fetch another quiz’s answer key, and spends none of its attempts', async ({ request }) => {
    await signIn(request, 'emma.wu@demo.academy');
    const key = crypto.randomUUID();
    const first = await act(request, 'quiz.submit', { quizId: 'department-posts', lang: 'zh', answers: {}, idempotencyKey: key });
    expect(first.status()).toBe(200);

    const view = await act(request, 'quiz.view', { quizId: 'who-does-what', lang: 'zh' });
    const before = parse(await view.text()) as { seed: number; attemptsUsed: number };
    const reused = await act(request, 'quiz.submit', { quizId: 'who-does-what', lang: 'zh', answers: {}, seed: before.seed, idempotencyKey: key });
    const body = await reused.text();
    expect(reused.status()).toBe(409);
    expect(JSON.parse(body)).toMatchObject({ code: 'CONFLICT' });
    // Not one explanation of the other quiz, nor its right option.
    expect(body).not.toContain('每一行只能有一个 A');
    expect(body).not.toContain('answers-for-result');
    const after = parse(await (await act(request, 'quiz.view', { quizId: 'who-does-what', lang: 'zh' })).text()) as { attemptsUsed: number };
    expect(after.attemptsUsed).toBe(before.attemptsUsed);

    // The honest retry of the first submission still gets its own stored result.
    const retry = await act(request, 'quiz.submit', { quizId: 'department-posts', lang: 'zh', answers: {}, idempotencyKey: key });
    expect(retry.status()).toBe(200);
    expect((parse(await retry.text()) as { attemptId: string }).attemptId).toBe((parse(await first.text()) as { attemptId: string }).attemptId);
  });

  test('on an exercise, cannot be spent again on another exercise', async ({ request }) => {
    await signIn(request, 'emma.wu@demo.academy');
    const key = crypto.randomUUID();
    const submitWith = async (exerciseId: string) => {
      const opened = parse(await (await act(request, 'exercise.open', { exerciseId, lang: 'zh' })).text()) as { savedWork: unknown; seed: number };
      return act(request, 'exercise.submit', { exerciseId, lang: 'zh', answer: opened.savedWork, seed: opened.seed, idempotencyKey: key });
    };
    expect((await submitWith('sales-cycle-order')).status()).toBe(200);
    const reused = await submitWith('duties-to-posts');
    expect(reused.status()).toBe(409);
    expect(await reused.text()).not.toContain('"result"');
  });
});

test.describe('the page to return to after login', () => {
  test('never leaves the site, however the address is disguised', async ({ request }) => {
    await signIn(request, 'emma.wu@demo.academy');
    for (const next of ['/%09/evil.example', '//evil.example', '/%5Cevil.example', '/%0D%0ALocation:%20https://evil.example', 'https://evil.example', '%EF%BC%8F%EF%BC%8Fevil.example', '/.//evil.example']) {
      const response = await request.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(302);
      const location = response.headers()['location'] ?? '';
      expect(location, next).toMatch(/^\/[^/\\]/);
      expect(location, next).toMatch(/^[\x21-\x7e]+$/);
      expect(new URL(location, base()).origin, next).toBe(new URL(base()).origin);
    }
    const kept = await request.get('/login?next=%2Fen%2Fpath%3Ftab%3D1', { maxRedirects: 0 });
    expect(kept.headers()['location']).toBe('/en/path?tab=1');
  });

  test('a browser logging in from a link with a disguised address stays on the site', async ({ page }) => {
    await page.goto('/login?lang=zh&next=/%09/evil.example');
    await page.getByLabel('工作邮箱').fill('emma.wu@demo.academy');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(base()).origin);
  });
});

test.describe('a module the learner has not unlocked', () => {
  let newcomer = '';
  test.beforeAll(async () => {
    newcomer = await addOwnLearner('lock-newcomer', '新来的');
  });

  test('refuses its quiz and exercise through the actions, naming the module to finish', async ({ request }) => {
    await signIn(request, newcomer);
    const view = await act(request, 'quiz.view', { quizId: 'contract-review', lang: 'zh' });
    expect(view.status()).toBe(403);
    expect((await view.json()).message).toContain('全流程总览：从线索到售后');
    const submit = await act(request, 'quiz.submit', { quizId: 'contract-review', lang: 'en', answers: {} });
    expect(submit.status()).toBe(403);
    expect((await submit.json()).message).toContain('Finish first');
    for (const [name, data] of [
      ['exercise.open', { exerciseId: 'contract-draft-review', lang: 'zh' }],
      ['exercise.save', { exerciseId: 'contract-draft-review', answer: { type: 'spot-the-issue', flags: [] } }],
      ['exercise.submit', { exerciseId: 'contract-draft-review', lang: 'zh', answer: { type: 'spot-the-issue', flags: [] } }],
    ] as const) {
      const response = await act(request, name, data);
      expect(response.status(), name).toBe(403);
      expect(await response.text(), name).not.toContain('"result"');
    }
  });

  test('is not found by the text of its lesson, except by people who may open it', async ({ browser }) => {
    const phrase = '授权委托书'; // only in the locked lesson "合同起草与合同评审" (and its exercise)
    const search = async (email: string) => {
      const context = await browser.newContext({ baseURL: base(), locale: 'zh-CN' });
      const page = await context.newPage();
      await logIn(page, email);
      await page.goto(`/zh/search?q=${encodeURIComponent(phrase)}`);
      // Both "找到 n 个相关单元" and "没有找到相关内容" mean the search is done.
      await expect(page.getByRole('status')).toHaveText(/找到/, { timeout: 15_000 });
      const links = await page.locator('.hits a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      await context.close();
      return links;
    };
    expect(await search(newcomer)).not.toContain('/zh/courses/sales-workflow/contract-review/');
    expect(await search('trainer@demo.academy')).toContain('/zh/courses/sales-workflow/contract-review/');
  });
});
