import { expect, test } from './fixtures';
import { logIn } from './helpers';

const modulePath = '/zh/courses/sales-workflow/lead-to-after-sales/';
const rightAnswers: Record<string, string> = {
  'first-stage-after-collection': '按需求、购买力和信用筛选并分级',
  'quote-timing': '需求分析并确认方案方向之后',
  'stage-order': '线索分级 → 初次接触 → 需求分析 → 报价谈判 → 合同',
  'qingshan-after-delivery': '售后与回访阶段：按计划回访、记录使用情况，留意新的需求',
};

test('a new hire reads a module, fails then passes its quiz, completes it and sees progress move', async ({ page }) => {
  await logIn(page, 'zhou.min@demo.academy');
  const course = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '销售业务流程' }) });
  const bar = course.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(course).toContainText('尚未参加测验');

  await course.getByRole('link', { name: /开始学习/ }).click();
  await expect(page).toHaveURL(modulePath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全流程总览：从线索到售后');

  const quiz = page.getByRole('region', { name: '测验：全流程总览' });
  // The quiz hydrates when a reader scrolls to it, as a person would.
  await quiz.scrollIntoViewIfNeeded();
  await quiz.getByRole('radio', { name: '尽快逐一上门拜访' }).check();
  await quiz.getByRole('button', { name: '提交答案' }).click();
  await expect(quiz.getByRole('status')).toContainText('未通过');
  await expect(quiz).toContainText('不分级就拜访，会把时间花在没有购买力的客户身上。');

  await quiz.getByRole('button', { name: '再试一次' }).click();
  for (const text of Object.values(rightAnswers)) await quiz.getByRole('radio', { name: text }).check();
  for (const text of ['需求', '购买力', '信用', '复购机会', '转介绍', '及早发现问题，避免演变成投诉']) {
    await quiz.getByRole('checkbox', { name: text, exact: true }).check();
  }
  await quiz.getByRole('group', { name: /先签合同/ }).getByRole('radio', { name: '错误' }).check();
  await quiz.getByRole('button', { name: '提交答案' }).click();
  await expect(quiz.getByRole('status')).toContainText('得分：7/7（100%）');
  await expect(quiz.getByRole('status')).toContainText('通过');

  await page.getByRole('button', { name: '标记为已完成' }).click();
  await expect(page.getByRole('status').filter({ hasText: '本单元已完成' })).toBeVisible();

  await page.getByRole('link', { name: '我的学习' }).first().click();
  const after = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '销售业务流程' }) });
  await expect(after.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0');
  await expect(after).toContainText('最佳测验成绩 100%');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(modulePath);
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a visit without a session lands on the login page', async ({ page }) => {
  await page.goto('/zh/courses/sales-workflow/');
  await expect(page).toHaveURL(/\/login\?next=%2Fzh%2Fcourses%2Fsales-workflow%2F/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});

test('a wrong password and an unknown email get the same generic message', async ({ page }) => {
  for (const email of ['chen.jie@demo.academy', 'nobody@demo.academy']) {
    await page.goto('/login?lang=en');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect. Check them and try again.');
  }
});
