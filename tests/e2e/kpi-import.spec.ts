import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { logIn } from './helpers';

// Periods long past, so the imported evidence never becomes anyone's latest KPI that other specs read.
const gb18030 = readFileSync(new URL('../fixtures/kpi-import/demo-team-gb18030.csv', import.meta.url));

test('a manager imports a GB18030 CSV in Chinese: preview, confirm, the KPI on the member’s page, and the same file again changes nothing', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto('/zh/team/');
  await page.getByRole('link', { name: '从文件导入业绩指标' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入业绩指标');
  await page.getByLabel(/CSV 或 XLSX 文件/).setInputFiles({ name: '业绩.csv', mimeType: 'text/csv', buffer: gb18030 });
  await page.getByRole('button', { name: '预览' }).click();

  const changes = page.getByTestId('kpi-changes');
  await expect(page.getByText('共 2 行：2 行新增，0 行修改，0 行没有变化，0 个问题。')).toBeVisible();
  await expect(changes.getByRole('row').filter({ hasText: '孙丽' })).toContainText(/客户满意度.*2019-05.*新增 → 88%/);
  await expect(changes.getByRole('row').filter({ hasText: '何涛' })).toContainText(/业绩增长率.*2019-Q4.*新增 → 1000%/);
  await page.getByRole('button', { name: '确认导入 2 行' }).click();
  await expect(page.getByRole('status')).toHaveText('已导入 2 行业绩指标，0 行没有变化。每一行都已记入审计日志。');

  await page.goto('/zh/team/');
  await page.getByRole('link', { name: '孙丽', exact: true }).click();
  const history = page.getByRole('region', { name: '业绩指标记录' });
  await expect(history.getByRole('row').filter({ hasText: '2019-05' })).toContainText(/客户满意度.*88%.*2019-05.*import: 业绩\.csv/);

  await page.goto('/zh/team/kpi-import/');
  await page.getByLabel(/CSV 或 XLSX 文件/).setInputFiles({ name: '业绩.csv', mimeType: 'text/csv', buffer: gb18030 });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('这个文件和已记录的数据完全一致，无需导入（无变化）。')).toBeVisible();
  await expect(page.getByTestId('kpi-changes').getByText('无变化')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
});

test('a manager imports an XLSX in English; a bad row blocks the whole file until fixed; a wrong file type is refused with a message', async ({ page }) => {
  // The manager's account opens in Chinese; the English pages are one link away.
  await logIn(page, 'manager@demo.academy');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('KPI');
  sheet.addRow(['Email', 'Metric', 'Value', 'Month']);
  sheet.addRow(['zhao.lei@demo.academy', 'Lead conversion rate', 0.215, new Date(Date.UTC(2018, 2, 15))]);
  sheet.getCell('C2').numFmt = '0.0%';
  sheet.addRow(['wu.hao@demo.academy', 'csat', 90, '2018-03']);
  const withBadRow = Buffer.from(await workbook.xlsx.writeBuffer());
  sheet.spliceRows(3, 1);
  const fixed = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto('/en/team/kpi-import/');
  const file = page.getByLabel(/CSV or XLSX file/);
  await file.setInputFiles({ name: 'crm.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: withBadRow });
  await page.getByRole('button', { name: 'Preview' }).click();
  // 吴昊 is on the other manager's team: for this manager he does not exist.
  await expect(page.getByTestId('kpi-problems').getByRole('row').filter({ hasText: 'Nobody in your teams is wu.hao@demo.academy.' })).toContainText('3');
  await expect(page.getByText('Fix these rows in the file and upload it again; nothing is written until then.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ rows/ })).toHaveCount(0);

  await file.setInputFiles({ name: 'crm.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('kpi-changes').getByRole('row').filter({ hasText: '赵磊' })).toContainText(/Lead conversion rate.*2018-03.*new → 21\.5%/);
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 KPI rows');
  await page.goto('/en/team/');
  await page.getByRole('link', { name: '赵磊', exact: true }).click();
  await expect(page.getByRole('region', { name: 'KPI evidence' }).getByRole('row').filter({ hasText: '2018-03' })).toContainText('21.5%');

  await page.goto('/en/team/kpi-import/');
  await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Preview' }).click()]);
  expect(response.status()).toBe(415);
  await expect(page.getByRole('alert')).toContainText('Upload a CSV (.csv) or an Excel workbook (.xlsx)');

  // A file far over the limit is refused before it is read, with what to do instead.
  await file.setInputFiles({ name: 'everything.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') });
  const [tooLarge] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Preview' }).click()]);
  expect(tooLarge.status()).toBe(413);
  await expect(page.getByRole('alert')).toHaveText('The file is larger than 5 MB. Split it into smaller files.');
});

test('a learner cannot open the KPI import', async ({ page }) => {
  await logIn(page, 'chen.jie@demo.academy');
  const response = await page.goto('/zh/team/kpi-import/');
  expect(response?.status()).toBe(403);
});
