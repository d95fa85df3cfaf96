/**
 * Trust in records: a number typed as people type it is read or refused before anything is spent,
 * and a trainer previews a re-grade of a quiz's stored attempts from its analytics page.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizSchema } from '../../src/schemas/quiz';
import { logIn } from './helpers';

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
