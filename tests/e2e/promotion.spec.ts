import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from './fixtures';
import { DEMO_PASSWORD, logIn } from './helpers';

/** The dashboard row of one person, found by the link on their name. */
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const matrix = (page: Page) => page.getByRole('region', { name: '团队 × 晋升条件' });
const criterion = (page: Page, heading: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

/** Logs in someone whose account is set to English (the shared helper expects the Chinese greeting). */
async function logInInEnglish(page: Page, email: string) {
  await page.goto('/login?lang=en');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
}

/** This month as a KPI period ("2026-11"): later than any quarter the demo seed recorded. */
function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

test('a manager finds who is ready, sees why the others are not, records evidence, signs off and promotes', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  await page.getByRole('link', { name: '我的团队' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('团队看板');

  // Who is ready, and why the others are not.
  await expect(row(page, '刘洋')).toContainText('可晋升');
  await expect(row(page, '陈杰')).toContainText('尚未达标');
  await row(page, '陈杰').getByText(/等另外 \d+ 项/).click();
  await expect(row(page, '陈杰').getByText(/在当前职级任职满 6 个月（已任职 \d 个月/)).toBeVisible();
  await expect(row(page, 'Emma Wu 吴艾玛')).toContainText(/销售目标达成率不低于 100%（最近一期 96%/);
  await expect(row(page, 'Emma Wu 吴艾玛')).toContainText('已逾期 1');
  await expect(row(page, '赵磊')).toContainText(/线索转化率不低于 20%（最近一期 18%/);

  // The heatmap: 刘洋 has finished every module, 周敏 none yet, 陈杰 some.
  const heatmap = page.getByRole('region', { name: '单元完成热力图' });
  await expect(heatmap.getByRole('row').filter({ hasText: '刘洋' })).toContainText('✓');
  await expect(heatmap.getByRole('row').filter({ hasText: '刘洋' })).not.toContainText('–');
  // 周敏 starts with nothing done; the learner-journey spec may complete one module for her meanwhile.
  const zhouRow = (await heatmap.getByRole('row').filter({ hasText: '周敏' }).textContent()) ?? '';
  expect((zhouRow.match(/✓/g) ?? []).length).toBeLessThanOrEqual(1);
  expect(zhouRow).toContain('–');
  await expect(heatmap.getByRole('row').filter({ hasText: '陈杰' })).toContainText(/✓[\s\S]*–/);

  // Filtering works without JavaScript: a GET form.
  await page.getByLabel('显示').selectOption({ label: '可晋升' });
  await page.getByRole('button', { name: '应用' }).click();
  await expect(page).toHaveURL(/show=ready/);
  await expect(matrix(page).getByRole('row')).toHaveCount(2);
  await expect(row(page, '刘洋')).toBeVisible();
  await page.getByRole('link', { name: '清除筛选' }).click();
  await expect(row(page, '陈杰')).toBeVisible();

  // Sorting by name puts 陈杰 (chén) before 刘洋 (liú) in pinyin order.
  await matrix(page).getByRole('link', { name: '姓名', exact: true }).click();
  await expect(matrix(page).getByRole('columnheader', { name: '姓名' })).toHaveAttribute('aria-sort', 'ascending');
  const names = await matrix(page).getByRole('rowheader').allInnerTexts();
  expect(names.indexOf('陈杰')).toBeLessThan(names.indexOf('刘洋'));

  // Emma: record this month's target attainment, then sign off.
  await row(page, 'Emma Wu 吴艾玛').getByRole('link', { name: 'Emma Wu 吴艾玛' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emma Wu 吴艾玛');
  const target = criterion(page, '销售目标达成率不低于 100%');
  await expect(target).toContainText('进行中');
  // Why else she is not ready: a practice exercise under its bar, another not tried, and every attempt listed.
  const exerciseCriteria = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^练习《.+》得分不低于 \d+%$/ }) });
  await expect(exerciseCriteria).toHaveCount(2);
  await expect(exerciseCriteria.filter({ hasText: '最佳 62.5%' })).toContainText('进行中');
  await expect(exerciseCriteria.filter({ hasText: '尚无成绩' })).toContainText('未开始');
  await expect(page.getByRole('region', { name: '练习记录' }).getByRole('row').filter({ hasText: '62.5%' })).toContainText('已提交');
  const kpiForm = page.getByRole('form', { name: '记录业绩指标' });
  await kpiForm.getByLabel('指标').selectOption({ label: '销售目标达成率' });
  // Typed as a Chinese keyboard gives it: full-width digits and a percent sign.
  await kpiForm.getByLabel('数值（%）').fill('１０４％');
  await kpiForm.getByLabel('期间').fill(thisMonth());
  await kpiForm.getByLabel('来源说明').fill('CRM 月度报表');
  await kpiForm.getByRole('button', { name: '记录', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('已记录业绩指标。');
  await expect(target).toContainText('已达成');
  await expect(target).toContainText(`最近一期 104%（${thisMonth()}）`);

  const signOff = page.getByRole('region', { name: '经理签字确认' });
  await signOff.getByLabel('评语').fill('本月业绩达标，继续保持。');
  await signOff.getByRole('button', { name: '签字确认' }).click();
  await expect(page.getByRole('status')).toHaveText('已签字确认。');
  await expect(criterion(page, '经理签字确认')).toContainText('已达成');
  // Courses are still missing, so there is no promotion button for her yet.
  await expect(page.getByRole('button', { name: /晋升为/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '变更记录' })).toContainText('记录业绩指标');
  await expect(page.getByRole('region', { name: '变更记录' })).toContainText('经理签字确认');

  // 刘洋 is ready: promote.
  await page.getByRole('link', { name: /返回团队看板/ }).click();
  await row(page, '刘洋').getByRole('link', { name: '刘洋' }).click();
  await page.getByRole('button', { name: '晋升为中级销售' }).click();
  await expect(page.getByRole('status')).toHaveText('已晋升。');
  await expect(page.getByRole('region', { name: '当前职级' })).toContainText('中级销售');
  await expect(page.getByRole('region', { name: '晋升记录' })).toContainText('初级销售 → 中级销售');
  await expect(page.getByRole('region', { name: '变更记录' })).toContainText('晋升');

  // Back on the dashboard she is now measured against 高级销售.
  await page.getByRole('link', { name: /返回团队看板/ }).click();
  await expect(row(page, '刘洋')).toContainText('下一级：高级销售');
  await expect(row(page, '刘洋')).toContainText('尚未达标');
});

test('the team matrix downloads as a CSV that Excel opens with Chinese intact, and as XLSX', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto('/zh/team/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^team-team-east-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const [header, ...lines] = text.trimEnd().split('\r\n');
  expect(header).toMatch(/^姓名,邮箱,团队,当前职级,下一职级,可晋升,达成比例,/);
  expect(lines.some((l) => l.startsWith('陈杰,chen.jie@demo.academy,华东销售一组 East Region Team 1,初级销售,中级销售,否,'))).toBe(true);

  // Criterion counts such as 1/2 reach Excel as text (="1/2"), not as 2 January.
  const chen = lines.find((l) => l.startsWith('陈杰,'))!;
  expect(chen).toMatch(/,"=""\d+\/\d+""",/);

  // The same matrix as an Excel workbook: typed cells, read back the way Excel would.
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel（XLSX）' }).click()]);
  expect(workbook.suggestedFilename()).toMatch(/^team-team-east-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await workbook.path())!) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('姓名');
  expect(sheet.getCell('A1').font?.bold).toBe(true);
  const chenRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '陈杰')!;
  expect(chenRow.getCell(2).value).toBe('chen.jie@demo.academy');
  const sheetHeader = sheet.getRow(1).values as unknown[];
  const firstKind = sheetHeader.findIndex((v) => typeof v === 'string' && v.endsWith('（达成/要求）'));
  expect(firstKind).toBeGreaterThan(0);
  const criterionCell = chenRow.getCell(firstKind);
  expect(criterionCell.type).toBe(ExcelJS.ValueType.String);
  expect(String(criterionCell.value)).toMatch(/^\d+\/\d+$/);
});

test('a manager assigns a course to the whole team and a learner sees it on their path', async ({ page, browser }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto('/zh/team/');
  const form = page.getByRole('form', { name: '分配学习任务' });
  await form.getByLabel('课程或单元').selectOption({ label: '整门课程：销售技能' });
  await form.getByLabel('分配给').selectOption({ label: '整个团队：华东销售一组 East Region Team 1' });
  const due = new Date(Date.now() + 21 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await form.getByLabel('截止日期').fill(due);
  await form.getByRole('button', { name: '分配' }).click();
  await expect(page.getByRole('status')).toHaveText(/^已分配给 \d+ 人。$/);

  const learner = await browser.newPage();
  await logIn(learner, 'zhou.min@demo.academy');
  await learner.getByRole('link', { name: '我的晋升路径' }).click();
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText('我的晋升路径');
  await expect(learner.getByRole('region', { name: '当前职级' })).toContainText('初级销售');
  await expect(learner.getByRole('region', { name: '下一职级' })).toContainText('中级销售');
  await expect(criterion(learner, '完成课程《新员工入职》')).toContainText('未开始');
  await expect(criterion(learner, '完成课程《新员工入职》').getByRole('link', { name: /继续学习/ })).toBeVisible();
  // An exercise criterion links to the lesson where it is practised.
  const exercise = learner.getByRole('listitem').filter({ has: learner.getByRole('heading', { name: /^练习《.+》得分不低于 \d+%$/ }) }).first();
  // Not passed yet: 周敏 has no score (the exercises spec may leave her an attempt in progress).
  await expect(exercise).toContainText(/未开始|进行中/);
  await expect(exercise).not.toContainText('已达成');
  await expect(exercise.getByRole('link', { name: /^完成练习：/ })).toHaveAttribute('href', /^\/zh\/courses\/[\w-]+\/[\w-]+\/$/);
  const assigned = learner.getByRole('region', { name: '分配给我的学习任务' });
  await expect(assigned.getByRole('row').filter({ hasText: '课程：销售技能' })).toContainText('进行中');
  await expect(assigned.getByRole('row').filter({ hasText: '课程：新员工入职' })).toBeVisible();
  await learner.close();

  // Emma sees her overdue assignment flagged.
  const emma = await browser.newPage();
  await logInInEnglish(emma, 'emma.wu@demo.academy');
  await emma.goto('/en/path/');
  await expect(emma.getByRole('alert')).toContainText('Overdue assignments: 1');
  await expect(emma.getByRole('region', { name: 'Assigned to me' }).getByRole('row').filter({ hasText: 'Career paths and promotion' })).toContainText('Overdue');
  await emma.close();
});

test('a manager cannot open someone outside their team, and a learner cannot open the team pages', async ({ page, browser }) => {
  await logIn(page, 'manager.north@demo.academy');
  await page.goto('/zh/team/');
  const outsider = await row(page, '吴昊').getByRole('link', { name: '吴昊' }).getAttribute('href');
  expect(outsider).toMatch(/^\/zh\/team\/[\w-]+$/);
  await expect(row(page, '刘洋')).toHaveCount(0);

  const east = await browser.newPage();
  await logIn(east, 'manager@demo.academy');
  expect((await east.goto(outsider!))?.status()).toBe(404);
  expect((await east.goto('/zh/team/export.csv?team=team-north'))?.status()).toBe(404);
  expect((await east.goto('/zh/team/?team=team-north'))?.status()).toBe(404);
  await east.close();

  const learner = await browser.newPage();
  await logIn(learner, 'chen.jie@demo.academy');
  await expect(learner.getByRole('link', { name: '我的团队' })).toHaveCount(0);
  expect((await learner.goto('/zh/team/'))?.status()).toBe(403);
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText('没有访问权限');
  expect((await learner.goto(outsider!))?.status()).toBe(403);
  await learner.close();
});

test('team actions answer bad input with a 4xx, a learner with 403 and someone outside the team with 404', async ({ page, browser }) => {
  await logIn(page, 'manager@demo.academy');
  await page.goto('/zh/team/');
  const emmaId = (await row(page, 'Emma Wu 吴艾玛').getByRole('link', { name: 'Emma Wu 吴艾玛' }).getAttribute('href'))!.split('/').pop()!;
  const origin = process.env.E2E_BASE_URL!;
  const send = (p: Page, action: string, form: Record<string, string>) => p.request.post(`/_actions/team.${action}`, { form, headers: { origin } });
  const kpi = { userId: emmaId, metric: 'growth-rate', valuePercent: '12', period: '2026-Q3', note: '' };

  for (const form of [
    { ...kpi, period: 'last quarter' },
    { ...kpi, valuePercent: 'lots' },
    { ...kpi, valuePercent: '5000' },
    { ...kpi, metric: 'salary' },
    { ...kpi, note: 'x'.repeat(501) },
  ]) {
    const response = await send(page, 'recordKpi', form);
    expect(response.status(), JSON.stringify(form).slice(0, 80)).toBe(400);
  }
  const assignment = { target: 'course:sales-skills', dueDate: '2099-01-01', assignee: emmaId };
  expect((await send(page, 'assign', { ...assignment, dueDate: '2020-01-01' })).status()).toBe(400);
  expect((await send(page, 'assign', { ...assignment, target: 'course:no-such-course' })).status()).toBe(400);
  expect((await send(page, 'assign', { ...assignment, target: "course:x'; DROP TABLE users; --" })).status()).toBe(400);
  expect((await send(page, 'assign', { ...assignment, assignee: 'team:team-north' })).status()).toBe(404);
  expect((await send(page, 'recordKpi', { ...kpi, userId: 'no-such-person' })).status()).toBe(404);
  expect((await send(page, 'promote', { userId: emmaId, fromLevelId: 'junior', toLevelId: 'mid' })).status()).toBe(412);
  expect((await send(page, 'promote', { userId: emmaId, fromLevelId: 'junior', toLevelId: 'manager' })).status()).toBe(400);

  const learner = await browser.newPage();
  await logIn(learner, 'chen.jie@demo.academy');
  expect((await send(learner, 'recordKpi', kpi)).status()).toBe(403);
  expect((await send(learner, 'signOff', { userId: emmaId, note: '' })).status()).toBe(403);
  await learner.close();
});
