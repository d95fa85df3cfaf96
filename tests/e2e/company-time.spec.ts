/**
 * One completion, one date. The suite's server runs with TZ=UTC (playwright.config.ts), where
 * 2026-03-01T17:30Z is still 1 March; in the company's zone (Asia/Shanghai) it is 2 March, and
 * every page — the lesson (filled from its shell), the learner's path and the person's team
 * page — must say so.
 */
import { expect, test } from './fixtures';
import { logIn } from './helpers';
import { addOwnLearner } from './own-people';

const EMAIL = 'tz-learner@demo.academy';
const MODULE = 'onboarding/welcome-and-department';
const COMPLETED_AT = Date.parse('2026-03-01T17:30:00Z');

test.beforeAll(async () => {
  // A learner of our own, on no team, so no other spec sees a changed roster or record.
  await addOwnLearner('tz-learner', '时区测试', [{ moduleId: MODULE, at: COMPLETED_AT }]);
});

test('a completion late in the UTC evening shows the company-time date on the lesson, path and team pages', async ({ page, browser }) => {
  await logIn(page, EMAIL);

  await page.goto(`/zh/courses/${MODULE}/`);
  await expect(page.getByRole('status').filter({ hasText: '本单元已完成' })).toContainText('完成于 2026/3/2');

  await page.goto('/zh/path/');
  const done = page.locator('details li').filter({ hasText: '✓ 欢迎加入' });
  await expect(done).toContainText('2026/3/2');
  await expect(page.getByText('2026/3/1', { exact: false })).toHaveCount(0);

  const admin = await browser.newPage();
  await logIn(admin, 'admin@demo.academy');
  await admin.goto('/zh/team/tz-learner');
  await expect(admin.locator('details li').filter({ hasText: '✓ 欢迎加入' }).first()).toContainText('2026/3/2');
  await expect(admin.getByText('2026/3/1', { exact: false })).toHaveCount(0);
  await admin.close();
});
