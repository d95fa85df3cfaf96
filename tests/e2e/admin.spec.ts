import { expect, test } from './fixtures';
import { logIn } from './helpers';

test.describe('admin', () => {
  test('invites a person, who sets a password with the link and logs in', async ({ page, browser }) => {
    await logIn(page, 'admin@demo.academy');
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('link', { name: '添加人员' }).click();
    const invite = page.locator('form', { has: page.getByRole('button', { name: '生成邀请链接' }) });
    await invite.getByLabel('邮箱').fill('xin.tongshi@demo.academy');
    await invite.getByLabel('姓名').fill('新同事 陈晨');
    await invite.getByLabel('团队').selectOption({ label: '华东销售一组 East Region Team 1' });
    await invite.getByRole('button', { name: '生成邀请链接' }).click();
    const link = await page.getByRole('textbox', { name: '邀请链接' }).inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText('xin.tongshi@demo.academy', { exact: false }).first()).toBeVisible();

    // The invitee has no session: a fresh browser context.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const invitee = await context.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: '设置密码' })).toBeVisible();
    await expect(invitee.getByText('新同事 陈晨')).toBeVisible();
    await invitee.getByLabel('新密码', { exact: true }).fill('short-one');
    await invitee.getByLabel('再次输入新密码').fill('short-one');
    // The browser's own length check would stop this; the server's message is what we test.
    await invitee.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
    await invitee.getByRole('button', { name: '设置密码' }).click();
    await expect(invitee.getByRole('alert')).toContainText('至少需要 12 个字符');
    await invitee.getByLabel('新密码', { exact: true }).fill('春天的第一场销售会议很重要');
    await invitee.getByLabel('再次输入新密码').fill('春天的第一场销售会议很重要');
    await invitee.getByRole('button', { name: '设置密码' }).click();
    await expect(invitee.getByRole('status')).toContainText('密码已设置');

    await invitee.getByRole('link', { name: '登录' }).click();
    await invitee.getByLabel('工作邮箱').fill('xin.tongshi@demo.academy');
    await invitee.getByLabel('密码').fill('春天的第一场销售会议很重要');
    await invitee.getByRole('button', { name: '登录' }).click();
    await expect(invitee.getByRole('heading', { level: 1 })).toContainText('你好，新同事 陈晨');

    // The link works once.
    await invitee.goto(link);
    await expect(invitee.getByRole('alert')).toContainText('已经用过了');
    await context.close();
  });

  test('imports people from CSV, landing the good rows and listing the bad one with its line', async ({ page }) => {
    await logIn(page, 'admin@demo.academy');
    await page.goto('/zh/admin/import/');
    const csv = [
      'email,name,role,level,team',
      'import.one@demo.academy,导入一号,learner,junior,华东销售一组 East Region Team 1',
      'not-an-email,坏数据,learner,junior,',
      'import.two@demo.academy,Import Two,学员,中级销售,',
    ].join('\r\n');
    // The island wakes up when it scrolls into view, as it would for a person.
    const start = page.getByRole('button', { name: '开始导入' });
    await start.scrollIntoViewIfNeeded();
    await expect(start).toBeEnabled();
    await page.getByLabel('CSV 文件').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + csv) });
    await start.click();
    await expect(page.getByText('导入完成：成功 2 行，未导入 1 行。')).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveAttribute('value', '3');
    const report = page.getByRole('table', { name: '未导入的行' });
    await expect(report.getByRole('row')).toHaveCount(2);
    await expect(report.getByRole('row').nth(1)).toContainText('3');
    await expect(report.getByRole('row').nth(1)).toContainText('邮箱格式不正确');

    await page.goto('/zh/admin/?q=import.');
    await expect(page.getByRole('link', { name: '导入一号' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import Two' })).toBeVisible();
    await expect(page.getByText('共 2 人')).toBeVisible();
  });

  test('creates an account with a password, then deactivates it, which logs the person out everywhere', async ({ page, browser }) => {
    await logIn(page, 'admin@demo.academy');
    await page.goto('/zh/admin/new/');
    const create = page.locator('form', { has: page.getByRole('button', { name: '创建账号' }) });
    await create.getByLabel('邮箱').fill('leaving@demo.academy');
    await create.getByLabel('姓名').fill('即将离职 林');
    await create.getByLabel('初始密码（可不填）').fill('a password long enough');
    await create.getByLabel('再次输入密码').fill('a password long enough');
    await create.getByRole('button', { name: '创建账号' }).click();
    await expect(page.getByRole('status')).toContainText('已为 leaving@demo.academy 创建账号');

    const context = await browser.newContext({ locale: 'zh-CN' });
    const leaving = await context.newPage();
    await logIn(leaving, 'leaving@demo.academy', 'a password long enough');

    await page.goto('/zh/admin/?q=leaving');
    await page.getByRole('link', { name: '即将离职 林' }).click();
    await page.getByRole('button', { name: '停用账号' }).click();
    await expect(page.getByRole('status')).toContainText('已保存');
    await expect(page.getByRole('button', { name: '重新启用账号' })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('停用账号');

    await leaving.goto('/zh/');
    await expect(leaving).toHaveURL(/\/login/);
    await context.close();
  });

  test('sets role and level, moves a person to another team, and the audit log shows each change', async ({ page, browser }) => {
    await logIn(page, 'admin@demo.academy');
    await page.goto('/zh/admin/new/');
    const create = page.locator('form', { has: page.getByRole('button', { name: '创建账号' }) });
    await create.getByLabel('邮箱').fill('transfer@demo.academy');
    await create.getByLabel('姓名').fill('调岗 测试');
    await create.getByRole('button', { name: '创建账号' }).click();
    await expect(page.getByRole('status')).toContainText('已为 transfer@demo.academy 创建账号');

    await page.goto('/zh/admin/?q=transfer');
    await page.getByRole('link', { name: '调岗 测试' }).click();
    await page.getByLabel('角色').selectOption({ label: '培训师' });
    await page.getByRole('button', { name: '保存角色' }).click();
    await expect(page.getByRole('status')).toContainText('已保存');
    await page.getByLabel('职级').selectOption({ label: '中级销售' });
    await page.getByRole('button', { name: '保存职级' }).click();
    await expect(page.getByRole('status')).toContainText('已保存');
    await page.getByLabel('团队').selectOption({ label: '华北销售二组 North Region Team 2' });
    await page.getByRole('button', { name: '调整团队' }).click();
    await expect(page.getByRole('status')).toContainText('已保存');

    const history = page.getByRole('region', { name: '变更记录' });
    for (const action of ['更改角色', '更正职级', '调整团队']) {
      await expect(history.getByRole('row').filter({ hasText: action })).toContainText('系统管理员 Admin');
    }
    await page.goto('/zh/admin/audit/');
    await expect(page.getByRole('row').filter({ hasText: '调岗 测试' }).filter({ hasText: '调整团队' })).toHaveCount(1);

    // The manager of the new team now sees the person, at the new level.
    const north = await browser.newPage();
    await logIn(north, 'manager.north@demo.academy');
    await north.goto('/zh/team/');
    await expect(north.getByRole('region', { name: '团队 × 晋升条件' }).getByRole('row').filter({ hasText: '调岗 测试' })).toContainText('中级销售');
    await north.close();
  });

  test('is closed to everyone but admins', async ({ page }) => {
    await logIn(page, 'trainer@demo.academy');
    await expect(page.getByRole('link', { name: '用户管理' })).toHaveCount(0);
    const response = await page.goto('/zh/admin/');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '没有访问权限' })).toBeVisible();
  });
});

test.describe('content analytics', () => {
  test('shows a trainer totals per module, quiz and question, without names', async ({ page }) => {
    await logIn(page, 'trainer@demo.academy');
    await page.getByRole('link', { name: '内容分析' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '内容分析' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '单元：开始与完成' })).toBeVisible();
    const modules = page.getByRole('table').first();
    await expect(modules.getByRole('columnheader', { name: '完成率' })).toBeVisible();
    // Demo learners appear nowhere on the page.
    await expect(page.getByText('刘洋')).toHaveCount(0);
    await expect(page.getByText('liu.yang@demo.academy')).toHaveCount(0);
    // The demo has three submissions of the sales-cycle sequence (刘洋 twice, 陈杰 once): a histogram with its counts.
    const exercise = page.getByRole('article').filter({ hasText: '已提交 3 次' });
    await expect(exercise.getByRole('img', { name: /的得分分布.*：1 次/ })).toBeVisible();

    await page.getByRole('link', { name: '全流程总览' }).first().click();
    await expect(page.getByRole('heading', { name: '逐题分析' })).toBeVisible();
    await expect(page.getByRole('img', { name: /每道题的答对率/ })).toBeVisible();
    const questions = page.getByRole('table');
    await expect(questions.getByRole('columnheader', { name: '最常选的错误选项' })).toBeVisible();
    await expect(questions.getByRole('row')).not.toHaveCount(1);
    await expect(page.getByText('刘洋')).toHaveCount(0);
  });

  test('is closed to learners and managers', async ({ page }) => {
    await logIn(page, 'manager@demo.academy');
    expect((await page.goto('/zh/analytics/'))?.status()).toBe(403);
    expect((await page.goto('/zh/analytics/quizzes/lead-to-after-sales/'))?.status()).toBe(403);
  });
});
