import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { logIn } from './helpers';
import { addOwnLearner } from './own-people';
import { openDatabaseFile } from './server-instance';

const database = () => openDatabaseFile(`file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}`);

for (const lang of ['zh', 'en'] as const) {
  test(`a learner reads and downloads everything held about them, answers included (${lang})`, async ({ page }) => {
    // 陈杰 is a third through the curriculum: quiz attempts with answers to find in the file.
    await logIn(page, 'chen.jie@demo.academy');
    await page.goto(`/${lang}/account/`);
    await page.getByRole('link', { name: lang === 'zh' ? '查看和下载平台保存的我的全部数据' : 'See and download everything the platform holds about me' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'zh' ? '我的数据' : 'My data');
    await expect(page.getByRole('region', { name: lang === 'zh' ? '个人资料' : 'Profile' })).toContainText('chen.jie@demo.academy');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: lang === 'zh' ? '下载我的数据（JSON）' : 'Download my data (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.profile).toMatchObject({ email: 'chen.jie@demo.academy', name: '陈杰' });
    expect(data.profile).not.toHaveProperty('passwordHash');
    expect(data.quizAttempts.length).toBeGreaterThan(0);
    // The answers as stored are in the file.
    const db = database();
    try {
      const stored = await db.execute({ sql: "SELECT answers FROM quiz_attempts WHERE user_id = (SELECT id FROM users WHERE email = 'chen.jie@demo.academy') LIMIT 1", args: [] });
      expect(JSON.stringify(data.quizAttempts.map((a: { answers: unknown }) => a.answers))).toContain(JSON.stringify(JSON.parse(String(stored.rows[0]!.answers))));
    } finally {
      db.close();
    }
    const table = page.getByRole('region', { name: lang === 'zh' ? '测验作答' : 'Quiz attempts' });
    await expect(table.getByRole('row')).toHaveCount(data.quizAttempts.length + 1);
  });
}

test('an admin erases a departed person after confirming, and the team page shows the placeholder', async ({ browser }) => {
  const email = await addOwnLearner('departing-learner', '离职的钱七');
  const db = database();
  const id = 'departing-learner';
  try {
    await db.execute({ sql: "INSERT OR IGNORE INTO team_members (user_id, team_id) VALUES (?, 'team-east')", args: [id] });
  } finally {
    db.close();
  }
  expect(email).toBe('departing-learner@demo.academy');

  const admin = await browser.newPage();
  await logIn(admin, 'admin@demo.academy');
  await admin.goto(`/zh/admin/users/${id}/`);
  // Only a deactivated account can be erased.
  await expect(admin.getByRole('link', { name: '删除个人数据…' })).toHaveCount(0);
  await admin.getByRole('button', { name: '停用账号' }).click();
  await admin.getByRole('link', { name: '删除个人数据…' }).click();
  await expect(admin.getByText('确定要删除 离职的钱七 的个人数据吗？')).toBeVisible();
  await admin.getByRole('checkbox', { name: '我确认要永久删除此人的个人数据' }).check();
  await admin.getByRole('button', { name: '永久删除个人数据' }).click();
  await expect(admin.getByRole('status')).toContainText('个人数据已删除');
  await expect(admin.getByRole('heading', { level: 2 }).first()).toHaveText(/^已删除的人员 #[0-9a-f]{4} \/ Erased person #[0-9a-f]{4}$/);
  const history = admin.getByRole('region', { name: '变更记录' });
  await expect(history).toContainText('删除个人数据');
  await expect(history).not.toContainText('离职的钱七');
  await expect(history).not.toContainText('departing-learner@demo.academy');
  await admin.close();

  const manager = await browser.newPage();
  await logIn(manager, 'manager@demo.academy');
  await manager.goto('/zh/team/');
  const former = manager.getByRole('region', { name: '已离开的成员' });
  await expect(former.getByRole('link', { name: /^已删除的人员 #[0-9a-f]{4}/ })).toBeVisible();
  await expect(manager.locator('body')).not.toContainText('离职的钱七');
  await manager.close();
});
