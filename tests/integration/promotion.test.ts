import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import {
  assignments,
  auditLog,
  exerciseAttempts,
  kpiEvidence,
  learningEvents,
  promotions,
  quizAttempts,
  signOffs,
  teamMembers,
  teams,
  users,
} from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { loadLearnerRecords, loadRecords } from '../../src/lib/promotion/server/learner-records';
import { promote, PromotionError, recordKpiEvidence, signOff } from '../../src/lib/promotion/server/decisions';
import { assign } from '../../src/lib/learning-records/server/assignments';
import { currentModules } from '../../src/lib/learning-records/assignments';
import { mayManagePerson, membersOf, teamsVisibleTo, teamWithDescendants } from '../../src/lib/people/server/team-scope';
import { teamDashboard } from '../../src/lib/promotion/server/team-dashboard';
import { completeModule } from '../../src/lib/learning-records/server/progress';
import { readinessFor, type CurriculumIndex } from '../../src/lib/promotion/readiness';
import type { LadderLevel } from '../../src/lib/promotion/ladder';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-20T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const curriculum: CurriculumIndex = {
  courseModules: new Map([['basics', ['basics/one', 'basics/two']]]),
  moduleQuiz: new Map([['basics/one', 'quiz-one']]),
};
const noCriteria = { modules: [], courses: [], quizScoreMode: 'best' as const, exercises: [], kpis: [], minMonthsAtPreviousLevel: 0, managerSignOff: false };
const ladder: LadderLevel[] = [
  { id: 'junior', track: 'office', order: 1, name: { zh: '初级', en: 'Junior' }, description: { zh: '初级', en: 'Junior' }, criteria: noCriteria },
  {
    id: 'mid',
    track: 'office',
    order: 2,
    name: { zh: '中级', en: 'Mid' },
    description: { zh: '中级', en: 'Mid' },
    criteria: { ...noCriteria, courses: ['basics'], minQuizPercent: 80, kpis: [{ metric: 'target-attainment', minPercent: 100 }], minMonthsAtPreviousLevel: 6, managerSignOff: true },
  },
];
const mid = ladder[1]!;

/** A graded attempt as the quiz engine stores it; only the percent matters here. */
async function quiz(db: Database, userId: string, quizId: string, percent: number, at: Date) {
  await db.insert(quizAttempts).values({
    id: crypto.randomUUID(),
    userId,
    quizId,
    answers: {},
    result: [],
    score: percent / 10,
    maxScore: 10,
    percent,
    passed: percent >= 70,
    startedAt: new Date(at.getTime() - 60_000),
    finishedAt: at,
  });
}

async function team(db: Database, id: string, managerId: string | null, memberIds: string[], parentTeamId: string | null = null) {
  await db.insert(teams).values({ id, name: id, managerId, parentTeamId });
  for (const userId of memberIds) await db.insert(teamMembers).values({ userId, teamId: id });
}

/** A manager, an admin and a learner on the manager's team, at junior for eight months. */
async function organisation(db: Database) {
  const manager = await insertUser(db, { role: 'manager', name: 'Manager', levelId: 'mid' });
  const admin = await insertUser(db, { role: 'admin', name: 'Admin', levelId: 'mid' });
  const learner = await insertUser(db, { name: 'Learner', levelSince: new Date(now.getTime() - 240 * DAY) });
  await team(db, 'east', manager.id, [learner.id]);
  return { manager, admin, learner };
}

/** Everything `mid` asks for, recorded through the real helpers. */
async function makeReady(db: Database, learnerId: string, managerId: string) {
  for (const m of ['basics/one', 'basics/two']) await completeModule(db, learnerId, m, new Date(now.getTime() - 10 * DAY));
  await quiz(db, learnerId, 'quiz-one', 60, new Date(now.getTime() - 12 * DAY));
  await quiz(db, learnerId, 'quiz-one', 90, new Date(now.getTime() - 11 * DAY));
  await recordKpiEvidence(db, { actorId: managerId, userId: learnerId, metric: 'target-attainment', valuePercent: 104, period: '2026-Q3', note: 'CRM', now });
  await signOff(db, { actorId: managerId, userId: learnerId, levelId: 'mid', note: '', now });
}

describe('who may manage whom', () => {
  it('lets a manager reach their own team and every team nested below it, and nobody else', async () => {
    const { manager, learner } = await organisation(t.db);
    const nested = await insertUser(t.db, { name: 'Nested' });
    const outsider = await insertUser(t.db, { name: 'Outsider' });
    const otherManager = await insertUser(t.db, { role: 'manager' });
    await team(t.db, 'east-a', null, [nested.id], 'east');
    await team(t.db, 'north', otherManager.id, [outsider.id]);

    expect((await teamsVisibleTo(t.db, manager)).map((x) => x.id).sort()).toEqual(['east', 'east-a']);
    expect(await mayManagePerson(t.db, manager, learner.id)).toBe(true);
    expect(await mayManagePerson(t.db, manager, nested.id)).toBe(true);
    expect(await mayManagePerson(t.db, manager, outsider.id)).toBe(false);
    expect(await mayManagePerson(t.db, otherManager, learner.id)).toBe(false);
    expect(await mayManagePerson(t.db, manager, 'no-such-person')).toBe(false);
    expect((await teamWithDescendants(t.db, 'east')).sort()).toEqual(['east', 'east-a']);
  });

  it('lets an admin reach everyone but themselves, and a learner or trainer nobody', async () => {
    const { admin, learner, manager } = await organisation(t.db);
    const trainer = await insertUser(t.db, { role: 'trainer' });
    expect(await mayManagePerson(t.db, admin, learner.id)).toBe(true);
    expect(await mayManagePerson(t.db, admin, manager.id)).toBe(true);
    expect(await mayManagePerson(t.db, admin, admin.id)).toBe(false);
    expect(await mayManagePerson(t.db, { id: learner.id, role: 'learner' }, learner.id)).toBe(false);
    expect(await mayManagePerson(t.db, trainer, learner.id)).toBe(false);
    expect(await teamsVisibleTo(t.db, trainer)).toEqual([]);
    expect((await teamsVisibleTo(t.db, admin)).map((x) => x.id)).toEqual(['east']);
  });

  it('does not let a manager on their own team manage themselves', async () => {
    const { manager } = await organisation(t.db);
    await t.db.insert(teamMembers).values({ userId: manager.id, teamId: 'east' });
    expect(await mayManagePerson(t.db, manager, manager.id)).toBe(false);
  });

  it('survives a cycle in the team tree', async () => {
    const manager = await insertUser(t.db, { role: 'manager' });
    await team(t.db, 'a', manager.id, [], 'b');
    await team(t.db, 'b', null, [], 'a');
    expect((await teamsVisibleTo(t.db, manager)).map((x) => x.id).sort()).toEqual(['a', 'b']);
  });

  it('lists only active members', async () => {
    const { learner } = await organisation(t.db);
    const gone = await insertUser(t.db, { active: false });
    await t.db.insert(teamMembers).values({ userId: gone.id, teamId: 'east' });
    expect((await membersOf(t.db, ['east'])).map((p) => p.id)).toEqual([learner.id]);
  });
});

describe('loading records', () => {
  it('gathers completions, quiz best and average, exercise best over submitted attempts, evidence and activity', async () => {
    const { manager, learner } = await organisation(t.db);
    await makeReady(t.db, learner.id, manager.id);
    const base = { userId: learner.id, exerciseId: 'lead-grading', state: {}, startedAt: now, updatedAt: now };
    await t.db.insert(exerciseAttempts).values([
      { ...base, id: 'e1', status: 'submitted', score: 7, maxScore: 10, percent: 70, finishedAt: now },
      { ...base, id: 'e2', status: 'in-progress', percent: 95, updatedAt: new Date(now.getTime() + 1000) },
    ]);
    await assign(t.db, { actorId: manager.id, userIds: [learner.id], targetType: 'course', targetId: 'basics', moduleIds: ['basics/one', 'basics/two'], dueAt: now, now });

    const loaded = (await loadLearnerRecords(t.db, learner.id))!;
    expect(loaded.person.name).toBe('Learner');
    const { record } = loaded;
    expect([...record.completions.keys()].sort()).toEqual(['basics/one', 'basics/two']);
    expect(record.quizzes.get('quiz-one')).toMatchObject({ best: 90, average: 75, attempts: 2 });
    // The in-progress attempt's provisional 95% is not a score.
    expect(record.exercises.get('lead-grading')).toEqual({ best: 70, attempts: 2, lastAt: new Date(now.getTime() + 1000) });
    expect(record.kpis).toMatchObject([{ metric: 'target-attainment', valuePercent: 104, period: '2026-Q3', recordedBy: manager.id }]);
    expect(record.signOffs).toMatchObject([{ levelId: 'mid', managerId: manager.id }]);
    expect(loaded.assignments).toMatchObject([{ targetType: 'course', targetId: 'basics' }]);
    expect(loaded.lastActivity).toEqual(new Date(now.getTime() + 1000));
    expect(readinessFor(mid, record, curriculum, now, ZONE).ready).toBe(true);
  });

  it('gives someone with no history an empty record and no activity', async () => {
    const { learner } = await organisation(t.db);
    const loaded = (await loadLearnerRecords(t.db, learner.id))!;
    expect(loaded.record.completions.size + loaded.record.quizzes.size + loaded.record.kpis.length).toBe(0);
    expect(loaded.lastActivity).toBeNull();
    expect(await loadLearnerRecords(t.db, 'nobody')).toBeUndefined();
  });

  it('loads a team of thirty in as many queries as a team of three', async () => {
    const manager = await insertUser(t.db, { role: 'manager' });
    const people = async (teamId: string, n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const u = await insertUser(t.db, { name: `${teamId}-${i}` });
        await completeModule(t.db, u.id, 'basics/one', now);
        await quiz(t.db, u.id, 'quiz-one', 50 + i, now);
        await recordKpiEvidence(t.db, { actorId: manager.id, userId: u.id, metric: 'growth-rate', valuePercent: i, period: '2026', note: '', now });
        ids.push(u.id);
      }
      await team(t.db, teamId, manager.id, ids);
    };
    await people('small', 3);
    await people('large', 30);

    const queriesFor = async (teamId: string) => {
      const execute = vi.spyOn(t.db.$client, 'execute');
      const batch = vi.spyOn(t.db.$client, 'batch');
      const views = await teamDashboard(t.db, { teamIds: [teamId], ladder, curriculum, now, zone: ZONE });
      const calls = execute.mock.calls.length + batch.mock.calls.length;
      execute.mockRestore();
      batch.mockRestore();
      return { calls, views };
    };
    const small = await queriesFor('small');
    const large = await queriesFor('large');
    expect(small.views).toHaveLength(3);
    expect(large.views).toHaveLength(30);
    expect(large.calls).toBe(small.calls);
    // One query per table read (members, completions, quizzes, exercises, KPIs, sign-offs,
    // promotions, assignments, events, review answers, observations), never one per person.
    expect(large.calls).toBeLessThanOrEqual(11);
    expect(large.views.every((v) => v.records.record.quizzes.get('quiz-one') !== undefined)).toBe(true);
  });
});

describe('recording evidence and signing off', () => {
  it('stores KPI evidence with an audit row holding the previous latest value as "before"', async () => {
    const { manager, learner } = await organisation(t.db);
    await recordKpiEvidence(t.db, { actorId: manager.id, userId: learner.id, metric: 'target-attainment', valuePercent: 92, period: '2026-Q2', note: 'Q2', now });
    await recordKpiEvidence(t.db, { actorId: manager.id, userId: learner.id, metric: 'target-attainment', valuePercent: 104, period: '2026-Q3', note: 'CRM report', now });
    expect(await t.db.select().from(kpiEvidence).all()).toHaveLength(2);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectUserId, learner.id)).orderBy(auditLog.id).all();
    expect(audit.map((a) => a.action)).toEqual(['kpi.recorded', 'kpi.recorded']);
    expect(audit[1]).toMatchObject({
      actorId: manager.id,
      before: { metric: 'target-attainment', valuePercent: 92, period: '2026-Q2' },
      after: { metric: 'target-attainment', valuePercent: 104, period: '2026-Q3', note: 'CRM report' },
      at: now,
    });
    expect(audit[0]!.before).toBeNull();
  });

  it('writes nothing, not even the evidence, when the audit row cannot be written', async () => {
    const { learner } = await organisation(t.db);
    // An actor who does not exist breaks a foreign key; the whole transaction must roll back.
    await expect(
      recordKpiEvidence(t.db, { actorId: 'ghost', userId: learner.id, metric: 'growth-rate', valuePercent: 5, period: '2026', note: '', now }),
    ).rejects.toThrow();
    expect(await t.db.select().from(kpiEvidence).all()).toEqual([]);
    expect(await t.db.select().from(auditLog).all()).toEqual([]);
  });

  it('records a sign-off for the next level with an audit row', async () => {
    const { manager, learner } = await organisation(t.db);
    await signOff(t.db, { actorId: manager.id, userId: learner.id, levelId: 'mid', note: 'ready', now });
    expect(await t.db.select().from(signOffs).all()).toMatchObject([{ userId: learner.id, levelId: 'mid', managerId: manager.id, note: 'ready', at: now }]);
    expect(await t.db.select().from(auditLog).all()).toMatchObject([
      { actorId: manager.id, action: 'sign-off.given', subjectUserId: learner.id, before: { levelId: 'junior' }, after: { signedOffFor: 'mid' } },
    ]);
  });

  it('refuses evidence about a person who does not exist', async () => {
    const { manager } = await organisation(t.db);
    await expect(
      recordKpiEvidence(t.db, { actorId: manager.id, userId: 'nobody', metric: 'growth-rate', valuePercent: 5, period: '2026', note: '', now }),
    ).rejects.toBeInstanceOf(PromotionError);
  });
});

describe('promoting', () => {
  const isReady = (record: Parameters<typeof readinessFor>[1]) => readinessFor(mid, record, curriculum, now, ZONE).ready;

  it('promotes a ready person: new level from now, a promotion row and an audit row with before and after', async () => {
    const { manager, learner } = await organisation(t.db);
    await makeReady(t.db, learner.id, manager.id);
    await promote(t.db, { actorId: manager.id, userId: learner.id, fromLevelId: 'junior', toLevelId: 'mid', now, isReady });

    const user = await t.db.select().from(users).where(eq(users.id, learner.id)).get();
    expect(user).toMatchObject({ levelId: 'mid', levelSince: now });
    expect(await t.db.select().from(promotions).all()).toMatchObject([{ userId: learner.id, fromLevelId: 'junior', toLevelId: 'mid', promotedBy: manager.id, at: now }]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'promotion')).all();
    expect(audit).toMatchObject([
      { actorId: manager.id, subjectUserId: learner.id, before: { levelId: 'junior', levelSince: learner.levelSince.toISOString() }, after: { levelId: 'mid', levelSince: now.toISOString() } },
    ]);
  });

  it('refuses someone who is not ready and writes nothing', async () => {
    const { manager, learner } = await organisation(t.db);
    await completeModule(t.db, learner.id, 'basics/one', now);
    const error = await promote(t.db, { actorId: manager.id, userId: learner.id, fromLevelId: 'junior', toLevelId: 'mid', now, isReady }).catch((e) => e);
    expect(error).toBeInstanceOf(PromotionError);
    expect(error.code).toBe('NOT_READY');
    expect((await t.db.select().from(users).where(eq(users.id, learner.id)).get())?.levelId).toBe('junior');
    expect(await t.db.select().from(promotions).all()).toEqual([]);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'promotion')).all()).toEqual([]);
  });

  it('promotes once when the same promotion is sent twice', async () => {
    const { manager, learner } = await organisation(t.db);
    await makeReady(t.db, learner.id, manager.id);
    const attempt = () => promote(t.db, { actorId: manager.id, userId: learner.id, fromLevelId: 'junior', toLevelId: 'mid', now, isReady });
    await attempt();
    await expect(attempt()).rejects.toMatchObject({ code: 'LEVEL_CHANGED' });
    expect(await t.db.select().from(promotions).all()).toHaveLength(1);
  });

  it('rolls the level change back when the promotion cannot be recorded', async () => {
    const { manager, learner } = await organisation(t.db);
    await makeReady(t.db, learner.id, manager.id);
    await expect(promote(t.db, { actorId: 'ghost', userId: learner.id, fromLevelId: 'junior', toLevelId: 'mid', now, isReady })).rejects.toThrow();
    expect((await t.db.select().from(users).where(eq(users.id, learner.id)).get())?.levelId).toBe('junior');
  });

  it('treats an earlier sign-off as spent once the person moved up', async () => {
    const { manager, learner } = await organisation(t.db);
    await makeReady(t.db, learner.id, manager.id);
    const promotedAt = new Date(now.getTime() + 60_000);
    await promote(t.db, { actorId: manager.id, userId: learner.id, fromLevelId: 'junior', toLevelId: 'mid', now: promotedAt, isReady });
    const later = new Date(now.getTime() + DAY);
    const senior = { id: 'mid', criteria: { ...noCriteria, managerSignOff: true } };
    const { record } = (await loadLearnerRecords(t.db, learner.id))!;
    expect(readinessFor(senior, record, curriculum, later, ZONE).ready).toBe(false);
  });
});

describe('assignments', () => {
  it('assigns to several people at once, moves the due date on a repeat, and audits each', async () => {
    const { manager, learner } = await organisation(t.db);
    const other = await insertUser(t.db);
    const first = await assign(t.db, { actorId: manager.id, userIds: [learner.id, other.id], targetType: 'module', targetId: 'basics/one', moduleIds: ['basics/one'], dueAt: new Date(now.getTime() + DAY), now });
    expect(first).toEqual({ created: 2, updated: 0 });
    const again = await assign(t.db, { actorId: manager.id, userIds: [learner.id], targetType: 'module', targetId: 'basics/one', moduleIds: ['basics/one'], dueAt: new Date(now.getTime() + 5 * DAY), now });
    expect(again).toEqual({ created: 0, updated: 1 });
    const rows = await t.db.select().from(assignments).where(eq(assignments.userId, learner.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dueAt).toEqual(new Date(now.getTime() + 5 * DAY));
    const audit = await t.db.select().from(auditLog).orderBy(auditLog.id).all();
    expect(audit.map((a) => a.action)).toEqual(['assignment.created', 'assignment.created', 'assignment.updated']);
    expect(audit[2]).toMatchObject({
      before: { dueAt: new Date(now.getTime() + DAY).toISOString() },
      after: { targetType: 'module', targetId: 'basics/one', moduleIds: ['basics/one'], dueAt: new Date(now.getTime() + 5 * DAY).toISOString() },
    });
  });

  it('skips ids that are not people and assigns nothing for an empty list', async () => {
    const { manager, learner } = await organisation(t.db);
    expect(await assign(t.db, { actorId: manager.id, userIds: [learner.id, 'nobody'], targetType: 'course', targetId: 'basics', moduleIds: ['basics/one', 'basics/two'], dueAt: now, now })).toEqual({ created: 1, updated: 0 });
    expect(await assign(t.db, { actorId: manager.id, userIds: [], targetType: 'course', targetId: 'basics', moduleIds: ['basics/one', 'basics/two'], dueAt: now, now })).toEqual({ created: 0, updated: 0 });
  });

  it('flags an unfinished assignment past its due date as overdue on the team dashboard', async () => {
    const { manager, learner } = await organisation(t.db);
    await assign(t.db, { actorId: manager.id, userIds: [learner.id], targetType: 'course', targetId: 'basics', moduleIds: ['basics/one', 'basics/two'], dueAt: new Date(now.getTime() - DAY), now: new Date(now.getTime() - 10 * DAY) });
    await assign(t.db, { actorId: manager.id, userIds: [learner.id], targetType: 'module', targetId: 'basics/one', moduleIds: ['basics/one'], dueAt: new Date(now.getTime() - DAY), now: new Date(now.getTime() - 10 * DAY) });
    await completeModule(t.db, learner.id, 'basics/one', new Date(now.getTime() - 2 * DAY));
    const [view] = await teamDashboard(t.db, { teamIds: ['east'], ladder, curriculum, now, zone: ZONE });
    expect(view!.assignments.map((a) => [a.targetId, a.progress.status])).toEqual([
      ['basics', 'overdue'],
      ['basics/one', 'done'],
    ]);
    expect(view!.row).toMatchObject({ overdue: 1, openAssignments: 1 });
  });
});

describe('an assignment keeps its meaning', () => {
  it('stays done on time after the course gains a module, and says the course has grown', async () => {
    const { manager, learner } = await organisation(t.db);
    const assignedAt = new Date(now.getTime() - 10 * DAY);
    await assign(t.db, { actorId: manager.id, userIds: [learner.id], targetType: 'course', targetId: 'basics', moduleIds: currentModules('course', 'basics', curriculum), dueAt: new Date(now.getTime() - DAY), now: assignedAt });
    await completeModule(t.db, learner.id, 'basics/one', new Date(now.getTime() - 3 * DAY));
    await completeModule(t.db, learner.id, 'basics/two', new Date(now.getTime() - 2 * DAY));

    // A trainer adds a third module to the course after the work was done.
    const grown: CurriculumIndex = { ...curriculum, courseModules: new Map([['basics', ['basics/one', 'basics/two', 'basics/three']]]) };
    const [view] = await teamDashboard(t.db, { teamIds: ['east'], ladder, curriculum: grown, now, zone: ZONE });
    expect(view!.assignments[0]!.moduleIds).toEqual(['basics/one', 'basics/two']);
    expect(view!.assignments[0]!.progress).toMatchObject({ status: 'done', late: false, done: 2, total: 2, addedSince: 1 });
    expect(view!.row).toMatchObject({ overdue: 0, openAssignments: 0 });

    // Assigning it again asks for the course as it is now, and the audit row says what changed.
    await assign(t.db, { actorId: manager.id, userIds: [learner.id], targetType: 'course', targetId: 'basics', moduleIds: currentModules('course', 'basics', grown), dueAt: new Date(now.getTime() + DAY), now });
    const [again] = await teamDashboard(t.db, { teamIds: ['east'], ladder, curriculum: grown, now, zone: ZONE });
    expect(again!.assignments[0]!.progress).toMatchObject({ status: 'open', done: 2, total: 3, addedSince: 0 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'assignment.updated')).all();
    expect(audit[0]).toMatchObject({ before: { moduleIds: ['basics/one', 'basics/two'] }, after: { moduleIds: ['basics/one', 'basics/two', 'basics/three'] } });
  });

  it('judges an assignment made before snapshots were kept by the course as it is now', async () => {
    const { manager, learner } = await organisation(t.db);
    await t.db.insert(assignments).values({ id: 'old', userId: learner.id, targetType: 'course', targetId: 'basics', dueAt: new Date(now.getTime() - DAY), assignedBy: manager.id });
    await completeModule(t.db, learner.id, 'basics/one', new Date(now.getTime() - 3 * DAY));
    await completeModule(t.db, learner.id, 'basics/two', new Date(now.getTime() - 2 * DAY));
    const [view] = await teamDashboard(t.db, { teamIds: ['east'], ladder, curriculum, now, zone: ZONE });
    expect(view!.assignments[0]!.progress).toMatchObject({ status: 'done', total: 2, addedSince: 0 });
  });
});

describe('team dashboard', () => {
  it('shows each member against their next level, with last activity from any learning event', async () => {
    const { manager, learner } = await organisation(t.db);
    await makeReady(t.db, learner.id, manager.id);
    const top = await insertUser(t.db, { name: 'Top', levelId: 'mid' });
    await t.db.insert(teamMembers).values({ userId: top.id, teamId: 'east' });
    const late = new Date(now.getTime() + 5000);
    await t.db.insert(learningEvents).values({ userId: learner.id, type: 'module.viewed', subject: 'basics/two', at: late });

    const views = await teamDashboard(t.db, { teamIds: ['east'], ladder, curriculum, now, zone: ZONE });
    const byName = new Map(views.map((v) => [v.person.name, v.row]));
    expect(byName.get('Learner')).toMatchObject({ nextLevelId: 'mid', lastActivity: late, readiness: { ready: true, met: 5, total: 5 } });
    expect(byName.get('Learner')!.byKind).toMatchObject({ course: { met: 1, total: 1 }, kpi: { met: 1, total: 1 } });
    // At the top of this two-rung ladder there is no next level to be ready for.
    expect(byName.get('Top')).toMatchObject({ nextLevelId: null, readiness: null, byKind: null, lastActivity: null });
  });

  it('loads nothing for an empty set of people', async () => {
    expect((await loadRecords(t.db, [])).size).toBe(0);
    expect(await teamDashboard(t.db, { teamIds: [], ladder, curriculum, now, zone: ZONE })).toEqual([]);
  });
});
