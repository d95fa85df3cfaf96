/**
 * The two kinds written for features on other branches (boosters, coaching observations) against
 * a narrow lookup: given what that lookup reports, they plan the right reminders, once per day or
 * observation. The lookups here are the tests' own; production registers the real ones at merge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { boostersWaiting } from '../../src/lib/reminders/kinds/boosters-waiting';
import { observationNew } from '../../src/lib/reminders/kinds/observation-new';
import { reminderKindRegistry } from '../../src/lib/reminders/kinds';
import { recordReminders, inboxOf } from '../../src/lib/reminders/store';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { renderReminder } from '../../src/lib/reminders/templates';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());
const ctx = (now: Date) => ({ db: t.db, now, zone: ZONE, ladder: [], curriculum: { courseModules: new Map(), moduleQuiz: new Map() } });

describe('kinds waiting for their features', () => {
  it('boosters waiting: one reminder a company day for each person with cards due, asked for all active people at once', async () => {
    const a = await insertUser(t.db, { locale: 'en' });
    const b = await insertUser(t.db);
    await insertUser(t.db, { active: false });
    const asked: string[][] = [];
    const kind = boostersWaiting(async (_db, userIds) => {
      asked.push([...userIds]);
      return new Map([[a.id, 4], [b.id, 0]]);
    });
    const monday = new Date('2026-03-02T01:00:00Z');
    const planned = await kind.plan(ctx(monday));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.sort()).toEqual([a.id, b.id].sort());
    expect(planned).toEqual([{ userId: a.id, subject: 'boosters', period: '2026-03-02', data: { count: 4 } }]);
    expect(await recordReminders(t.db, kind, planned, monday, false)).toBe(1);
    expect(await recordReminders(t.db, kind, await kind.plan(ctx(new Date(monday.getTime() + 3_600_000))), monday, false)).toBe(0);
    const [entry] = await inboxOf(t.db, a.id);
    expect(renderReminder(entry!.kind, entry!.data, 'en', { zone: ZONE, title: (_, id) => id }).title).toBe('4 review cards are waiting for you');
  });

  it('a new observation: one reminder per observation, naming who wrote it', async () => {
    const learner = await insertUser(t.db);
    const kind = observationNew(async () => [{ observationId: 'o1', userId: learner.id, by: '李强', day: '2026-03-02' }]);
    const planned = await kind.plan(ctx(new Date('2026-03-02T01:00:00Z')));
    await recordReminders(t.db, kind, planned, new Date('2026-03-02T01:00:00Z'), false);
    await recordReminders(t.db, kind, await kind.plan(ctx(new Date('2026-03-03T01:00:00Z'))), new Date('2026-03-03T01:00:00Z'), false);
    const inbox = await inboxOf(t.db, learner.id);
    expect(inbox).toHaveLength(1);
    expect(renderReminder(inbox[0]!.kind, inbox[0]!.data, 'zh', { zone: ZONE, title: (_, id) => id }).title).toBe('李强 给你写了一条新的辅导观察');
  });

  it('are not registered until their features are merged (no stand-in lookups in production)', () => {
    expect(reminderKindRegistry.map((k) => k.id)).toEqual(['assignment-due', 'assignment-overdue', 'manager-digest']);
  });
});
