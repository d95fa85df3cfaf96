/**
 * Reminders as people meet them: the inbox (zh and en) with the demo's assignment reminders the
 * server's scheduler recorded on start, the settings on My account, and the unsubscribe link that
 * works without logging in. The mail and robot side is tested against real servers in
 * tests/integration/reminders.test.ts.
 */
import { expect, test, type Page } from './fixtures';
import { join } from 'node:path';
import { DEMO_PASSWORD, logIn } from './helpers';
import { openDatabaseFile } from './server-instance';
import { signUnsubscribeToken } from '../../src/lib/reminders/server/unsubscribe-token';

async function logInInEnglish(page: Page, email: string) {
  await page.goto('/login?lang=en');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
}

/** The scheduler plans on the server's first request; a page opened before it finished catches up on reload. */
async function openInbox(page: Page, path: string, text: RegExp) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.locator('.inbox li').filter({ hasText: text })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

async function sql(query: string, args: (string | number)[] = []) {
  const db = openDatabaseFile(`file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}`);
  try {
    return (await db.execute({ sql: query, args })).rows;
  } finally {
    db.close();
  }
}

test('a learner finds the due-soon reminder in the Chinese inbox, reached from the nav and My learning, and marks it read', async ({ page }) => {
  await logIn(page, 'sun.li@demo.academy');
  await expect(async () => {
    await page.goto('/zh/');
    await expect(page.getByRole('link', { name: /你有 \d+ 条未读提醒/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole('navigation').getByRole('link', { name: '提醒' }).click();
  await expect(page).toHaveURL(/\/zh\/inbox\/$/);
  const reminder = page.locator('.inbox li').filter({ hasText: /将于 \d{4}\/\d{1,2}\/\d{1,2} 到期/ });
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText('未读');
  // 孙丽 also has review cards waiting (another reminder): marking this one read leaves the others unread.
  const unreadBefore = Number(/\d+/.exec((await page.locator('[data-unread]').textContent()) ?? '')?.[0]);
  expect(unreadBefore).toBeGreaterThan(0);
  await reminder.getByRole('button', { name: /标为已读/ }).click();
  await expect(page.getByRole('status')).toHaveText('已标为已读。');
  await expect(page.locator('.inbox li').filter({ hasText: /将于 .* 到期/ })).toContainText('已读');
  await expect(page.locator('[data-unread]')).toHaveText(`${unreadBefore - 1} 条未读`);
});

test('an English learner’s inbox shows her overdue assignment in English, and her reminder settings are kept', async ({ page }) => {
  await logInInEnglish(page, 'emma.wu@demo.academy');
  await openInbox(page, '/en/inbox/', /is overdue \(due \d{1,2}\/\d{1,2}\/\d{4}\)/);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Inbox' })).toBeVisible();

  await page.goto('/en/account/');
  const settings = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Reminders' }) });
  // Learners get no managers' digest setting and no group robot.
  await expect(settings.getByLabel('Weekly team digest (managers)')).toHaveCount(0);
  await expect(settings.getByLabel(/Group robot webhook/)).toHaveCount(0);
  await settings.getByLabel('Assignment overdue').uncheck();
  await settings.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Reminder settings saved.');
  await expect(settings.getByLabel('Assignment overdue')).not.toBeChecked();
  await expect(settings.getByLabel('Assignment due soon')).toBeChecked();
});

test('a manager’s robot URL pointing elsewhere is refused with a clear message, in Chinese', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto('/zh/account/');
  const settings = page.locator('form').filter({ has: page.getByRole('heading', { name: '提醒方式' }) });
  await settings.getByLabel(/群机器人 Webhook 地址/).fill('http://10.0.0.1/hook');
  await settings.getByRole('button', { name: '保存提醒方式' }).click();
  await expect(page.getByRole('alert')).toContainText('只能填写企业微信、钉钉或飞书机器人的地址');
});

test('an unsubscribe link works without logging in; a forged one changes nothing and says so', async ({ page }) => {
  await page.goto('/unsubscribe/WyJ4IiwiYXNzaWdubWVudC1kdWUiXQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=zh');
  await expect(page.getByRole('alert')).toHaveText('这个退订链接无效或已损坏，没有做任何更改。');
  const forged = await page.request.get('/unsubscribe/nonsense', { maxRedirects: 0 });
  expect(forged.status()).toBe(400);

  // The key is made on first use (the visit above at the latest); a link as a mail carries it.
  const [secret] = await sql("SELECT value FROM app_secrets WHERE name = 'unsubscribe'");
  const [person] = await sql("SELECT id FROM users WHERE email = 'chen.jie@demo.academy'");
  const token = signUnsubscribeToken(new Uint8Array(Buffer.from(String(secret!.value), 'base64url')), { userId: String(person!.id), kind: 'assignment-due' });
  await page.goto(`/unsubscribe/${token}`);
  // A visit alone (as a mail scanner makes) changes nothing.
  await expect(page.getByText('确认不再接收“任务即将到期”的邮件和群消息吗？')).toBeVisible();
  expect((await sql('SELECT muted_kinds FROM reminder_preferences WHERE user_id = ?', [String(person!.id)])).length).toBe(0);
  await page.getByRole('button', { name: '确认退订' }).click();
  await expect(page.getByRole('status')).toContainText('已退订');

  await logIn(page, 'chen.jie@demo.academy');
  await page.goto('/zh/account/');
  await expect(page.getByLabel('任务即将到期')).not.toBeChecked();
  await expect(page.getByLabel('任务已逾期')).toBeChecked();
});

test('a mail client’s one-click unsubscribe (RFC 8058) works without an Origin or with its own; other pages still refuse cross-site posts', async ({ page }) => {
  await page.goto('/unsubscribe/nonsense');
  const [secret] = await sql("SELECT value FROM app_secrets WHERE name = 'unsubscribe'");
  const key = new Uint8Array(Buffer.from(String(secret!.value), 'base64url'));
  const [person] = await sql("SELECT id FROM users WHERE email = 'emma.wu@demo.academy'");
  const userId = String(person!.id);
  const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
  const muted = async () => String((await sql('SELECT muted_kinds FROM reminder_preferences WHERE user_id = ?', [userId]))[0]?.muted_kinds ?? '');

  // As a mail provider posts it: no Origin at all.
  const due = await page.request.post(`/unsubscribe/${signUnsubscribeToken(key, { userId, kind: 'assignment-due' })}`, { headers: oneClick, data: 'List-Unsubscribe=One-Click', maxRedirects: 0 });
  expect(due.status()).toBe(200);
  expect(await muted()).toContain('assignment-due');
  // From a webmail page: a foreign Origin and Sec-Fetch-Site.
  const overdue = await page.request.post(`/unsubscribe/${signUnsubscribeToken(key, { userId, kind: 'assignment-overdue' })}`, {
    headers: { ...oneClick, origin: 'https://mail.example', 'sec-fetch-site': 'cross-site' },
    data: 'List-Unsubscribe=One-Click',
    maxRedirects: 0,
  });
  expect(overdue.status()).toBe(200);
  expect(await muted()).toContain('assignment-overdue');
  // A forged token posted the same way changes nothing.
  expect((await page.request.post('/unsubscribe/nonsense', { headers: oneClick, data: 'List-Unsubscribe=One-Click', maxRedirects: 0 })).status()).toBe(400);
  // Everywhere else a cross-site form post, or one with no Origin, is still refused.
  expect((await page.request.post('/login', { headers: { ...oneClick, origin: 'https://mail.example' }, data: 'email=x&password=y', maxRedirects: 0 })).status()).toBe(403);
  expect((await page.request.post('/login', { headers: oneClick, data: 'email=x&password=y', maxRedirects: 0 })).status()).toBe(403);
});
