import { describe, expect, it } from 'vitest';
import { assignmentReminderKind, dueSoonWindow, isDigestDay, weekKey } from '../../src/lib/reminders/schedule';
import { reminderRetryDelayMs } from '../../src/lib/reminders/backoff';
import { digestContents } from '../../src/lib/reminders/digest';
import { renderReminder, reminderEmail } from '../../src/lib/reminders/templates';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../../src/lib/reminders/server/unsubscribe-token';
import { allowedWebhookHosts, webhookAccepted, webhookBody, webhookFormat, webhookUrlProblem } from '../../src/lib/reminders/webhook-payload';
import { channelsFor } from '../../src/lib/reminders/server/store';
import { kindsOffered, preferencesFrom, preferencesInput } from '../../src/lib/reminders/server/preferences-input';

const ZONE = 'Asia/Shanghai';
// Monday 2026-03-02, 09:00 in Shanghai.
const MONDAY = new Date('2026-03-02T01:00:00Z');
const day = 86_400_000;

describe('which reminders are due on a date', () => {
  it('an open assignment due within three days (company zone) is "due soon", once it passes it is overdue', () => {
    expect(assignmentReminderKind(new Date('2026-03-05T15:59:00Z'), false, MONDAY, ZONE)).toBe('assignment-due'); // Thu 23:59 Shanghai
    expect(assignmentReminderKind(new Date('2026-03-05T16:00:00Z'), false, MONDAY, ZONE)).toBeNull(); // Fri 00:00 Shanghai: 4 days out
    expect(assignmentReminderKind(new Date(MONDAY.getTime() - 1), false, MONDAY, ZONE)).toBe('assignment-overdue');
    expect(assignmentReminderKind(new Date(MONDAY.getTime() - 15 * day), false, MONDAY, ZONE)).toBeNull();
  });
  it('a done assignment calls for no reminder', () => {
    expect(assignmentReminderKind(new Date(MONDAY.getTime() + day), true, MONDAY, ZONE)).toBeNull();
    expect(assignmentReminderKind(new Date(MONDAY.getTime() - day), true, MONDAY, ZONE)).toBeNull();
  });
  it('the due-soon window ends at the end of the third day in the company zone, not the server’s', () => {
    expect(dueSoonWindow(MONDAY, ZONE).to.toISOString()).toBe('2026-03-05T15:59:59.999Z');
  });
  it('digests go out on the company’s Monday, keyed by that week', () => {
    expect(isDigestDay(MONDAY, ZONE)).toBe(true);
    // Sunday 20:00 UTC is already Monday 04:00 in Shanghai.
    expect(isDigestDay(new Date('2026-03-01T20:00:00Z'), ZONE)).toBe(true);
    expect(isDigestDay(new Date('2026-03-03T01:00:00Z'), ZONE)).toBe(false);
    expect(weekKey(new Date('2026-03-08T01:00:00Z'), ZONE)).toBe('2026-03-02');
    expect(weekKey(MONDAY, ZONE)).toBe('2026-03-02');
  });
});

describe('retry backoff', () => {
  it('starts at a minute, doubles, and stops growing at six hours without ever giving up', () => {
    expect([1, 2, 3, 4].map(reminderRetryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(reminderRetryDelayMs(50)).toBe(6 * 3_600_000);
    expect(reminderRetryDelayMs(10_000)).toBe(6 * 3_600_000);
  });
});

describe('the managers’ digest', () => {
  const person = (name: string, share: number | null, ready: boolean, daysIdle: number | null, overdue = 0) => ({
    name,
    share,
    ready,
    lastActivity: daysIdle === null ? null : new Date(MONDAY.getTime() - daysIdle * day),
    overdue,
  });
  it('lists who is ready, who is close, who is stuck and what is overdue', () => {
    const d = digestContents(
      [person('刘洋', 1, true, 1), person('赵磊', 0.8, false, 2, 1), person('周敏', 0.1, false, 30, 2), person('何涛', null, false, null), person('陈杰', 0.5, false, 3)],
      MONDAY,
    );
    expect(d.people).toBe(5);
    expect(d.ready.names).toEqual(['刘洋']);
    expect(d.close.names).toEqual(['赵磊']);
    // At the top of the ladder (share null) nobody is "stuck".
    expect(d.stuck.names).toEqual(['周敏']);
    expect(d.overdue).toEqual({ count: 2, names: ['赵磊', '周敏'], assignments: 3 });
  });
});

describe('templates in the person’s language', () => {
  const ctx = { zone: ZONE, title: (_: 'course' | 'module', id: string, lang: 'zh' | 'en') => (lang === 'zh' ? '成交技巧' : 'Closing skills') + `#${id}` };
  const data = { assignmentId: 'a1', targetType: 'course', targetId: 'sales-skills', dueAt: Date.parse('2026-03-04T15:59:59.999Z') };
  it('an assignment reminder names the work and the due day in the company zone, in zh and en', () => {
    const zh = renderReminder('assignment-due', data, 'zh', ctx);
    const en = renderReminder('assignment-due', data, 'en', ctx);
    expect(zh.title).toBe('「成交技巧#sales-skills」将于 2026/3/4 到期');
    expect(en.title).toBe('“Closing skills#sales-skills” is due on 3/4/2026');
    expect(zh.path).toBe('/zh/courses/sales-skills/');
    expect(renderReminder('assignment-overdue', data, 'en', ctx).title).toContain('overdue');
  });
  it('a digest says each heading in the reader’s language, with “nobody” for an empty one', () => {
    const contents = digestContents([{ name: '刘洋', share: 1, ready: true, lastActivity: MONDAY, overdue: 0 }], MONDAY);
    const zh = renderReminder('manager-digest', { week: '2026-03-02', contents }, 'zh', ctx);
    const en = renderReminder('manager-digest', { week: '2026-03-02', contents }, 'en', ctx);
    expect(zh.lines[0]).toBe('可以晋升：1 人（刘洋）');
    expect(en.lines[1]).toBe('Close to ready: 0 (nobody)');
    expect(en.path).toBe('/en/team/');
  });
  it('the mail carries the link and the unsubscribe link, and escapes names in its HTML', () => {
    const r = { title: 'A <b>', lines: ['x & y'], path: '/en/team/' };
    const mail = reminderEmail(r, 'en', 'https://academy.example', 'https://academy.example/unsubscribe/t');
    expect(mail.subject).toBe('Sales Academy: A <b>');
    expect(mail.text).toContain('https://academy.example/en/team/');
    expect(mail.text).toContain('https://academy.example/unsubscribe/t');
    expect(mail.html).toContain('A &lt;b&gt;');
    expect(mail.html).not.toContain('A <b>');
  });
});

describe('unsubscribe tokens', () => {
  const key = new Uint8Array(32).fill(7);
  it('a signed token names its person and kind; altered or foreign ones are refused', () => {
    const token = signUnsubscribeToken(key, { userId: 'u1', kind: 'manager-digest' });
    expect(verifyUnsubscribeToken(key, token)).toEqual({ userId: 'u1', kind: 'manager-digest' });
    expect(verifyUnsubscribeToken(new Uint8Array(32).fill(8), token)).toBeNull();
    const [payload, mac] = token.split('.');
    const other = Buffer.from(JSON.stringify(['u2', 'manager-digest'])).toString('base64url');
    expect(verifyUnsubscribeToken(key, `${other}.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(key, `${payload}.${mac!.slice(0, -1)}A`)).toBeNull();
    expect(verifyUnsubscribeToken(key, 'nonsense')).toBeNull();
    expect(verifyUnsubscribeToken(key, '')).toBeNull();
  });
});

describe('group robots', () => {
  it('each robot gets its own JSON shape, chosen by host', () => {
    const m = { title: 'T', text: 'x', link: 'https://a/b' };
    expect(webhookFormat('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toBe('wecom');
    expect(webhookFormat('https://oapi.dingtalk.com/robot/send?access_token=t')).toBe('dingtalk');
    expect(webhookFormat('https://open.feishu.cn/open-apis/bot/v2/hook/x')).toBe('feishu');
    expect(webhookBody('wecom', m)).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('T') } });
    expect(webhookBody('dingtalk', m)).toMatchObject({ msgtype: 'markdown', markdown: { title: 'T' } });
    expect(webhookBody('feishu', m)).toEqual({ msg_type: 'text', content: { text: 'T\nx\nhttps://a/b' } });
  });
  it('a 200 carrying an error code is a failure, as is any non-2xx', () => {
    expect(webhookAccepted(200, '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(webhookAccepted(200, '{"code":0}').ok).toBe(true);
    expect(webhookAccepted(200, '{"errcode":93000,"errmsg":"invalid webhook url"}').ok).toBe(false);
    expect(webhookAccepted(500, 'boom').ok).toBe(false);
  });
  it('only robot hosts (and ones the operator allows) are accepted, typed with full-width commas too', () => {
    const hosts = allowedWebhookHosts('127.0.0.1，Robots.Example.com');
    expect(webhookUrlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', hosts)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9/hook', hosts)).toBeNull();
    expect(webhookUrlProblem('https://robots.example.com/x', hosts)).toBeNull();
    expect(webhookUrlProblem('http://169.254.169.254/latest', hosts)).toBe('host');
    expect(webhookUrlProblem('file:///etc/passwd', hosts)).toBe('format');
    expect(webhookUrlProblem('not a url', hosts)).toBe('format');
  });
});

describe('channels', () => {
  const prefs = { email: true, webhookUrl: 'https://oapi.dingtalk.com/robot/send', mutedKinds: [] as string[] };
  it('mail only when the server has SMTP and the person wants it; robots only for managers’ kinds and managers', () => {
    expect(channelsFor({ id: 'manager-digest', webhook: true }, prefs, 'manager', true)).toEqual(['email', 'webhook']);
    expect(channelsFor({ id: 'manager-digest', webhook: true }, prefs, 'manager', false)).toEqual(['webhook']);
    expect(channelsFor({ id: 'assignment-due', webhook: false }, prefs, 'manager', true)).toEqual(['email']);
    expect(channelsFor({ id: 'manager-digest', webhook: true }, prefs, 'learner', true)).toEqual(['email']);
    expect(channelsFor({ id: 'manager-digest', webhook: true }, { ...prefs, mutedKinds: ['manager-digest'] }, 'manager', true)).toEqual([]);
    expect(channelsFor({ id: 'assignment-due', webhook: false }, { ...prefs, email: false }, 'learner', true)).toEqual([]);
  });
});

describe('the reminder settings form', () => {
  const registry = [
    { id: 'assignment-due' as const, webhook: false },
    { id: 'manager-digest' as const, webhook: true },
  ];
  const hosts = allowedWebhookHosts('');
  it('mutes the offered kinds left unticked and keeps the setting of kinds it did not show', () => {
    const offered = kindsOffered(registry, 'learner');
    expect(offered).toEqual(['assignment-due']);
    const input = preferencesInput.parse({ email: true, kinds: [] });
    expect(preferencesFrom(input, 'learner', hosts, offered, ['boosters-waiting'])).toEqual({ email: true, webhookUrl: null, mutedKinds: ['boosters-waiting', 'assignment-due'] });
    expect(preferencesFrom(preferencesInput.parse({ kinds: ['assignment-due'] }), 'learner', hosts, offered, ['assignment-due'])).toEqual({ email: false, webhookUrl: null, mutedKinds: [] });
  });
  it('takes a pasted robot URL with spaces around it from a manager, and refuses one from a learner or for another host', () => {
    const offered = kindsOffered(registry, 'manager');
    const url = ' https://oapi.dingtalk.com/robot/send?access_token=x \n';
    expect(preferencesFrom(preferencesInput.parse({ webhookUrl: url, kinds: offered }), 'manager', hosts, offered, [])).toMatchObject({ webhookUrl: url.trim() });
    expect(preferencesFrom(preferencesInput.parse({ webhookUrl: url }), 'learner', hosts, [], [])).toBe('reminders.error.webhookRole');
    expect(preferencesFrom(preferencesInput.parse({ webhookUrl: 'http://10.0.0.1/x' }), 'manager', hosts, offered, [])).toBe('reminders.error.webhookHost');
    expect(preferencesFrom(preferencesInput.parse({ webhookUrl: 'javascript:alert(1)' }), 'admin', hosts, offered, [])).toBe('reminders.error.webhookFormat');
    expect(preferencesInput.safeParse({ kinds: ['made-up'] }).success).toBe(false);
  });
});

describe('the reminder settings form as a learner’s browser sends it', () => {
  it('reads a form without the robot field (Astro passes null) as no robot', () => {
    expect(preferencesInput.parse({ email: false, kinds: [], webhookUrl: null }).webhookUrl).toBe('');
  });
  it('reads a robot URL typed with full-width characters as the address it spells', () => {
    expect(preferencesInput.parse({ webhookUrl: 'ｈｔｔｐｓ：／／oapi.dingtalk.com／robot／send？access_token＝x' }).webhookUrl).toBe('https://oapi.dingtalk.com/robot/send?access_token=x');
  });
});
