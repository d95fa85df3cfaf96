/**
 * Quiz answers are never lost: what a learner answered survives a reload, a detour to another
 * page, leaving at once after a change, and signing out and in again; submitting starts the next
 * attempt empty. The draft endpoint refuses what a submission would refuse and says nothing about
 * correctness. Each test works on its own account and quiz pair, since a draft is per learner and
 * quiz; reviewers' accounts see every module unlocked.
 */
import { expect, test, type Locator, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parse as parseDevalue } from 'devalue';
import { quizSchema, type Question } from '../../src/schemas/quiz';
import { planAttempt } from '../../src/lib/quiz/draw';
import { logIn } from './helpers';
import { openDatabaseFile } from './server-instance';

const load = (id: string) => quizSchema.parse(parseYaml(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')));
const grading = load('lead-grading');
const lessonPath = (lang: 'zh' | 'en') => `/${lang}/courses/sales-workflow/lead-grading/`;

async function openQuiz(page: Page, lang: 'zh' | 'en' = 'zh'): Promise<Locator> {
  await page.goto(lessonPath(lang));
  const quiz = page.getByRole('region', { name: `${lang === 'zh' ? '测验：' : 'Quiz: '}${grading.title[lang]}` });
  // The island hydrates when a reader scrolls to it; its questions arrive with the learner's draft.
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByRole('button', { name: lang === 'zh' ? '提交答案' : 'Submit answers' })).toBeEnabled();
  return quiz;
}

/** The radio a person clicks for a choice or true/false question. */
function choice(quiz: Locator, question: Question, pick: number): Locator {
  const group = quiz.getByRole('group', { name: question.prompt.zh });
  if (question.type === 'true-false') return group.getByRole('radio', { name: pick === 0 ? '正确' : '错误', exact: true });
  if (question.type !== 'single') throw new Error(`pick a single or true-false question, not ${question.type}`);
  return group.getByRole('radio', { name: question.options[pick]!.text.zh, exact: true });
}

const [first, second, third] = grading.questions as [Question, Question, Question];

async function expectAnswersAsLeft(quiz: Locator, secondPick: number) {
  await expect(choice(quiz, first, 0)).toBeChecked();
  await expect(choice(quiz, second, secondPick)).toBeChecked();
  await expect(choice(quiz, third, 1)).toBeChecked();
  await expect(quiz.getByRole('radio', { checked: true })).toHaveCount(3);
  await expect(quiz).toContainText(`还有 ${grading.questions.length - 3} 道题未作答。`);
}

test('answers given so far survive a reload, leaving the page, and signing out and in; a submission starts the next attempt empty', async ({ page }) => {
  // A whole learner journey with two log-ins (argon2 is slow by design): longer than one check.
  test.setTimeout(90_000);
  await logIn(page, 'manager.north@demo.academy');
  let quiz = await openQuiz(page);
  await choice(quiz, first, 0).check();
  await choice(quiz, second, 0).check();
  await choice(quiz, third, 1).check();
  await expect(quiz).toContainText('你的答案已自动保存');

  await page.reload();
  quiz = await openQuiz(page);
  await expectAnswersAsLeft(quiz, 0);

  // A change and straight away a link elsewhere: the change is sent as the page goes.
  await choice(quiz, second, 2).check();
  await page.getByRole('link', { name: '我的学习' }).first().click();
  await expect(page).not.toHaveURL(new RegExp(lessonPath('zh')));
  await page.goBack();
  quiz = await openQuiz(page);
  await expectAnswersAsLeft(quiz, 2);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, 'manager.north@demo.academy');
  quiz = await openQuiz(page);
  await expectAnswersAsLeft(quiz, 2);

  await quiz.getByRole('button', { name: '提交答案' }).click();
  await expect(quiz.getByRole('status')).toContainText('得分：');
  await quiz.getByRole('button', { name: '再试一次' }).click();
  await expect(quiz.getByRole('button', { name: '提交答案' })).toBeEnabled();
  await expect(quiz.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.reload();
  quiz = await openQuiz(page);
  await expect(quiz.getByRole('radio', { checked: true })).toHaveCount(0);
});

test('the island says answers are saved in English too', async ({ page }) => {
  await logIn(page, 'admin@demo.academy');
  const quiz = await openQuiz(page, 'en');
  await quiz.getByRole('group', { name: first.prompt.en }).getByRole('radio').first().check();
  await expect(quiz).toContainText('Your answers are saved');
});

test('the draft endpoint refuses undrawn questions, wrong shapes and other attempts, and never speaks of correctness', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto(lessonPath('en'));
  const headers = { 'content-type': 'application/json', origin: new URL(page.url()).origin };
  const post = (action: string, body: unknown) => page.request.post(`/_actions/${action}`, { data: JSON.stringify(body), headers });

  const drill = load('workflow-stages-drill');
  const view = parseDevalue(await (await post('quiz.view', { quizId: 'workflow-stages-drill', lang: 'en' })).text()) as { seed: number; draft: unknown };
  expect(view.draft).toBeNull();
  const drawn = planAttempt(drill, view.seed).questions.map((q) => q.questionId);
  const undrawn = drill.questions.find((q) => !drawn.includes(q.id))!;
  const numeric = drill.questions.find((q) => q.type === 'numeric' && drawn.includes(q.id));
  const someDrawn = drill.questions.find((q) => drawn.includes(q.id) && q.type !== 'numeric')!;

  const stray = await post('quiz.saveDraft', { quizId: 'workflow-stages-drill', seed: view.seed, answers: { [undrawn.id]: ['item-1'] } });
  expect(stray.status()).toBe(400);
  expect(await stray.text()).toContain(undrawn.id);
  const misshapen = await post('quiz.saveDraft', { quizId: 'workflow-stages-drill', seed: view.seed, answers: { [someDrawn.id]: true } });
  expect(misshapen.status()).toBe(400);
  const notAnAnswer = await post('quiz.saveDraft', { quizId: 'workflow-stages-drill', seed: view.seed, answers: { [someDrawn.id]: 42 } });
  expect(notAnAnswer.status()).toBe(400);
  const otherAttempt = await post('quiz.saveDraft', { quizId: 'workflow-stages-drill', seed: (view.seed + 1) % 2 ** 32, answers: {} });
  expect(otherAttempt.status()).toBe(409);

  const answers = numeric ? { [numeric.id]: '12' } : { [someDrawn.id]: someDrawn.type === 'matching' ? {} : ['item-1'] };
  const saved = await post('quiz.saveDraft', { quizId: 'workflow-stages-drill', seed: view.seed, answers });
  expect(saved.status()).toBe(200);
  const reply = parseDevalue(await saved.text()) as Record<string, unknown>;
  expect(Object.keys(reply)).toEqual(['savedAt']);

  const again = await (await post('quiz.view', { quizId: 'workflow-stages-drill', lang: 'en' })).text();
  expect((parseDevalue(again) as { draft: unknown }).draft).toEqual(answers);
  for (const secret of ['correct', 'explanation', 'answer"', 'tolerance']) expect(again).not.toContain(secret);
});

test('a submission through the quiz.submit action deletes the draft with the attempt', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto(lessonPath('zh'));
  const headers = { 'content-type': 'application/json', origin: new URL(page.url()).origin };
  const post = (path: string, body: unknown) => page.request.post(path, { data: JSON.stringify(body), headers });
  // The server's own database: only the table tells whether the draft went with the attempt.
  const db = openDatabaseFile(`file:${process.env.E2E_DB_DIR}/e2e.db`);
  const drafts = async () =>
    (await db.execute({ sql: "SELECT count(*) AS n FROM quiz_drafts d JOIN users u ON u.id = d.user_id WHERE u.email = 'manager@demo.academy' AND d.quiz_id = 'lead-grading'", args: [] })).rows[0]!.n;

  const { seed } = parseDevalue(await (await post('/_actions/quiz.view', { quizId: 'lead-grading', lang: 'zh' })).text()) as { seed: number };
  const answers = { [first.id]: [first.type === 'single' ? first.options[0]!.id : ''] };
  expect((await post('/_actions/quiz.saveDraft', { quizId: 'lead-grading', seed, answers })).status()).toBe(200);
  expect(await drafts()).toBe(1);

  const submitted = await post('/_actions/quiz.submit', { quizId: 'lead-grading', lang: 'zh', seed, answers });
  expect(submitted.status()).toBe(200);
  expect(await drafts()).toBe(0);
  db.close();
});
