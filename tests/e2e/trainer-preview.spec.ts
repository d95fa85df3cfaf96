/**
 * A trainer sees any module as a learner would — locked, not started, in progress — with a banner
 * saying it is a preview, without a demo person whose progress fits; learners cannot ask for it.
 */
import { expect, test } from './fixtures';
import { logIn } from './helpers';

const lesson = '/en/courses/sales-workflow/lead-grading/';

test('a trainer previews a module locked, not started and in progress, with a banner saying it is a preview', async ({ page }) => {
  await logIn(page, 'trainer@demo.academy');
  await page.goto(`${lesson}?preview=locked`);
  await expect(page.locator('.preview-banner [role=status]')).toContainText('Preview: the page as a learner sees it when “locked”');
  await expect(page.getByRole('heading', { name: /This module is not unlocked yet/ })).toBeVisible();
  await expect(page.locator('article.lesson')).toContainText('Market development');

  await page.getByRole('link', { name: 'not started' }).click();
  await expect(page).toHaveURL(/preview=new/);
  await expect(page.locator('.preview-banner [role=status]')).toContainText('“not started”');
  await expect(page.getByRole('heading', { name: /This module is not unlocked yet/ })).toHaveCount(0);
  await expect(page.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', '0');

  await page.goto(`${lesson}?preview=in-progress`);
  await expect(page.locator('.preview-banner [role=status]')).toContainText('“in progress”');
  await expect(page.getByRole('progressbar').first()).not.toHaveAttribute('aria-valuenow', '0');

  // Without ?preview the trainer's own page: no banner, only the links to preview.
  await page.goto(lesson);
  await expect(page.locator('[data-preview]')).toHaveAttribute('data-preview', '');
  await expect(page.getByRole('link', { name: 'locked' })).toBeVisible();
});

test('a learner asking for a preview gets the ordinary page', async ({ page }) => {
  await logIn(page, 'liu.yang@demo.academy');
  await page.goto(`${lesson}?preview=locked`);
  await expect(page.locator('[data-preview]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /This module is not unlocked yet/ })).toHaveCount(0);
});
