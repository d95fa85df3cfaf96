/**
 * Trust in records: a number typed as people type it is read or refused before anything is spent;
 * a review shows an attempt as it was graded; a trainer re-grades a quiz's stored attempts after a
 * key correction from its analytics page.
 */
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { quizSchema } from '../../src/schemas/quiz';
import { logIn } from './helpers';
import { openDatabaseFile } from './server-instance';

const drill = quizSchema.parse(parse(readFileSync('content/quizzes/workflow-stages-drill.yaml', 'utf8')));

test('a numeric answer shows how it will count, and one that cannot be read is refused before an attempt is spent', async ({ page }) => {
  await logIn(page, 'trainer@demo.academy');
  await page.goto('/zh/courses/sales-workflow/lead-to-after-sales/');
  const quiz = page.getByRole('region', { name: '测验：流程阶段演练' });
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByRole('group')).toHaveCount(drill.draw!);
  await expect(quiz).toContainText('第 1 次作答，共 3 次机会');

  // Every attempt draws at least one numeric question; take the first the page shows.
  const numeric = drill.questions.filter((q) => q.type === 'numeric');
  let drawn: (typeof numeric)[number] | undefined;
  for (const q of numeric) if ((await quiz.getByRole('group', { name: q.prompt.zh }).count()) === 1) drawn ??= q;
  expect(drawn, 'the attempt drew a numeric question').toBeTruthy();
  const group = quiz.getByRole('group', { name: drawn!.prompt.zh });
  const input = group.getByLabel('你的答案');
  const unit = drawn!.type === 'numeric' ? (drawn!.unit?.zh ?? '') : '';

  // Full-width digits, the IME's 。 and the unit typed along: read as the number it is.
  await input.fill(`１２。５${unit}`);
  await expect(group).toContainText(`将按 12.5${unit ? ` ${unit}` : ''} 计`);
  await expect(input).toHaveAttribute('aria-invalid', 'false');

  // A comma that does not group thousands is a question, not an answer.
  await input.fill('12,5');
  await expect(group).toContainText('逗号只用来分隔千位');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await quiz.getByRole('button', { name: '提交答案' }).click();
  await expect(quiz.getByRole('alert')).toContainText('填写的数字无法识别');

  // Sent around the page, the server refuses it too, naming the question, and stores nothing.
  const refused = await page.request.post('/_actions/quiz.submit', {
    data: JSON.stringify({ quizId: 'workflow-stages-drill', lang: 'zh', answers: { [drawn!.id]: '12,5' } }),
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain(drawn!.prompt.zh);
  await page.reload();
  await page.getByRole('region', { name: '测验：流程阶段演练' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('region', { name: '测验：流程阶段演练' })).toContainText('第 1 次作答，共 3 次机会');
});

test('a trainer previews a re-grade of a quiz’s stored attempts, which changes nothing until applied', async ({ page }) => {
  await logIn(page, 'trainer@demo.academy');
  await page.goto('/zh/analytics/quizzes/workflow-stages-drill/');
  const section = page.getByRole('region', { name: '重新评分已提交的作答' });
  await expect(section).toContainText('先预览：应用之前什么都不会改变。');
  await section.getByRole('button', { name: '预览重新评分' }).click();
  // The demo's attempts were all graded with the key as it is.
  await expect(page.getByRole('region', { name: '重新评分已提交的作答' }).getByRole('status')).toContainText('都与当前答案一致，无需重新评分');
  await expect(page.getByRole('button', { name: /应用重新评分/ })).toHaveCount(0);
});

test('after a key correction a learner sees the attempt as graded, and a trainer’s re-grade brings score and review in line', async ({ page, browser }) => {
  // The served database (playwright.config.ts): make one of liu.yang's stored attempts look graded
  // by an older key, as if a trainer corrected that question's answer after she took the quiz.
  const db = openDatabaseFile(`file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}`);
  const { rows } = await db.execute(
    `SELECT a.id, a.quiz_id, a.result, a.score, a.max_score, a.percent FROM quiz_attempts a JOIN users u ON u.id = a.user_id
     WHERE u.email = 'liu.yang@demo.academy' AND a.result LIKE '%"correct":true%' ORDER BY a.finished_at LIMIT 1`,
  );
  const row = rows[0]!;
  const quizId = String(row.quiz_id);
  const quiz = quizSchema.parse(parse(readFileSync(`content/quizzes/${quizId}.yaml`, 'utf8')));
  const verdicts = JSON.parse(String(row.result)) as { questionId: string; correct: boolean; key?: string }[];
  const changed = verdicts.find((v) => v.correct)!;
  changed.correct = false;
  changed.key = 'older-key';
  const score = Number(row.score) - 1;
  const percent = Math.round((score / Number(row.max_score)) * 1000) / 10;
  await db.execute({
    sql: 'UPDATE quiz_attempts SET result = ?, score = ?, percent = ?, passed = ? WHERE id = ?',
    args: [JSON.stringify(verdicts), score, percent, percent >= quiz.passPercent ? 1 : 0, String(row.id)],
  });
  db.close();
  const prompt = quiz.questions.find((q) => q.id === changed.questionId)!.prompt.zh;

  const learner = await browser.newPage();
  await logIn(learner, 'liu.yang@demo.academy');
  await learner.goto(`/zh/quizzes/${quizId}/attempts/`);
  const attempt = learner.getByRole('region', { name: /^第 1 次作答/ });
  await expect(attempt).toContainText(`（${percent}%）`);
  const question = attempt.getByRole('listitem').filter({ hasText: prompt }).first();
  await expect(question).toContainText('✗ 回答错误');
  await expect(question).toContainText('培训师修改了这道题的答案');
  await expect(question).toContainText('按现在的答案，你的回答会被判为正确');

  await logIn(page, 'trainer@demo.academy');
  await page.goto(`/zh/analytics/quizzes/${quizId}/`);
  const section = page.getByRole('region', { name: '重新评分已提交的作答' });
  await section.getByRole('button', { name: '预览重新评分' }).click();
  const regrade = page.getByRole('region', { name: '重新评分已提交的作答' });
  await expect(regrade.getByRole('status')).toContainText(/会改变 \d+ 次作答中的 1 次/);
  // Trainers see totals, not who answered what.
  await expect(regrade).not.toContainText('刘洋');
  await regrade.getByRole('button', { name: '对 1 次作答应用重新评分' }).click();
  await expect(page.getByRole('status')).toHaveText('已重新评分 1 次作答，每一处改动都已记入审计日志。');

  await learner.reload();
  const regraded = learner.getByRole('region', { name: /^第 1 次作答/ });
  await expect(regraded).toContainText(`（${Number(row.percent)}%）`);
  await expect(regraded).toContainText('按现在的答案重新评分');
  await expect(regraded.getByRole('listitem').filter({ hasText: prompt }).first()).toContainText('✓ 回答正确');
  await expect(regraded).not.toContainText('培训师修改了这道题的答案');
  await learner.close();
});
