/**
 * Coaching end to end, in Chinese and English: a manager records an observation against a rubric,
 * the learner sees it on their Coaching page, acknowledges it and replies; a submitted role-play is
 * replayed step by step and the manager's comment on a step reaches the learner; the path page
 * projects when the open criteria will be met. Bad input gets a clear 4xx and stores nothing.
 *
 * Cast (demo organisation, team 华东销售一组 led by 李强 manager@demo.academy): 陈杰 (zh) and Emma Wu
 * (en) are observed; 刘洋 plays the role-play (every module done, so nothing is locked for him);
 * 吴昊 is on the other team.
 */
import { expect, test, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parse as parseDevalue } from 'devalue';
import { DEMO_PASSWORD, logIn } from './helpers';

async function logInInEnglish(page: Page, email: string) {
  await page.goto('/login?lang=en');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
}

/** A team member's id, read off the manager's dashboard link. */
async function personId(page: Page, lang: 'zh' | 'en', name: string): Promise<string> {
  await page.goto(`/${lang}/team/?team=team-east`);
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
  return href!.split('/').pop()!;
}

const rubric = (id: string) => parseYaml(readFileSync(`content/rubrics/${id}.yaml`, 'utf8')) as { criteria: { id: string; levels: unknown[] }[] };
const json = (page: Page, name: string, body: unknown) =>
  page.request.post(`/_actions/${name}`, { data: JSON.stringify(body), headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin } });
const form = (page: Page, name: string, body: Record<string, string | string[]>) => {
  const data = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) data.append(k, x);
  return page.request.post(`/_actions/${name}`, {
    data: data.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
};

const cases = [
  {
    lang: 'zh' as const,
    learner: { email: 'chen.jie@demo.academy', name: '陈杰' },
    rubricId: 'customer-visit',
    rubricName: '客户拜访',
    kind: '随访拜访',
    note: '开场自然，但没有问清决策人。',
    reply: '收到，下次拜访前我先列出要问的问题。',
    ui: { open: '记录观察', save: '保存观察', done: '观察已记录', coaching: '辅导', ack: '我已阅读，确认', acked: '已于', replyLabel: '你的回复', send: '发送回复', sent: '回复已发送。', unacked: '未确认' },
  },
  {
    lang: 'en' as const,
    learner: { email: 'emma.wu@demo.academy', name: 'Emma Wu 吴艾玛' },
    rubricId: 'phone-call',
    rubricName: 'Phone call',
    kind: 'Call review',
    note: 'Clear opening; did not confirm a time for the follow-up.',
    reply: 'Thanks — I will repeat the time back before hanging up.',
    ui: { open: 'Record an observation', save: 'Save observation', done: 'Observation recorded', coaching: 'Coaching', ack: 'I have read it', acked: 'Acknowledged on', replyLabel: 'Your reply', send: 'Send reply', sent: 'Reply sent.', unacked: 'Not acknowledged' },
  },
];

for (const c of cases) {
  test(`${c.lang}: a manager records an observation; the learner sees it, acknowledges it and replies`, async ({ page, browser }) => {
    await logIn(page, 'manager@demo.academy');
    const id = await personId(page, c.lang, c.learner.name);
    await page.goto(`/${c.lang}/team/${id}`);
    await page.getByRole('link', { name: `${c.ui.coaching} →` }).click();
    await page.getByLabel(c.lang === 'zh' ? '评分表' : 'Rubric').selectOption({ label: c.rubricName });
    await page.getByRole('button', { name: c.ui.open }).click();
    const criteria = rubric(c.rubricId).criteria;
    await page.getByLabel(c.lang === 'zh' ? '观察方式' : 'Observed in').selectOption({ label: c.kind });
    for (const [i, criterion] of criteria.entries()) {
      await page.locator(`#level-${criterion.id}`).selectOption(String((i % criterion.levels.length) + 1));
    }
    await page.locator(`#note-${criteria[0]!.id}`).fill(c.note);
    await page.getByRole('button', { name: c.ui.save }).click();
    await expect(page.getByRole('status')).toContainText(c.ui.done);
    const recorded = page.locator('[data-observation]').filter({ hasText: c.note });
    await expect(recorded).toContainText(c.ui.unacked);

    const learner = await browser.newPage();
    await (c.lang === 'zh' ? logIn(learner, c.learner.email) : logInInEnglish(learner, c.learner.email));
    await learner.getByRole('link', { name: c.ui.coaching, exact: true }).first().click();
    await expect(learner).toHaveURL(new RegExp(`/${c.lang}/coaching/$`));
    const card = learner.locator('[data-observation]').filter({ hasText: c.note });
    await expect(card).toContainText(c.rubricName);
    await expect(card).toContainText(c.kind);
    await expect(card.locator('[data-acknowledged]')).toHaveText(c.ui.unacked);
    await card.getByRole('button', { name: c.ui.ack }).click();
    const after = learner.locator('[data-observation]').filter({ hasText: c.note });
    await expect(after.locator('[data-acknowledged]')).toContainText(c.ui.acked);
    await expect(after.getByRole('button', { name: c.ui.ack })).toHaveCount(0);
    await after.getByLabel(c.ui.replyLabel).fill(c.reply);
    await after.getByRole('button', { name: c.ui.send }).click();
    await expect(learner.getByRole('status')).toHaveText(c.ui.sent);
    await expect(learner.locator('[data-observation]').filter({ hasText: c.note })).toContainText(c.reply);
    await learner.close();

    // The manager sees the acknowledgement and the reply; the audit history names both.
    await page.reload();
    const seen = page.locator('[data-observation]').filter({ hasText: c.note });
    await expect(seen).toContainText(c.reply);
    await expect(seen.locator('[data-acknowledged]')).toContainText(c.ui.acked);
    await page.goto(`/${c.lang}/team/${id}`);
    await expect(page.getByText(c.lang === 'zh' ? '确认已阅观察' : 'Observation acknowledged').first()).toBeVisible();
  });
}

test('the demo learner has an observation waiting, unacknowledged', async ({ page }) => {
  await logIn(page, 'chen.jie@demo.academy');
  await page.goto('/zh/coaching/');
  const waiting = page.locator('[data-observation="demo-observation-1"]');
  await expect(waiting).toContainText('客户拜访');
  await expect(waiting).toContainText('销售经理 李强');
  await expect(waiting.getByRole('button', { name: '我已阅读，确认' })).toBeVisible();
});

/** Plays the role-play to an ending through the learner's own actions, then submits it. */
async function playRoleplay(page: Page, lang: 'zh' | 'en') {
  const start = await json(page, 'exercise.start', { exerciseId: 'discount-floor-negotiation', lang });
  expect(start.status()).toBe(200);
  let node = parseDevalue(await start.text()).view.node as { ended: boolean; choices: { id: string }[] };
  for (let turns = 0; !node.ended && turns < 20; turns++) {
    const moved = await json(page, 'exercise.choose', { exerciseId: 'discount-floor-negotiation', lang, choiceId: node.choices[0]!.id });
    expect(moved.status()).toBe(200);
    node = parseDevalue(await moved.text()).node;
  }
  const submitted = await json(page, 'exercise.submit', { exerciseId: 'discount-floor-negotiation', lang });
  expect(submitted.status()).toBe(200);
}

test('a role-play attempt is replayed step by step, and the manager’s comment on a step reaches the learner (zh and en)', async ({ page, browser }) => {
  await logIn(page, 'liu.yang@demo.academy');
  await playRoleplay(page, 'zh');
  await page.goto('/zh/coaching/');
  await page.getByRole('link', { name: /^回放：情景对话：客户要再降 12%/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('回放：情景对话');
  await expect(page.getByRole('heading', { name: '第 1 步' })).toBeVisible();
  await expect(page.locator('[data-step="1"]')).toContainText('客户');
  await expect(page.locator('[data-step="1"]')).toContainText('选择的回应');
  // The learner reads the replay; only a manager comments.
  await expect(page.getByRole('button', { name: '保存点评' })).toHaveCount(0);
  const replayPath = new URL(page.url()).pathname;

  const manager = await browser.newPage();
  await logIn(manager, 'manager@demo.academy');
  const id = await personId(manager, 'zh', '刘洋');
  // The person's attempt history links the submitted role-play to its replay as well.
  await manager.goto(`/zh/team/${id}`);
  await expect(manager.locator(`a[href="${replayPath}"]`)).toHaveCount(1);
  await manager.goto(`/zh/team/${id}/coaching`);
  await manager.getByRole('link', { name: /^回放：情景对话/ }).first().click();
  await expect(manager).toHaveURL(new RegExp(`${replayPath}$`));
  const first = manager.locator('[data-step="1"]');
  await first.getByLabel('点评这一步').fill('这里先问清 12% 的来源会更好。');
  await first.getByRole('button', { name: '保存点评' }).click();
  await expect(manager.getByRole('status')).toHaveText('点评已保存，学员会在回放中看到。');
  await expect(manager.locator('[data-step="1"]')).toContainText('这里先问清 12% 的来源会更好。');

  // A comment on a step the attempt does not have is a 400 and stores nothing.
  const attemptId = replayPath.split('/').pop()!;
  const bad = await form(manager, 'team.commentStep', { attemptId, step: '99', body: 'nowhere' });
  expect(bad.status()).toBe(400);
  await manager.close();

  await page.goto(replayPath.replace('/zh/', '/en/'));
  await expect(page.getByRole('heading', { name: 'Step 1' })).toBeVisible();
  await expect(page.locator('[data-step="1"]')).toContainText('Manager’s comments');
  await expect(page.locator('[data-step="1"]')).toContainText('这里先问清 12% 的来源会更好。');
  await expect(page.getByText('nowhere')).toHaveCount(0);
});

test('bad coaching input gets a clear 4xx and stores nothing', async ({ page }) => {
  await logIn(page, 'manager@demo.academy');
  const id = await personId(page, 'zh', '陈杰');
  const criteria = rubric('customer-visit').criteria;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const observation = (overrides: Record<string, string | string[]>) =>
    form(page, 'team.observe', {
      userId: id,
      rubricId: 'customer-visit',
      kind: 'ride-along',
      observedOn: today,
      criterionIds: criteria.map((c) => c.id),
      levels: criteria.map(() => '3'),
      notes: criteria.map(() => ''),
      ...overrides,
    });
  await page.goto(`/zh/team/${id}/coaching`);
  const before = await page.locator('[data-observation]').count();
  expect((await observation({ levels: criteria.map((_, i) => (i === 0 ? '9' : '3')) })).status()).toBe(400);
  expect((await observation({ levels: criteria.map(() => '0') })).status()).toBe(400);
  expect((await observation({ rubricId: 'no-such-rubric' })).status()).toBe(400);
  expect((await observation({ kind: 'call-review' })).status()).toBe(400);
  expect((await observation({ observedOn: '2099-01-01' })).status()).toBe(400);
  // 吴昊 is on the other team: as if he did not exist.
  const wuHao = await (async () => {
    const admin = await page.context().browser()!.newPage();
    await logIn(admin, 'manager.north@demo.academy');
    await admin.goto('/zh/team/?team=team-north');
    const href = await admin.getByRole('link', { name: '吴昊', exact: true }).getAttribute('href');
    await admin.close();
    return href!.split('/').pop()!;
  })();
  expect((await observation({ userId: wuHao })).status()).toBe(404);
  expect((await form(page, 'coaching.acknowledge', { observationId: 'no-such-observation' })).status()).toBe(404);
  expect((await form(page, 'coaching.reply', { observationId: 'demo-observation-1', body: '   ' })).status()).toBe(400);
  await page.reload();
  expect(await page.locator('[data-observation]').count()).toBe(before);

  // The form page answers a refused observation with the error on the page, not a 500.
  await page.goto(`/zh/team/${id}/coaching?rubric=customer-visit`);
  for (const c of criteria) await page.locator(`#level-${c.id}`).selectOption('2');
  await page.locator('#observe-date').fill('2099-01-01');
  await page.locator('#observe-date').evaluate((el) => el.removeAttribute('max'));
  await page.getByRole('button', { name: '保存观察' }).click();
  await expect(page.getByRole('alert')).toHaveText('请填写观察当天的日期（不能晚于今天，也不能早于一年前）。');
});

test('the path page projects when each open criterion will be met, in both languages', async ({ page, browser }) => {
  await logIn(page, 'chen.jie@demo.academy');
  await page.goto('/zh/path/');
  const zh = page.getByRole('region', { name: '预计何时达标' });
  await expect(zh).toBeVisible();
  await expect(zh).toContainText('最近的节奏：每周约完成');
  // Course work moves at his pace: a date, never before today.
  const course = zh.locator('[data-criterion^="course:"][data-day]').first();
  const day = await course.getAttribute('data-day');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  expect(day! >= today).toBe(true);
  await expect(course).toContainText('预计');
  // KPIs depend on others' records: said honestly.
  await expect(zh.locator('[data-criterion^="kpi:"]').first()).toContainText('数据不足');

  // The same learner in English. Not Emma: promotion.spec records her 104% target attainment, and
  // with her 88% satisfaction over the 85% bar she then has no open KPI left to project (met
  // criteria are rightly not listed), so whether this line existed depended on which spec ran first
  // on the server. No spec records KPIs for 陈杰.
  const english = await browser.newPage();
  // His account is in Chinese; the /en/ address shows the page in English all the same.
  await logIn(english, 'chen.jie@demo.academy');
  await english.goto('/en/path/');
  const en = english.getByRole('region', { name: 'When will I be ready?' });
  await expect(en).toContainText(/Not enough data yet|around/);
  await expect(en.locator('[data-criterion^="kpi:"]').first()).toContainText('Not enough data yet');
  await english.close();

  // The team dashboard shows each not-yet-ready person's projection.
  const manager = await browser.newPage();
  await logIn(manager, 'manager@demo.academy');
  await manager.goto('/zh/team/?team=team-east');
  await expect(manager.locator('td.readiness-cell .projection').first()).toHaveText(/^(预计 .+|暂无预计)$/);
  await manager.close();
});
