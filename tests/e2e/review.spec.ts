/**
 * Boosters: today's review at /{lang}/review/ and "practise what I missed", in both languages,
 * keyboard only, with no key in the page, its scripts or any action reply before the answer is
 * stored. Each test uses learners of its own (own-people.ts), who have completed the contract
 * review module and submitted its quiz once with nothing right.
 */
import { expect, test, type Page, type Response } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizSchema } from '../../src/schemas/quiz';
import { logIn } from './helpers';
import { addOwnLearner } from './own-people';
import { openDatabaseFile } from './server-instance';
import { join } from 'node:path';

const QUIZ = 'contract-review';
const quiz = quizSchema.parse(parse(readFileSync(`content/quizzes/${QUIZ}.yaml`, 'utf8')));
const explanations = quiz.questions.flatMap((q) =>
  q.type === 'true-false'
    ? [q.explanation.true.zh, q.explanation.true.en, q.explanation.false.zh, q.explanation.false.en]
    : 'options' in q
      ? q.options.flatMap((o) => [o.explanation.zh, o.explanation.en])
      : [q.explanation.zh, q.explanation.en],
);
// Seven questions met in the quiz and three key terms of the module: ten cards, the default cap.
const CARDS = quiz.questions.length + 3;
const DAY = 24 * 60 * 60 * 1000;

async function learnerWhoMissedTheQuiz(page: Page, id: string, name: string, lang: 'zh' | 'en', { submit = true } = {}) {
  const email = await addOwnLearner(id, name, [
    { moduleId: 'sales-workflow/lead-to-after-sales', at: Date.now() - 3 * DAY },
    { moduleId: 'sales-workflow/contract-review', at: Date.now() - 2 * DAY },
  ]);
  await logIn(page, email);
  const origin = new URL(page.url()).origin;
  if (!submit) return origin;
  const submitted = await page.request.post('/_actions/quiz.submit', { data: { quizId: QUIZ, lang, answers: {} }, headers: { origin } });
  expect(submitted.status()).toBe(200);
  return origin;
}

async function reviewLogCount(userId: string): Promise<number> {
  const db = openDatabaseFile(`file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}`);
  try {
    const { rows } = await db.execute({ sql: 'SELECT count(*) AS n FROM review_logs WHERE user_id = ?', args: [userId] });
    return Number(rows[0]!.n);
  } finally {
    db.close();
  }
}

/** Bodies of every text response from now on, with the URL each came from. */
function recordResponses(page: Page) {
  const bodies: { url: string; body: string }[] = [];
  page.on('response', async (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/html|javascript|json|text/.test(type)) bodies.push({ url: response.url(), body: await response.text().catch(() => '') });
  });
  return bodies;
}

function expectNoKey(bodies: { url: string; body: string }[]) {
  for (const { url, body } of bodies) {
    for (const text of explanations) expect(body.includes(text), `${url} leaks "${text}"`).toBe(false);
    expect(body, `${url} leaks a correct flag`).not.toMatch(/&quot;correct&quot;|"correct"\s*:|\\"correct\\"/);
    expect(body, `${url} leaks a true/false answer`).not.toMatch(/&quot;answer&quot;|"answer"\s*:/);
  }
}

test('today’s review in Chinese, keyboard only: no key before each answer is stored, then the day is done', async ({ page }) => {
  await learnerWhoMissedTheQuiz(page, 'review-zh', '复习 学员', 'zh');
  await page.goto('/zh/');
  await expect(page.getByRole('heading', { name: `今日复习：${CARDS} 张卡片到期` })).toBeVisible();

  const bodies = recordResponses(page);
  await page.getByRole('link', { name: '开始复习' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '今日复习' })).toBeVisible();
  await expect(page.getByText(`第 1 张，共 ${CARDS} 张`).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(bodies.some((b) => /\.js/.test(b.url))).toBe(true);
  // The page, its scripts: nothing yet says which answer is right.
  expectNoKey(bodies);

  for (let n = 1; n <= CARDS; n++) {
    await expect(page.getByText(`第 ${n} 张，共 ${CARDS} 张`).first()).toBeVisible();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    const next = page.getByRole('button', { name: n < CARDS ? '下一张' : '完成' });
    await expect(next).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: /回答正确|回答错误/ })).toBeVisible();
    await page.keyboard.press('Enter');
  }
  // Only the replies to stored answers carried a verdict: every one has its review log.
  await expect.poll(() => bodies.filter((b) => b.url.includes('/_actions/review.answer')).length).toBe(CARDS);
  expectNoKey(bodies.filter((b) => !b.url.includes('/_actions/review.answer')));
  expect(await reviewLogCount('review-zh')).toBe(CARDS);
  await expect(page.getByRole('heading', { name: '今天的复习做完了。答错的卡片明天会再出现。' })).toBeVisible();

  await page.goto('/zh/review/');
  await expect(page.getByText(/近 30 天记忆保持率：/)).toBeVisible();
  await page.goto('/zh/');
  await expect(page.getByRole('heading', { name: '今天没有到期的复习卡片。' })).toBeVisible();
});

test('today’s review in English: the learner’s own daily cap, keyboard answers, one verdict per due review', async ({ page }) => {
  const origin = await learnerWhoMissedTheQuiz(page, 'review-en', 'Review Learner', 'en');
  await page.goto('/en/review/');
  await expect(page.getByText(`Card 1 of ${CARDS}`).first()).toBeVisible();

  // Typed as a person types it: digits and Enter go to the field, not to the review card.
  const cap = page.getByLabel('Cards a day at most');
  await cap.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('3');
  await expect(cap).toHaveValue('3');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Saved: at most 3 cards a day.')).toBeVisible();
  await expect(page.getByText('Card 1 of 3').first()).toBeVisible();
  // The notice reads the stored cap, never a number written into the URL.
  await page.goto('/en/review/?saved=cap&cap=999999');
  await expect(page.getByText('Saved: at most 3 cards a day.')).toBeVisible();
  await page.goto('/en/review/?cap=999999');
  await expect(page.getByText(/999999/)).toHaveCount(0);
  await expect(page.getByText('Card 1 of 3').first()).toBeVisible();

  const sent = page.waitForRequest((r) => r.url().includes('/_actions/review.answer'));
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Next card' })).toBeFocused();
  const answer = JSON.parse((await sent).postData()!) as { cardId: string; dueAt: number };

  // The same answer again: the stored verdict, nothing scheduled twice.
  const again = await page.request.post('/_actions/review.answer', { data: answer, headers: { origin } });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain('"repeated"');
  // Another due time of that card: a 409 that says what happened and what to do.
  const stale = await page.request.post('/_actions/review.answer', { data: { ...answer, dueAt: answer.dueAt + 1 }, headers: { origin } });
  expect(stale.status()).toBe(409);
  expect(await stale.text()).toContain('Reload the page');
  const unknown = await page.request.post('/_actions/review.answer', { data: { ...answer, cardId: 'term:no-such-term' }, headers: { origin } });
  expect(unknown.status()).toBe(404);
  const malformed = await page.request.post('/_actions/review.answer', { data: { ...answer, dueAt: 'soon' }, headers: { origin } });
  expect(malformed.status()).toBe(400);

  await page.keyboard.press('Enter');
  await expect(page.getByText('Card 2 of 3').first()).toBeVisible();
  // Enter with nothing chosen asks for an answer instead of recording a miss.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Answer the card first, then check it.');

  await page.reload();
  await expect(page.getByText('Card 1 of 2').first()).toBeVisible();
  await expect(page.getByText(/Retention over the last 30 days: .* \(\d of 1 right\)/)).toBeVisible();
});

test('practise what I missed: only the missed questions, graded, and the quiz attempt is not counted', async ({ page }) => {
  await learnerWhoMissedTheQuiz(page, 'practice-zh', '练习 学员', 'zh', { submit: false });
  // The quiz on its module page, submitted with nothing answered: every question missed.
  await page.goto('/zh/courses/sales-workflow/contract-review/');
  const quizRegion = page.getByRole('region', { name: /^测验：/ });
  await quizRegion.scrollIntoViewIfNeeded();
  await quizRegion.getByRole('button', { name: '提交答案' }).click();
  await expect(quizRegion.getByRole('status').first()).toContainText('得分：0/');
  const attemptsUsed = async () => {
    const db = openDatabaseFile(`file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}`);
    try {
      const { rows } = await db.execute({ sql: 'SELECT count(*) AS n, sum(percent) AS total FROM quiz_attempts WHERE user_id = ?', args: ['practice-zh'] });
      return `${rows[0]!.n} attempts, ${rows[0]!.total}%`;
    } finally {
      db.close();
    }
  };
  const usedBefore = await attemptsUsed();
  expect(usedBefore).toBe('1 attempts, 0%');

  const bodies = recordResponses(page);
  await quizRegion.getByRole('link', { name: '练习答错的题' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('练习答错的题');
  await expect(page.getByText(`第 1 张，共 ${quiz.questions.length} 张`).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expectNoKey(bodies);

  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '下一张' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /回答正确|回答错误/ })).toBeVisible();
  expect(await attemptsUsed()).toBe(usedBefore);
});
