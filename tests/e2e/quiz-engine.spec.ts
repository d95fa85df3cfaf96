import { expect, test, type Locator, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizSchema, type Question } from '../../src/schemas/quiz';
import { logIn } from './helpers';

const drill = quizSchema.parse(parse(readFileSync('content/quizzes/workflow-stages-drill.yaml', 'utf8')));
type Lang = 'zh' | 'en';
const ui = {
  zh: { region: '测验：流程阶段演练', submit: '提交答案', retry: '再试一次', moveUp: '上移：', value: '你的答案', review: '查看以往作答记录' },
  en: { region: 'Quiz: Workflow stages drill', submit: 'Submit answers', retry: 'Try again', moveUp: 'Move up: ', value: 'Your answer', review: 'Review past attempts' },
};
const modulePath = (lang: Lang) => `/${lang}/courses/sales-workflow/lead-to-after-sales/`;

async function openDrill(page: Page, lang: Lang): Promise<Locator> {
  await page.goto(modulePath(lang));
  const quiz = page.getByRole('region', { name: ui[lang].region });
  // The island hydrates when a reader scrolls to it.
  await quiz.scrollIntoViewIfNeeded();
  return quiz;
}

/** The drill's questions this attempt drew, found by their prompts. */
async function drawnQuestions(quiz: Locator, lang: Lang): Promise<{ question: Question; group: Locator }[]> {
  await expect(quiz.getByRole('group')).toHaveCount(drill.draw!);
  const drawn = [];
  for (const question of drill.questions) {
    const group = quiz.getByRole('group', { name: question.prompt[lang] });
    if ((await group.count()) === 1) drawn.push({ question, group });
  }
  expect(drawn).toHaveLength(drill.draw!);
  return drawn;
}

/** Answers one question right using only the keyboard. */
async function answerByKeyboard(page: Page, lang: Lang, question: Question, group: Locator) {
  if (question.type === 'ordering') {
    const texts = question.items.map((i) => i.text[lang]);
    for (const [target, text] of texts.entries()) {
      const rows = group.getByRole('listitem');
      const current = (await rows.allTextContents()).findIndex((row) => row.includes(text));
      if (current === target) continue;
      await group.getByRole('button', { name: ui[lang].moveUp + text, exact: true }).focus();
      // Focus stays on the moved item's button, so Enter keeps moving the same item.
      for (let at = current; at > target; at--) {
        await page.keyboard.press('Enter');
        await expect(rows.nth(at - 1)).toContainText(text);
      }
      // Screen readers hear where the item went.
      await expect(group).toContainText(lang === 'zh' ? `“${text}”已移到第 ${target + 1} 位` : `“${text}” moved to position ${target + 1}`);
    }
    for (const [index, text] of texts.entries()) await expect(group.getByRole('listitem').nth(index)).toContainText(text);
  } else if (question.type === 'matching') {
    for (const pair of question.pairs) {
      const select = group.getByLabel(pair.left[lang], { exact: true });
      const options = await select.locator('option').allTextContents();
      await select.focus();
      for (let i = 0; i < options.indexOf(pair.right[lang]); i++) await page.keyboard.press('ArrowDown');
      await expect(select.locator('option:checked')).toHaveText(pair.right[lang]);
    }
  } else if (question.type === 'numeric') {
    const input = group.getByLabel(ui[lang].value);
    await input.focus();
    await page.keyboard.type(String(question.answer));
  } else {
    throw new Error(`the drill has no ${question.type} question; teach this test to answer it`);
  }
}

async function submitByKeyboard(quiz: Locator, lang: Lang) {
  const submit = quiz.getByRole('button', { name: ui[lang].submit });
  await expect(submit).toBeEnabled();
  await submit.press('Enter');
}

test('a learner answers ordering, matching and numeric questions by keyboard, uses up the attempts and reviews them', async ({ page }) => {
  await logIn(page, 'chen.jie@demo.academy');
  const quiz = await openDrill(page, 'zh');
  const answeredTypes = new Set<string>();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await expect(quiz).toContainText(`第 ${attempt} 次作答，共 3 次机会`);
    for (const { question, group } of await drawnQuestions(quiz, 'zh')) {
      await answerByKeyboard(page, 'zh', question, group);
      answeredTypes.add(question.type);
    }
    await expect(quiz).not.toContainText('道题未作答');
    await submitByKeyboard(quiz, 'zh');
    const status = quiz.getByRole('status');
    await expect(status).toContainText('得分：5/5（100%）');
    await expect(status).toContainText('正确顺序');
    if (attempt < 3) await quiz.getByRole('button', { name: '再试一次' }).press('Enter');
  }
  await expect(quiz.getByRole('status')).toContainText('你已用完这个测验的全部 3 次作答机会。');
  await expect(quiz.getByRole('button', { name: '再试一次' })).toHaveCount(0);
  expect([...answeredTypes].sort()).toEqual(['matching', 'numeric', 'ordering']);

  // After a reload the quiz stays closed, and the server refuses a fourth attempt sent around the page.
  const closed = await openDrill(page, 'zh');
  await expect(closed.getByRole('status')).toHaveText('你已用完这个测验的全部 3 次作答机会。');
  await expect(closed.getByRole('button', { name: '提交答案' })).toHaveCount(0);
  const refused = await page.request.post('/_actions/quiz.submit', {
    data: JSON.stringify({ quizId: 'workflow-stages-drill', lang: 'zh', answers: {} }),
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);

  await closed.getByRole('link', { name: '查看以往作答记录' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('作答记录：流程阶段演练');
  await expect(page.getByText('计入学习进度的是你最好的一次：100%。')).toBeVisible();
  for (const n of [1, 2, 3]) {
    const attempt = page.getByRole('region', { name: new RegExp(`^第 ${n} 次作答`) });
    await expect(attempt).toContainText('得分：5/5（100%）');
    await expect(attempt.getByText('✓ 回答正确')).toHaveCount(5);
  }
});

test('after a failed attempt the island names the wait in English and the server enforces it', async ({ page }) => {
  await logIn(page, 'sun.li@demo.academy');
  // A second tab holds the same attempt open while the first one submits it.
  const secondTab = await page.context().newPage();
  const stale = await openDrill(secondTab, 'en');
  await expect(stale.getByRole('button', { name: 'Submit answers' })).toBeEnabled();
  const quiz = await openDrill(page, 'en');
  await drawnQuestions(quiz, 'en');
  await submitByKeyboard(quiz, 'en');
  const status = quiz.getByRole('status');
  await expect(status).toContainText('Not passed');
  await expect(status).toContainText('try again in 10 minutes');
  await expect(quiz.getByRole('button', { name: 'Try again' })).toHaveCount(0);

  await submitByKeyboard(stale, 'en');
  await expect(stale.getByRole('alert')).toHaveText(
    'The waiting time after your last attempt has not ended, so this submission was not saved. Reload the page later and try again.',
  );
  await secondTab.close();

  const waiting = await openDrill(page, 'en');
  await expect(waiting.getByRole('status')).toContainText('try again in 10 minutes');
  const refused = await page.request.post('/_actions/quiz.submit', {
    data: JSON.stringify({ quizId: 'workflow-stages-drill', lang: 'en', answers: {} }),
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(429);

  await waiting.getByRole('link', { name: 'Review past attempts' }).click();
  const attempt = page.getByRole('region', { name: /^Attempt 1/ });
  await expect(attempt).toContainText('Not passed');
  await expect(attempt).toContainText('Right order');
  await expect(page.getByText('Your best attempt counts towards your progress: 0%.')).toBeVisible();
});

test('no right order, pairing, number or explanation of the drill reaches the browser before submitting', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  const secrets = drill.questions.flatMap((q) => [
    q.type === 'true-false' ? [] : 'explanation' in q && 'zh' in q.explanation ? [q.explanation.zh, q.explanation.en] : [],
    q.type === 'ordering' ? q.items.flatMap((i) => (i.explanation ? [i.explanation.zh, i.explanation.en] : [])) : [],
  ].flat());
  for (const lang of ['zh', 'en'] as const) {
    const bodies: { url: string; body: string }[] = [];
    const collect = async (response: import('@playwright/test').Response) => {
      if (/html|javascript|json/.test(response.headers()['content-type'] ?? '')) bodies.push({ url: response.url(), body: await response.text().catch(() => '') });
    };
    page.on('response', collect);
    const quiz = await openDrill(page, lang);
    await expect(quiz.getByRole('button', { name: ui[lang].submit })).toBeEnabled();
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    expect(secrets.length).toBeGreaterThan(6);
    for (const { url, body } of bodies) {
      for (const secret of secrets) expect(body.includes(secret), `${url} leaks "${secret}"`).toBe(false);
      expect(body, `${url} leaks a numeric answer or tolerance`).not.toMatch(/&quot;(answer|tolerance|pairs)&quot;|"(answer|tolerance|pairs)"\s*:/);
      // The module's sequence exercise names its own cards with the same words; only the quiz counts here.
      const quizOnly = url.includes('/_actions/exercise.') ? '' : body.replace(/<astro-island[^>]*component-url="[^"]*Exercise[^"]*"[\s\S]*?<\/astro-island>/g, '');
      expect(quizOnly, `${url} leaks an authored item id`).not.toMatch(/quote-and-negotiation|check-validity|silent-after-sale/);
    }
  }
});

test('the drill works at phone width: ordering buttons and selects fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await logIn(page, 'zhao.lei@demo.academy');
  const quiz = await openDrill(page, 'zh');
  const drawn = await drawnQuestions(quiz, 'zh');
  await expect(quiz.getByRole('button', { name: '提交答案' })).toBeEnabled();
  const overflow = await quiz.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const { question, group } of drawn) {
    const control = question.type === 'ordering' ? group.getByRole('button', { name: /^下移：/ }).first() : group.getByRole(question.type === 'matching' ? 'combobox' : 'textbox').first();
    await control.scrollIntoViewIfNeeded();
    // Wholly on screen once scrolled to: nothing sticks out past the right edge of a phone.
    await expect(control).toBeInViewport({ ratio: 1 });
  }
});
