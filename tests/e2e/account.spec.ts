/**
 * A person's own account and the way back from a forgotten password. Each test makes its own
 * people (through the admin pages), so changing their passwords and sessions touches no demo
 * account another spec signs in with.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { logIn } from './helpers';
import { sessionCookie } from './server-instance';

const TEAM = '华东销售一组 East Region Team 1';
// Each test signs in several people and sets passwords (argon2 by design is slow): more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

/** The admin creates an account with a password, as on the admin page. */
async function createPerson(page: Page, { email, name, password, english = false }: { email: string; name: string; password: string; english?: boolean }) {
  await page.goto('/zh/admin/new/');
  const create = page.locator('form', { has: page.getByRole('button', { name: '创建账号' }) });
  await create.getByLabel('邮箱').fill(email);
  await create.getByLabel('姓名').fill(name);
  await create.getByLabel('团队').selectOption({ label: TEAM });
  if (english) await create.getByLabel('界面语言').selectOption('en');
  await create.getByLabel('初始密码（可不填）').fill(password);
  await create.getByLabel('再次输入密码').fill(password);
  await create.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByRole('status')).toContainText(`已为 ${email} 创建账号`);
}

async function logInEnglish(page: Page, email: string, password: string) {
  await page.goto('/login?lang=en');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function newPage(browser: Browser, locale: 'zh-CN' | 'en') {
  const context = await browser.newContext({ locale });
  return { page: await context.newPage(), close: () => context.close() };
}

test('a learner changes their password, which signs out their other device, and logs in with the new one', async ({ page, browser }) => {
  const email = 'gai.mima@demo.academy';
  const oldPassword = '旧密码也要足够长才行得通的';
  const newPassword = '新的密码是一句更长更好记的话';
  await logIn(page, 'admin@demo.academy');
  await createPerson(page, { email, name: '改密码 张', password: oldPassword });

  const learner = await newPage(browser, 'zh-CN');
  const phone = await newPage(browser, 'zh-CN');
  await logIn(learner.page, email, oldPassword);
  await logIn(phone.page, email, oldPassword);

  await learner.page.getByRole('link', { name: '我的账号' }).click();
  await expect(learner.page.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();
  const details = learner.page.getByRole('region', { name: '个人信息' });
  for (const text of ['改密码 张', email, '学员', '初级销售', TEAM]) await expect(details).toContainText(text);
  await expect(learner.page.getByText('你还在另外 1 个设备或浏览器上登录着')).toBeVisible();

  const form = learner.page.getByRole('form', { name: '修改密码' });
  await form.getByLabel('当前密码').fill('这不是我的密码');
  await form.getByLabel('新密码', { exact: true }).fill(newPassword);
  await form.getByLabel('再次输入新密码').fill(newPassword);
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(learner.page.getByRole('alert')).toContainText('当前密码不正确');

  // The policy's message, in the person's language (the browser's own length check set aside).
  await form.evaluate((f) => f.setAttribute('novalidate', ''));
  await form.getByLabel('当前密码').fill(oldPassword);
  await form.getByLabel('新密码', { exact: true }).fill('太短');
  await form.getByLabel('再次输入新密码').fill('太短');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(learner.page.getByRole('alert')).toContainText('密码至少需要 12 个字符');

  await form.getByLabel('当前密码').fill(oldPassword);
  await form.getByLabel('新密码', { exact: true }).fill(newPassword);
  await form.getByLabel('再次输入新密码').fill(newPassword);
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(learner.page.getByRole('status')).toContainText('密码已修改');
  await expect(learner.page.getByText('除了这里，你没有在其他设备或浏览器上登录')).toBeVisible();

  // The other device is out; this one stays in.
  await phone.page.goto('/zh/');
  await expect(phone.page).toHaveURL(/\/login/);
  await learner.page.goto('/zh/account/');
  await expect(learner.page.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();

  // The old password is dead, the new one works.
  await phone.page.goto('/login?lang=zh');
  await phone.page.getByLabel('工作邮箱').fill(email);
  await phone.page.getByLabel('密码').fill(oldPassword);
  await phone.page.getByRole('button', { name: '登录' }).click();
  await expect(phone.page.getByRole('alert')).toContainText('邮箱或密码不正确');
  await logIn(phone.page, email, newPassword);
  await learner.close();
  await phone.close();
});

test('an admin issues a reset link; the person sets a new password with it, the old one fails, and the link works once', async ({ page, browser }) => {
  const email = 'forgot.password@demo.academy';
  const oldPassword = 'a password I will forget';
  const newPassword = 'a fresh password I will keep';
  await logIn(page, 'admin@demo.academy');
  await createPerson(page, { email, name: 'Forgetful Fu', password: oldPassword, english: true });

  const stillSignedIn = await newPage(browser, 'en');
  await logInEnglish(stillSignedIn.page, email, oldPassword);
  await expect(stillSignedIn.page.getByRole('heading', { level: 1 })).toContainText('Hello, Forgetful Fu');

  await page.goto(`/en/admin/?q=${encodeURIComponent(email)}`);
  await page.getByRole('link', { name: 'Forgetful Fu' }).click();
  await page.getByRole('button', { name: 'Create password reset link' }).click();
  const firstLink = await page.getByRole('textbox', { name: 'Password reset link' }).inputValue();
  expect(firstLink).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  // A newer link voids the older one.
  await page.getByRole('button', { name: 'Create password reset link' }).click();
  const link = await page.getByRole('textbox', { name: 'Password reset link' }).inputValue();
  expect(link).not.toBe(firstLink);

  const person = await newPage(browser, 'zh-CN');
  await person.page.goto(firstLink);
  // The person prefers English: the page speaks it even to a Chinese browser.
  await expect(person.page.getByRole('alert')).toContainText('expired or was replaced by a newer one');
  await person.page.goto(link);
  await expect(person.page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(person.page.getByText(email)).toBeVisible();
  await person.page.getByLabel('New password', { exact: true }).fill(newPassword);
  await person.page.getByLabel('Repeat the new password').fill(newPassword);
  await person.page.getByRole('button', { name: 'Set new password' }).click();
  await expect(person.page.getByRole('status')).toContainText('Your new password is set');

  // Using the link ended every session the person had.
  await stillSignedIn.page.goto('/en/');
  await expect(stillSignedIn.page).toHaveURL(/\/login/);

  await logInEnglish(person.page, email, oldPassword);
  await expect(person.page.getByRole('alert')).toContainText('Email or password is incorrect');
  await logInEnglish(person.page, email, newPassword);
  await expect(person.page).toHaveURL(/\/en\/$/);
  await expect(person.page.getByRole('heading', { level: 1 })).toContainText('Hello, Forgetful Fu');

  await person.page.goto(link);
  await expect(person.page.getByRole('alert')).toContainText('already been used');

  // Not reload(): that would post the form again and make a third link.
  const personPage = new URL(page.url());
  await page.goto(personPage.pathname);
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByRole('row').filter({ hasText: 'Password reset link created' })).toHaveCount(2);
  await expect(history.getByRole('row').filter({ hasText: 'New password set with a reset link' })).toHaveCount(1);
  await person.close();
  await stillSignedIn.close();
});

test('a chosen language sticks: the account page, the next login and signing out other devices follow it', async ({ page, browser }) => {
  const email = 'yuyan.pianhao@demo.academy';
  const password = '我想用英文界面学习销售课程';
  await logIn(page, 'admin@demo.academy');
  await createPerson(page, { email, name: '语言 偏好', password });

  const learner = await newPage(browser, 'zh-CN');
  const laptop = await newPage(browser, 'zh-CN');
  await logIn(learner.page, email, password);
  await logIn(laptop.page, email, password);
  await learner.page.getByRole('link', { name: '我的账号' }).click();
  await learner.page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await learner.page.getByRole('button', { name: '保存语言' }).click();
  await expect(learner.page).toHaveURL(/\/en\/account\/\?done=locale$/);
  await expect(learner.page.getByRole('status')).toContainText('Language preference saved.');
  await expect(learner.page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  await learner.page.getByRole('button', { name: 'Sign out other devices' }).click();
  await expect(learner.page.getByRole('status')).toContainText('Signed out 1 other device or browser.');
  await laptop.page.goto('/zh/');
  await expect(laptop.page).toHaveURL(/\/login/);

  // Logging out and in again, from a Chinese browser, lands in English.
  await learner.page.getByRole('button', { name: 'Log out' }).click();
  await expect(learner.page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await learner.page.goto('/login');
  await learner.page.getByLabel('工作邮箱').fill(email);
  await learner.page.getByLabel('密码').fill(password);
  await learner.page.getByRole('button', { name: '登录' }).click();
  await expect(learner.page).toHaveURL(/\/en\/$/);
  await expect(learner.page.getByRole('link', { name: 'My account' })).toBeVisible();
  await learner.page.goto('/');
  await expect(learner.page).toHaveURL(/\/en\/$/);
  await learner.close();
  await laptop.close();
});

test('refuses to sign out anyone’s sessions without a session of one’s own', async ({ request, baseURL }) => {
  const response = await request.post('/_actions/account.signOutOthers', { form: {}, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(response.status()).toBe(401);
});

test('answers bad account input with 400, and a post from another site with 403', async ({ playwright, baseURL }) => {
  const cookie = await sessionCookie(baseURL!, 'sun.li@demo.academy');
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie, origin: baseURL! }, maxRedirects: 0 });
  expect((await api.post('/_actions/account.setLocale', { form: { locale: 'fr' } })).status()).toBe(400);
  expect((await api.post('/_actions/account.changePassword', { form: { newPassword: 'x' } })).status()).toBe(400);
  expect((await api.post('/_actions/account.changePassword', { form: { currentPassword: 'y'.repeat(5000), newPassword: 'x', newPasswordConfirm: 'x' } })).status()).toBe(400);
  const crossSite = await api.post('/_actions/account.setLocale', { form: { locale: 'en' }, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
  // Neither refused post changed the preference.
  const page = await api.get('/zh/account/');
  expect(page.status()).toBe(200);
  expect(await page.text()).toMatch(/<option value="zh" lang="zh-CN"[^>]* selected[ >]/);
  await api.dispose();
});
