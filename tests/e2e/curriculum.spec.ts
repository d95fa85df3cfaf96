import { expect, test } from './fixtures';
import { logIn } from './helpers';

test('catalogue → course → module → quiz, then the same page in English', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  await page.getByRole('banner').getByRole('link', { name: '课程', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('课程目录');
  const courses = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(courses).toHaveCount(6);

  await page.getByRole('link', { name: '销售业务流程' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('销售业务流程');
  await page.getByRole('link', { name: '全流程总览：从线索到售后' }).click();
  await expect(page.getByRole('navigation', { name: '本页目录' })).toBeVisible();
  const quiz = page.getByRole('region', { name: /测验/ }).first();
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByRole('button', { name: '提交答案' })).toBeEnabled();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/en/courses/sales-workflow/lead-to-after-sales/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The whole journey: from lead to after-sales');
  const enQuiz = page.getByRole('region', { name: /Quiz/ }).first();
  await enQuiz.scrollIntoViewIfNeeded();
  await enQuiz.getByRole('radio', { name: 'Visit every company as soon as possible' }).check();
  await enQuiz.getByRole('button', { name: 'Submit answers' }).click();
  await expect(enQuiz.getByRole('status')).toContainText('Not passed');

  await page.getByRole('link', { name: 'Next module' }).click();
  await expect(page).toHaveURL(/\/en\/courses\/sales-workflow\/[a-z-]+\/$/);
  await page.getByRole('banner').getByRole('link', { name: 'Courses', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course catalogue');
});

test('finds a lesson by a Chinese search term from any page', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  const search = page.getByRole('search');
  await search.getByRole('searchbox').fill('投诉处理');
  await search.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByRole('status')).toContainText('找到');
  const hit = page.getByRole('listitem').filter({ has: page.locator('mark') }).first();
  await expect(hit).toBeVisible();
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(/\/zh\/courses\/[a-z-]+\/[a-z-]+\/$/);
});

test('an English search finds English lessons only', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  await page.goto('/en/search?q=complaint');
  await expect(page.getByRole('status')).toContainText('matching modules');
  const links = page.getByRole('main').getByRole('listitem').getByRole('link');
  await expect(links.first()).toBeVisible();
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/en\//);
});

test('a module with unfinished prerequisites is locked for a learner', async ({ page }) => {
  await logIn(page, 'chen.jie@demo.academy');
  await page.goto('/zh/courses/sales-workflow/');
  await expect(page.getByText(/需先完成：全流程总览/).first()).toBeVisible();
  await page.goto('/zh/courses/sales-workflow/complaint-handling/');
  await expect(page.getByRole('heading', { name: /这个单元还没有解锁/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '标记为已完成' })).toHaveCount(0);
});

test('the glossary lists key terms with links back to their modules', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  await page.getByRole('link', { name: '术语表' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('术语表');
  const terms = page.locator('dfn');
  expect(await terms.count()).toBeGreaterThan(20);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
});

test('pages without interactive parts ship no JavaScript', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/zh/glossary/');
  await page.goto('/zh/courses/sales-workflow/');
  expect(scripts).toEqual([]);
});

test('a key term shows the glossary definition in the page language', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const glossary = parse(readFileSync('content/glossary.yaml', 'utf8')) as { id: string; term: { zh: string; en: string }; definition: { zh: string; en: string } }[];
  const closeRate = glossary.find((g) => g.id === 'close-rate')!;
  await logIn(page, 'he.tao@demo.academy');
  await page.goto('/zh/courses/sales-skills/data-and-market-sense/');
  const term = page.locator('#term-close-rate');
  await expect(term.locator('dfn')).toHaveText(closeRate.term.zh);
  await expect(term.locator('dd')).toHaveText(closeRate.definition.zh);
  await page.goto('/en/courses/sales-skills/data-and-market-sense/');
  await expect(page.locator('#term-close-rate dd')).toHaveText(closeRate.definition.en);
  await page.goto('/en/glossary/');
  await expect(page.locator('#term-close-rate')).toContainText(closeRate.term.en);
});

test('the platform guide states question types and the ladder from the configuration', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const supervisor = parse(readFileSync('content/levels/supervisor.yaml', 'utf8')) as { name: { en: string }; criteria: { minQuizPercent: number; quizScoreMode: string } };
  await logIn(page, 'he.tao@demo.academy');
  await page.goto('/en/courses/onboarding/using-the-platform/');
  await expect(page.getByText('Quizzes use 6 question types:')).toBeVisible();
  const row = page.getByRole('table', { name: /Promotion conditions/ }).getByRole('row', { name: new RegExp(supervisor.name.en) });
  const rule = supervisor.criteria.quizScoreMode === 'average' ? 'average of all attempts' : 'best attempt of each quiz';
  await expect(row).toContainText(`Quiz average of at least ${supervisor.criteria.minQuizPercent}% (${rule})`);
  await expect(page.getByRole('main')).not.toContainText('three question types');
});
