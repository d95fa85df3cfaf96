/**
 * An exercise keeps the learner's last move: one made just before leaving the page is saved as
 * the page goes, and a second tab that falls behind is told so instead of overwriting the first
 * tab's work. Each test works on its own account, since an open attempt is per learner and exercise.
 */
import { expect, test, type Locator, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exerciseSchema, type SequenceExercise } from '../../src/schemas/exercise';
import { logIn } from './helpers';

const sequence = exerciseSchema.parse(parse(readFileSync('content/exercises/sales-cycle-order.yaml', 'utf8'))) as SequenceExercise;
const lessonPath = (lang: 'zh' | 'en') => `/${lang}/courses/sales-workflow/lead-to-after-sales/`;
const moveUp = { zh: '上移：', en: 'Move up: ' };

async function openSequence(page: Page, lang: 'zh' | 'en'): Promise<{ region: Locator; rows: Locator }> {
  await page.goto(lessonPath(lang));
  const region = page.getByRole('region', { name: sequence.title[lang], exact: true });
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: lang === 'zh' ? '提交' : 'Submit', exact: true })).toBeEnabled();
  return { region, rows: region.getByRole('list').first().getByRole('listitem') };
}

/** The order on screen as step texts, and that order with the step at `index` moved up one. */
async function orderWithMove(rows: Locator, lang: 'zh' | 'en', index: number) {
  const texts = sequence.items.map((i) => i.text[lang]);
  const before = (await rows.allTextContents()).map((row) => texts.find((t) => row.includes(t))!);
  const after = [...before];
  [after[index - 1], after[index]] = [after[index]!, after[index - 1]!];
  return { before, after };
}

test('a move followed at once by leaving the page is there on return', async ({ page }) => {
  await logIn(page, 'admin@demo.academy');
  const { region, rows } = await openSequence(page, 'zh');
  const { after } = await orderWithMove(rows, 'zh', 4);
  await region.getByRole('button', { name: moveUp.zh + after[3], exact: true }).click();
  // Well inside the save's pause: nothing has been sent yet when the page goes.
  await page.goto('/zh/');

  const back = await openSequence(page, 'zh');
  await expect(back.region).toContainText('已恢复你上次未完成的进度。');
  await expect(back.rows).toHaveText(after.map((text) => new RegExp(escape(text))));
});

test('a tab that fell behind another is told so, and does not overwrite the other tab’s work', async ({ page, context }) => {
  await logIn(page, 'trainer@demo.academy');
  const a = await openSequence(page, 'en');
  const otherPage = await context.newPage();
  const b = await openSequence(otherPage, 'en');

  const moveInA = await orderWithMove(a.rows, 'en', 4);
  await a.region.getByRole('button', { name: moveUp.en + moveInA.after[3], exact: true }).click();
  await expect(a.region).toContainText('Progress is saved automatically');

  // Tab B still shows the order from before A's move, and moves another step.
  const moveInB = await orderWithMove(b.rows, 'en', 2);
  await b.region.getByRole('button', { name: moveUp.en + moveInB.after[1], exact: true }).click();
  await expect(b.region.getByRole('alert')).toHaveText('This exercise was changed in another tab — reload to continue from there. Your last move here was not saved.');
  // Nor can B submit over A's work.
  await b.region.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(b.region.getByRole('alert')).toContainText('changed in another tab');
  await expect(b.region).not.toContainText('Score:');

  const reloaded = await openSequence(otherPage, 'en');
  await expect(reloaded.rows).toHaveText(moveInA.after.map((text) => new RegExp(escape(text))));
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
