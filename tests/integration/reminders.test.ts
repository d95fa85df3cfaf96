/**
 * Reminders end to end below the web layer: a real SMTP server and a real local HTTP "robot"
 * receive what the scheduler sends from a seeded demo database.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from './test-database';
import { startMailbox, type ReceivedMail } from './mailbox';
import { seedDemoOrganisation } from '../../scripts/db/seed-demo';
import { contentIndexFromFiles } from '../../src/lib/content/server/content-index';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { reminderDeliveries, reminders, users } from '../../db/schema';
import { startReminderScheduler, type SchedulerOptions } from '../../src/lib/reminders/server/scheduler';
import { smtpSender, webhookSender } from '../../src/lib/reminders/server/senders';
import { inboxOf, markAllRead, markRead, muteKind, savePreferences, unreadCount, appSecret } from '../../src/lib/reminders/server/store';
import { verifyUnsubscribeToken } from '../../src/lib/reminders/server/unsubscribe-token';

// Monday 23 November 2026, 10:00 in Shanghai: a digest day.
const now = new Date('2026-11-23T02:00:00Z');
const { ladder, curriculum } = contentIndexFromFiles('content');
const content = async () => ({ ladder, curriculum, title: (_type: 'course' | 'module', id: string) => id });

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let t: TestDatabase;
const ids = new Map<string, string>();

async function demo(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await seedDemoOrganisation(db.db, { now });
  // The second team's manager reads English, so one digest goes out in each language.
  await db.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'manager.north@demo.academy'));
  for (const u of await db.db.select({ id: users.id, email: users.email }).from(users)) ids.set(u.email, u.id);
  return db;
}

function options(overrides: Partial<SchedulerOptions> = {}): SchedulerOptions {
  return { origin: 'https://academy.example', zone: ZONE, senders: { email: smtpSender(mailbox.url, 'Sales Academy <academy@example.com>') }, content, ...overrides };
}

const mailsTo = (email: string): ReceivedMail[] => mailbox.mails.filter((m) => m.to.includes(email));

beforeAll(async () => {
  mailbox = await startMailbox();
}, 30_000);
afterAll(() => mailbox.close());
beforeEach(async () => {
  mailbox.mails.length = 0;
  t = await demo();
}, 120_000);
afterEach(() => t.close());

describe('the scheduler against the demo company', () => {
  it('delivers the demo managers’ weekly digest to the test mailbox, each in the manager’s language, with a working unsubscribe link', async () => {
    await startReminderScheduler(t.db, options(), { timer: false }).runOnce(now);
    const [zh] = mailsTo('manager@demo.academy');
    const [en] = mailsTo('manager.north@demo.academy');
    expect(zh?.subject).toBe('销售学院｜团队周报（2026-11-23 这一周，共 7 人）');
    expect(zh?.text).toContain('可以晋升：1 人（刘洋）');
    expect(zh?.text).toContain('https://academy.example/zh/team/');
    expect(en?.subject).toMatch(/^Sales Academy: Team digest for the week of 2026-11-23 \(2 people\)$/);
    expect(en?.text).toContain('Close to ready:');
    expect(en?.html).toContain('<html lang="en">');
    // The unsubscribe link in the mail (and its List-Unsubscribe header) names that manager and the digest.
    const link = /https:\/\/academy\.example\/unsubscribe\/(\S+)/.exec(zh!.text)![1]!;
    expect(zh!.headers.get('list-unsubscribe')).toContain(link);
    expect(verifyUnsubscribeToken(await appSecret(t.db, 'unsubscribe'), link)).toEqual({ userId: ids.get('manager@demo.academy'), kind: 'manager-digest' });
  });

  it('sends learners their assignment reminders by mail in their language: due soon (孙丽, zh) and overdue (Emma, en)', async () => {
    await startReminderScheduler(t.db, options(), { timer: false }).runOnce(now);
    // 孙丽 also has review cards due (the demo's booster history): a second mail of its own kind.
    expect(mailsTo('sun.li@demo.academy').map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^销售学院｜「.+」将于 2026\/11\/25 到期$/), expect.stringMatching(/复习/)]),
    );
    expect(mailsTo('sun.li@demo.academy')).toHaveLength(2);
    expect(mailsTo('emma.wu@demo.academy').map((m) => m.subject)).toEqual([expect.stringMatching(/^Sales Academy: “.+” is overdue \(due 11\/18\/2026\)$/)]);
    // 周敏's assignment is due in 14 days: nothing yet.
    expect(mailsTo('zhou.min@demo.academy')).toEqual([]);
    expect((await inboxOf(t.db, ids.get('sun.li@demo.academy')!)).map((r) => r.kind).sort()).toEqual(['assignment-due', 'boosters-waiting']);
    // 陈杰 has his manager's observation waiting (the demo's coaching seed).
    expect((await inboxOf(t.db, ids.get('chen.jie@demo.academy')!)).map((r) => r.kind)).toContain('observation-new');
  });

  it('never sends twice: two instances at once, a second round and a restart each leave one mail per reminder', async () => {
    const a = startReminderScheduler(t.db, options(), { timer: false });
    const b = startReminderScheduler(t.db, options(), { timer: false });
    await Promise.all([a.runOnce(now), b.runOnce(now)]);
    const first = mailbox.mails.length;
    expect(first).toBeGreaterThanOrEqual(4);
    await a.runOnce(new Date(now.getTime() + 2 * 3_600_000));
    // A restart: a new process plans the same day again (the old lease has run out).
    await startReminderScheduler(t.db, options(), { timer: false }).runOnce(new Date(now.getTime() + 3 * 3_600_000));
    expect(mailbox.mails.length).toBe(first);
    const keys = mailbox.mails.map((m) => m.headers.get('message-id'));
    expect(new Set(keys).size).toBe(keys.length);
    expect((await t.db.select().from(reminders)).length).toBe(first);
  });

  it('without SMTP the inbox alone works: reminders are recorded, nothing waits to be mailed', async () => {
    await startReminderScheduler(t.db, options({ senders: {} }), { timer: false }).runOnce(now);
    expect(mailbox.mails).toEqual([]);
    expect(await unreadCount(t.db, ids.get('manager@demo.academy')!)).toBe(1);
    expect(await t.db.select().from(reminderDeliveries)).toEqual([]);
  });

  it('an unsubscribe after planning wins over the queue; the inbox keeps the reminder', async () => {
    const scheduler = startReminderScheduler(t.db, options({ senders: { email: async () => { throw new Error('mail server down'); } } }), { timer: false });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await scheduler.runOnce(now);
    quiet.mockRestore();
    await muteKind(t.db, ids.get('manager@demo.academy')!, 'manager-digest', now);
    await startReminderScheduler(t.db, options(), { timer: false }).runOnce(new Date(now.getTime() + 10 * 60_000));
    expect(mailsTo('manager@demo.academy')).toEqual([]);
    expect(mailsTo('manager.north@demo.academy')).toHaveLength(1);
    expect(await unreadCount(t.db, ids.get('manager@demo.academy')!)).toBe(1);
  });

  it('marks only the person’s own reminders read', async () => {
    await startReminderScheduler(t.db, options({ senders: {} }), { timer: false }).runOnce(now);
    const manager = ids.get('manager@demo.academy')!;
    const [digest] = await inboxOf(t.db, manager);
    expect(await markRead(t.db, ids.get('sun.li@demo.academy')!, digest!.id, now)).toBe(false);
    expect(await unreadCount(t.db, manager)).toBe(1);
    expect(await markRead(t.db, manager, digest!.id, now)).toBe(true);
    expect(await unreadCount(t.db, manager)).toBe(0);
    expect(await markAllRead(t.db, ids.get('sun.li@demo.academy')!, now)).toBe(2);
  });
});

describe('a group robot that fails', () => {
  let robot: Server;
  let url = '';
  let answer: 'fail' | 'hang' | 'ok' = 'fail';
  const received: unknown[] = [];
  beforeAll(async () => {
    robot = createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        if (answer === 'hang') return; // never answers
        if (answer === 'fail') return void response.writeHead(500).end('upstream exploded');
        received.push(JSON.parse(body));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  });
  afterAll(() => {
    robot.closeAllConnections();
    robot.close();
  });

  it('answering 500, then hanging, is logged and retried with backoff until it takes the digest; nothing is lost', async () => {
    const manager = ids.get('manager@demo.academy')!;
    await savePreferences(t.db, manager, { email: false, webhookUrl: url, mutedKinds: [] }, now);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const scheduler = startReminderScheduler(t.db, options({ senders: { webhook: webhookSender(2_000) } }), { timer: false });
    const row = async () => (await t.db.select().from(reminderDeliveries))[0]!;

    answer = 'fail';
    await scheduler.runOnce(now);
    expect(await row()).toMatchObject({ channel: 'webhook', status: 'pending', attempts: 1, lastError: expect.stringContaining('500') });
    expect((await row()).nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    expect(logged.mock.calls.flat().join(' ')).toMatch(/webhook.*failed.*try 1/);

    // Before the backoff is over nothing is tried.
    answer = 'hang';
    await scheduler.runOnce(new Date(now.getTime() + 30_000));
    expect((await row()).attempts).toBe(1);
    // Then the robot hangs: the timeout (2 s here, room for a busy test machine) makes it a failure, and the wait doubles.
    await scheduler.runOnce(new Date(now.getTime() + 61_000));
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringMatching(/abort|timeout/i) });
    expect((await row()).nextAttemptAt.getTime()).toBe(now.getTime() + 61_000 + 120_000);

    answer = 'ok';
    await scheduler.runOnce(new Date(now.getTime() + 200_000));
    logged.mockRestore();
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3 });
    expect(received).toEqual([{ msgtype: 'markdown', markdown: { content: expect.stringContaining('团队周报') } }]);
  });
});
