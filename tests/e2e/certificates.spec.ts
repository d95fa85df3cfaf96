import { expect, test } from './fixtures';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { logIn } from './helpers';

test.describe('certificates', () => {
  test('a learner who finished a course prints it, anyone verifies it, the credential checks out, an admin revokes it', async ({ page, browser, baseURL }) => {
    await logIn(page, 'liu.yang@demo.academy');
    await page.goto('/zh/certificates/');
    await expect(page.getByRole('heading', { level: 1, name: '我的证书' })).toBeVisible();
    const card = page.locator('.certificate-list li').filter({ hasText: '销售业务流程' });
    await expect(card).toContainText('课程结业证书');

    await card.getByRole('link', { name: '查看与打印' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '刘洋' })).toBeVisible();
    await expect(page.getByText('已完成课程')).toBeVisible();
    await expect(page.getByText('has completed the course')).toBeVisible();
    // The browser's "save as PDF" gives the certificate alone on one A4 page.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const verifyHref = await page.locator('.certificate-sheet a').getAttribute('href');
    const id = verifyHref!.split('/verify/')[1]!;

    const credentialResponse = await page.request.get(`/certificates/${id}/credential.jwt`);
    expect(credentialResponse.status()).toBe(200);
    expect(credentialResponse.headers()['content-disposition']).toContain('attachment');
    const jwt = await credentialResponse.text();

    const visitor = await browser.newContext();
    const anonymous = await visitor.newPage();
    await anonymous.goto(`/verify/${id}`);
    await expect(anonymous.getByRole('status')).toHaveText('有效 · Valid');
    await expect(anonymous.getByText('刘洋')).toBeVisible();
    const jwks = await (await anonymous.request.get('/.well-known/jwks.json')).json();
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: `${baseURL}/issuer.json` });
    expect(payload.jti).toBe(`${baseURL}/verify/${id}`);
    expect((await anonymous.request.get(`/certificates/${id}/credential.jwt`, { maxRedirects: 0 })).status()).toBe(302);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await logIn(admin, 'admin@demo.academy');
    await admin.goto('/zh/admin/certificates/');
    const row = admin.getByRole('row').filter({ has: admin.locator(`a[href="/verify/${id}?lang=zh"]`) });
    await row.getByLabel('撤销原因').fill('发证有误，重新考核后再发');
    await row.getByRole('button', { name: '撤销' }).click();
    await expect(admin.getByText('证书已撤销。')).toBeVisible();

    await anonymous.reload();
    await expect(anonymous.getByRole('status')).toHaveText('已撤销 · Revoked');
    expect((await page.request.get(`/certificates/${id}/credential.jwt`)).status()).toBe(410);
    await expect(anonymous.getByText('发证有误，重新考核后再发')).toBeVisible();
    await visitor.close();
    await adminContext.close();
  });

  test('someone else’s certificate page and credential are not found; a made-up id is not found', async ({ page, browser }) => {
    await logIn(page, 'liu.yang@demo.academy');
    await page.goto('/en/certificates/');
    const href = await page.getByRole('link', { name: 'View and print' }).first().getAttribute('href');
    const id = href!.split('/').filter(Boolean).pop()!;

    const other = await browser.newContext();
    const zhou = await other.newPage();
    await logIn(zhou, 'zhou.min@demo.academy');
    expect((await zhou.goto(`/en/certificates/${id}/`))!.status()).toBe(404);
    expect((await zhou.request.get(`/certificates/${id}/credential.jwt`)).status()).toBe(404);
    expect((await zhou.goto('/verify/not-a-real-certificate-id'))!.status()).toBe(404);
    await expect(zhou.getByText('No certificate has this number')).toBeVisible();
    await other.close();
  });
});
