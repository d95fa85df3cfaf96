import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { createTestDatabase, type TestDatabase } from './test-database';
import { seedDemoOrganisation } from '../../scripts/db/seed-demo';
import { recentQuarters } from '../../scripts/db/seed-promotion';
import { contentIndexFromFiles } from '../../src/lib/content/server/content-index';
import { teamDashboard } from '../../src/lib/promotion/server/team-dashboard';
import { auditLog } from '../../db/schema';
import { readinessFor, type CriterionResult } from '../../src/lib/promotion/readiness';
import { loadLearnerRecords } from '../../src/lib/promotion/server/learner-records';

let t: TestDatabase;
const now = new Date('2026-11-23T02:00:00Z');
let views: Awaited<ReturnType<typeof teamDashboard>>;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoOrganisation(t.db, { now });
  const { ladder, curriculum } = contentIndexFromFiles('content');
  views = await teamDashboard(t.db, { teamIds: ['team-east'], ladder, curriculum, now, zone: ZONE });
}, 120_000);
afterAll(() => t.close());

const row = (email: string) => views.find((v) => v.person.email === email)!;
const unmet = (email: string) => row(email).row.readiness!.criteria.filter((c) => c.status !== 'met').map((c) => c.key);

describe('the demo team’s promotion story', () => {
  it('has exactly one learner ready for promotion: 刘洋, for 中级销售', () => {
    const ready = views.filter((v) => v.row.readiness?.ready).map((v) => v.person.email);
    expect(ready).toEqual(['liu.yang@demo.academy']);
    expect(row('liu.yang@demo.academy').row.nextLevelId).toBe('mid');
  });

  it('keeps the others back for different reasons', () => {
    expect(unmet('chen.jie@demo.academy')).toContain('tenure');
    expect(unmet('emma.wu@demo.academy')).toContain('kpi:target-attainment');
    expect(unmet('zhao.lei@demo.academy')).toContain('kpi:lead-conversion');
    expect(unmet('zhou.min@demo.academy')).toContain('course:onboarding');
    for (const email of ['emma.wu@demo.academy', 'zhao.lei@demo.academy', 'he.tao@demo.academy']) expect(unmet(email)).toContain('sign-off');
  });

  it('scores the practice exercises the ladder asks for with the exercise engine', () => {
    const exercise = (email: string, id: string) =>
      row(email).row.readiness!.criteria.find((c) => c.key === `exercise:${id}`) as Extract<CriterionResult, { kind: 'exercise' }>;
    // 刘洋 needed a second go at the sequence; the best attempt counts.
    expect(exercise('liu.yang@demo.academy', 'sales-cycle-order')).toMatchObject({ status: 'met', value: 100, attempts: 2 });
    expect(exercise('liu.yang@demo.academy', 'lead-grading-abc')).toMatchObject({ status: 'met', value: 87.5 });
    expect(exercise('emma.wu@demo.academy', 'lead-grading-abc')).toMatchObject({ status: 'in-progress', value: 62.5, threshold: 75 });
    expect(exercise('emma.wu@demo.academy', 'sales-cycle-order')).toMatchObject({ status: 'not-started', value: null });
    expect(exercise('zhao.lei@demo.academy', 'complaint-handling-steps').status).toBe('met');
    expect(exercise('zhao.lei@demo.academy', 'price-objection').status).toBe('not-started');
  });

  it('gives Emma an overdue assignment and 周敏 an open one', () => {
    expect(row('emma.wu@demo.academy').row.overdue).toBe(1);
    expect(row('zhou.min@demo.academy').assignments.map((a) => a.progress.status)).toEqual(['open']);
    expect(views.reduce((n, v) => n + v.row.overdue, 0)).toBe(1);
  });

  it('keeps past promotions and writes every manager action to the audit log', async () => {
    expect(row('zhao.lei@demo.academy').records.promotions).toMatchObject([{ fromLevelId: 'junior', toLevelId: 'mid' }]);
    const actions = new Set((await t.db.select({ action: auditLog.action }).from(auditLog).all()).map((a) => a.action));
    for (const action of ['kpi.recorded', 'sign-off.given', 'promotion', 'assignment.created']) expect(actions).toContain(action);
  });

  it('gives both department managers the five years as supervisor that the manager level asks for', async () => {
    const manager = contentIndexFromFiles('content').ladder.find((l) => l.id === 'manager')!;
    for (const email of ['manager@demo.academy', 'manager.north@demo.academy']) {
      const person = await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) });
      const { record } = (await loadLearnerRecords(t.db, person!.id))!;
      // Their time as supervisor up to the day they became manager: readiness as of that day.
      const asSupervisor = { ...record, levelId: 'supervisor', levelSince: record.promotions.find((p) => p.toLevelId === 'supervisor')!.at };
      const tenure = readinessFor(manager, asSupervisor, { courseModules: new Map(), moduleQuiz: new Map() }, record.levelSince, ZONE).criteria.find((c) => c.kind === 'tenure');
      expect(tenure, email).toMatchObject({ key: 'tenure:supervisor+manager', status: 'met' });
    }
  });

  it('records KPIs for the last full quarter', () => {
    expect(recentQuarters(new Date('2026-11-23T00:00:00Z'), ZONE)).toEqual(['2026-Q3', '2026-Q2']);
    expect(recentQuarters(new Date('2027-02-01T00:00:00Z'), ZONE)).toEqual(['2026-Q4', '2026-Q3']);
    expect(recentQuarters(new Date('2026-04-01T00:00:00Z'), ZONE)).toEqual(['2026-Q1', '2025-Q4']);
    // 20:00 UTC on 31 March is already 1 April in Shanghai: the first quarter is over there.
    expect(recentQuarters(new Date('2026-03-31T20:00:00Z'), ZONE)).toEqual(['2026-Q1', '2025-Q4']);
    expect(recentQuarters(new Date('2026-03-31T20:00:00Z'), 'UTC')).toEqual(['2025-Q4', '2025-Q3']);
  });
});
