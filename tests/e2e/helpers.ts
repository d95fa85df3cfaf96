import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'xueyuan-demo-2026';

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login?lang=zh');
  await page.getByLabel('工作邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('你好');
}
