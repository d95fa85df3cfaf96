/**
 * The field track (业务代表 → 县级经理 → 省级经理 → 大区经理) switched on beside the office ladder,
 * and tenure counted across levels from the promotions table, on the real content and a real database.
 */
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { promotions, teamMembers, teams } from '../../db/schema';
import { contentIndexFromFiles } from '../../src/lib/content/server/content-index';
import { teamDashboard } from '../../src/lib/promotion/server/team-dashboard';
import { recordKpiEvidence } from '../../src/lib/promotion/server/decisions';
import { readServerEnv } from '../../src/lib/platform/server/env';
import type { CriterionResult } from '../../src/lib/promotion/readiness';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-20T08:00:00Z');
const monthsAgo = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, now.getUTCDate(), 8));

async function teamOf(memberIds: string[]) {
  const manager = await insertUser(t.db, { role: 'manager', name: 'Regional manager', levelId: 'regional-manager' });
  await t.db.insert(teams).values({ id: 'south', name: 'South', managerId: manager.id });
  for (const userId of memberIds) await t.db.insert(teamMembers).values({ userId, teamId: 'south' });
  return manager;
}

describe('the field track', () => {
  it('computes a county manager’s readiness for 省级经理 from the field criteria when LADDER_TRACKS switches the track on', async () => {
    const county = await insertUser(t.db, { name: 'County manager', levelId: 'county-manager', levelSince: monthsAgo(30) });
    const manager = await teamOf([county.id]);
    await recordKpiEvidence(t.db, { actorId: manager.id, userId: county.id, metric: 'growth-rate', valuePercent: 14, period: '2026-Q3', note: '', now });

    const { ladder, curriculum } = contentIndexFromFiles('content', { tracks: readServerEnv({ LADDER_TRACKS: 'office,field' }).LADDER_TRACKS });
    const [view] = await teamDashboard(t.db, { teamIds: ['south'], ladder, curriculum, now, zone: ZONE });
    const readiness = view!.row.readiness!;
    expect(view!.row.nextLevelId).toBe('provincial-manager');
    expect(readiness.criteria.map((c) => c.key)).toEqual([
      'course:roles',
      'module:sales-workflow/funnel-and-targets',
      'module:sales-workflow/sales-data-analysis',
      'module:sales-skills/collaboration-and-channels',
      'module:sales-skills/data-and-market-sense',
      'quiz',
      'exercise:annual-target-breakdown',
      'exercise:kpi-attainment',
      'exercise:duties-to-posts',
      'kpi:target-attainment',
      'kpi:growth-rate',
      'kpi:customer-satisfaction',
      'tenure',
      'sign-off',
    ]);
    const byKey = new Map(readiness.criteria.map((c) => [c.key, c] as [string, CriterionResult]));
    expect(byKey.get('tenure')).toMatchObject({ status: 'met', value: 30, threshold: 24 });
    expect(byKey.get('kpi:growth-rate')).toMatchObject({ status: 'met', value: 14, threshold: 10 });
    expect(byKey.get('quiz')).toMatchObject({ mode: 'average', threshold: 85 });
    expect(readiness.ready).toBe(false);
  });

  it('leaves a field level off the ladder while only the office track is on', async () => {
    const county = await insertUser(t.db, { name: 'County manager', levelId: 'county-manager', levelSince: monthsAgo(30) });
    const junior = await insertUser(t.db, { name: 'Junior', levelId: 'junior', levelSince: monthsAgo(3) });
    await teamOf([county.id, junior.id]);
    const { ladder, curriculum } = contentIndexFromFiles('content', { tracks: readServerEnv({}).LADDER_TRACKS });
    expect(ladder.map((l) => l.id)).toEqual(['junior', 'mid', 'senior', 'supervisor', 'manager']);
    const views = await teamDashboard(t.db, { teamIds: ['south'], ladder, curriculum, now, zone: ZONE });
    const row = (name: string) => views.find((v) => v.person.name === name)!.row;
    expect(row('County manager')).toMatchObject({ nextLevelId: null, readiness: null });
    expect(row('Junior').nextLevelId).toBe('mid');
  });
});

describe('five years in sales management (handbook 004)', () => {
  it('counts a supervisor’s time since the recorded promotion to supervisor towards 销售经理, not the years before it', async () => {
    const admin = await insertUser(t.db, { role: 'admin', name: 'Admin', levelId: 'manager' });
    const supervisor = await insertUser(t.db, { name: 'Supervisor', levelId: 'supervisor', levelSince: monthsAgo(50) });
    await t.db.insert(promotions).values([
      { id: 'p1', userId: supervisor.id, fromLevelId: 'mid', toLevelId: 'senior', promotedBy: admin.id, at: monthsAgo(80) },
      { id: 'p2', userId: supervisor.id, fromLevelId: 'senior', toLevelId: 'supervisor', promotedBy: admin.id, at: monthsAgo(50) },
    ]);
    await teamOf([supervisor.id]);
    const { ladder, curriculum } = contentIndexFromFiles('content');
    const [view] = await teamDashboard(t.db, { teamIds: ['south'], ladder, curriculum, now, zone: ZONE });
    expect(view!.row.nextLevelId).toBe('manager');
    const tenure = view!.row.readiness!.criteria.find((c) => c.kind === 'tenure') as Extract<CriterionResult, { kind: 'tenure' }>;
    expect(tenure).toMatchObject({ key: 'tenure:supervisor+manager', value: 50, threshold: 60, status: 'in-progress', levels: ['supervisor', 'manager'] });
    expect(tenure.eligibleAt).toEqual(monthsAgo(-10));
  });
});
