/**
 * The two kinds written for features on other branches (boosters, coaching observations) against
 * a narrow lookup: given what that lookup reports, they plan the right reminders, once per day or
 * observation. The lookups here are the tests' own; production registers the real ones at merge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { boostersWaiting } from '../../src/lib/reminders/server/kinds/boosters-waiting';
import { observationNew } from '../../src/lib/reminders/server/kinds/observation-new';
import { reminderKindRegistry } from '../../src/lib/reminders/server/kinds';
import { recordReminders, inboxOf } from '../../src/lib/reminders/server/store';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { renderReminder } from '../../src/lib/reminders/templates';
import { observations, reviewCards } from '../../db/schema';

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

  it('are registered with the real lookups: cards due and observations not yet acknowledged, each in one query', async () => {
    expect(reminderKindRegistry.map((k) => k.id)).toEqual(['assignment-due', 'assignment-overdue', 'boosters-waiting', 'observation-new', 'manager-digest']);
    const learner = await insertUser(t.db);
    const observer = await insertUser(t.db, { role: 'manager' });
    const now = new Date('2026-03-02T01:00:00Z');
    const card = { due: new Date(now.getTime() - 60_000), stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, createdAt: now };
    await t.db.insert(reviewCards).values([
      { userId: learner.id, cardId: 'term:due', ...card },
      { userId: learner.id, cardId: 'term:later', ...card, due: new Date(now.getTime() + 86_400_000) },
    ]);
    await t.db.insert(observations).values([
      { id: 'waiting', userId: learner.id, managerId: observer.id, rubricId: 'customer-visit', kind: 'ride-along', observedOn: '2026-03-01', scores: [], averageLevel: 2, createdAt: now },
      { id: 'read', userId: learner.id, managerId: observer.id, rubricId: 'customer-visit', kind: 'ride-along', observedOn: '2026-02-20', scores: [], averageLevel: 3, acknowledgedAt: now, createdAt: now },
    ]);
    const boosters = reminderKindRegistry.find((k) => k.id === 'boosters-waiting')!;
    expect(await boosters.plan(ctx(now))).toEqual([{ userId: learner.id, subject: 'boosters', period: '2026-03-02', data: { count: 1 } }]);
    const observed = reminderKindRegistry.find((k) => k.id === 'observation-new')!;
    const planned = await observed.plan(ctx(now));
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ userId: learner.id, subject: 'waiting' });
  });
});
