/**
 * Coaching on a real libSQL file: observations only for the manager's own team, acknowledged and
 * answered by the learner, replay comments on steps that exist; every write audit-logged, every
 * refusal leaving nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, exerciseAttempts, observationReplies, observations, replayComments, teamMembers, teams } from '../../db/schema';
import {
  acknowledgeObservation,
  CoachingError,
  commentOnStep,
  commentsOn,
  observationsOf,
  reachableAttempt,
  recordObservation,
  replyToObservation,
} from '../../src/lib/coaching/server/store';
import { checkScores } from '../../src/lib/coaching/scores';
import { buildReplay } from '../../src/lib/coaching/replay';
import { rubricSchema } from '../../src/schemas/rubric';
import { exerciseSchema } from '../../src/schemas/exercise';
import type { RoleplayExercise } from '../../src/schemas/exercises/roleplay';
import { scoreExercise } from '../../src/lib/exercises';
import { loadRecords } from '../../src/lib/promotion/server/learner-records';
import { readinessFor } from '../../src/lib/promotion/readiness';
import { setActive } from '../../src/lib/people/server/admin-users';
import { erasePerson } from '../../src/lib/personal-data/server/erase';
import { users } from '../../db/schema';

const visit = rubricSchema.parse(parseYaml(readFileSync('content/rubrics/customer-visit.yaml', 'utf8')));
const scenario = exerciseSchema.parse(parseYaml(readFileSync('content/exercises/discount-floor-negotiation.yaml', 'utf8'))) as RoleplayExercise;
const NOW = new Date('2026-11-30T04:00:00Z');

let t: TestDatabase;
let manager: { id: string; role: 'manager' };
let otherManager: { id: string; role: 'manager' };
let learner: { id: string; role: 'learner' };
let outsider: { id: string; role: 'learner' };

beforeEach(async () => {
  t = await createTestDatabase();
  const ids = await Promise.all([
    insertUser(t.db, { role: 'manager', name: 'Manager' }),
    insertUser(t.db, { role: 'manager', name: 'Other manager' }),
    insertUser(t.db, { role: 'learner', name: 'Learner' }),
    insertUser(t.db, { role: 'learner', name: 'Outsider' }),
  ]);
  manager = { id: ids[0].id, role: 'manager' };
  otherManager = { id: ids[1].id, role: 'manager' };
  learner = { id: ids[2].id, role: 'learner' };
  outsider = { id: ids[3].id, role: 'learner' };
  await t.db.insert(teams).values([
    { id: 'east', name: 'East', managerId: manager.id },
    { id: 'north', name: 'North', managerId: otherManager.id },
  ]);
  await t.db.insert(teamMembers).values([
    { userId: learner.id, teamId: 'east' },
    { userId: outsider.id, teamId: 'north' },
  ]);
});
afterEach(() => t.close());

const scored = (levels: string[]) => {
  const checked = checkScores(visit, visit.criteria.map((c) => c.id), levels, visit.criteria.map(() => 'seen'));
  if (!checked.ok) throw new Error(checked.problem);
  return checked;
};
const observe = (actor: { id: string; role: 'manager' | 'learner' }, userId: string, levels = ['3', '3', '2', '2', '2', '3'], observedOn = '2026-11-28') => {
  const { scores, average } = scored(levels);
  return recordObservation(t.db, { actor, userId, rubricId: 'customer-visit', kind: 'ride-along', observedOn, scores, averageLevel: average, now: NOW });
};
const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof CoachingError ? e.code : e));

describe('observations', () => {
  it('a manager records one for their own team member, audit-logged, and the learner sees it', async () => {
    const { id } = await observe(manager, learner.id);
    const [row] = await observationsOf(t.db, learner.id);
    expect(row).toMatchObject({ id, managerId: manager.id, managerName: 'Manager', rubricId: 'customer-visit', observedOn: '2026-11-28', acknowledgedAt: null });
    expect(row!.averageLevel).toBeCloseTo(2.5);
    expect(row!.scores).toHaveLength(6);
    const audit = await auditOf('observation.recorded');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: manager.id, subjectUserId: learner.id });
  });

  it('is refused, with nothing stored, for someone outside the manager’s team, for a learner, or for oneself', async () => {
    expect(await refusal(observe(manager, outsider.id))).toBe('NOT_FOUND');
    expect(await refusal(observe(learner as never, outsider.id))).toBe('NOT_FOUND');
    expect(await refusal(observe(manager, manager.id))).toBe('NOT_FOUND');
    expect(await t.db.select().from(observations)).toEqual([]);
    expect(await auditOf('observation.recorded')).toEqual([]);
  });

  it('refuses levels out of the rubric’s range, missing or unknown criteria before anything is stored', () => {
    const ids = visit.criteria.map((c) => c.id);
    const notes = ids.map(() => '');
    expect(checkScores(visit, ids, ['5', '3', '3', '3', '3', '3'], notes)).toMatchObject({ ok: false, problem: expect.stringContaining('from 1 to 4') });
    expect(checkScores(visit, ids, ['0', '3', '3', '3', '3', '3'], notes).ok).toBe(false);
    expect(checkScores(visit, ids, ['2.5', '3', '3', '3', '3', '3'], notes).ok).toBe(false);
    expect(checkScores(visit, ids.slice(1), ['3', '3', '3', '3', '3'], notes.slice(1))).toMatchObject({ ok: false, problem: 'criterion "preparation" has no level' });
    expect(checkScores(visit, [...ids, 'charm'], ['3', '3', '3', '3', '3', '3', '3'], notes)).toMatchObject({ ok: false, problem: 'the rubric has no criterion "charm"' });
    // Full-width digits, as a Chinese IME types them, are read as levels.
    expect(checkScores(visit, ids, ['４', '３', '３', '３', '３', '３'], notes)).toMatchObject({ ok: true, average: 19 / 6 });
  });

  it('the learner acknowledges once (a second time changes nothing); nobody else can', async () => {
    const { id } = await observe(manager, learner.id);
    expect(await refusal(acknowledgeObservation(t.db, manager, id, NOW))).toBe('NOT_FOUND');
    expect(await refusal(acknowledgeObservation(t.db, outsider, id, NOW))).toBe('NOT_FOUND');
    expect(await acknowledgeObservation(t.db, learner, id, NOW)).toEqual({ acknowledgedAt: NOW, already: false });
    expect(await acknowledgeObservation(t.db, learner, id, new Date(NOW.getTime() + 1000))).toEqual({ acknowledgedAt: NOW, already: true });
    expect(await auditOf('observation.acknowledged')).toHaveLength(1);
    expect((await observationsOf(t.db, learner.id))[0]!.acknowledgedAt).toEqual(NOW);
  });

  it('the learner and their manager reply; another manager and another learner cannot', async () => {
    const { id } = await observe(manager, learner.id);
    await replyToObservation(t.db, learner, id, '谢谢，下次我先准备问题。', NOW);
    await replyToObservation(t.db, manager, id, 'Good plan.', new Date(NOW.getTime() + 60_000));
    expect(await refusal(replyToObservation(t.db, otherManager, id, 'nosy', NOW))).toBe('NOT_FOUND');
    expect(await refusal(replyToObservation(t.db, outsider, id, 'nosy', NOW))).toBe('NOT_FOUND');
    expect(await refusal(replyToObservation(t.db, learner, 'no-such-observation', 'hello', NOW))).toBe('NOT_FOUND');
    const [row] = await observationsOf(t.db, learner.id);
    expect(row!.replies.map((r) => [r.authorName, r.body])).toEqual([
      ['Learner', '谢谢，下次我先准备问题。'],
      ['Manager', 'Good plan.'],
    ]);
    expect(await t.db.select().from(observationReplies)).toHaveLength(2);
    expect(await auditOf('observation.replied')).toHaveLength(2);
  });

  it('feed the rubric criterion of readiness through the learner’s records', async () => {
    await observe(manager, learner.id, ['3', '3', '3', '3', '3', '3'], '2026-11-01');
    await observe(manager, learner.id, ['4', '3', '3', '3', '3', '3'], '2026-11-10');
    const target = { id: 'senior', criteria: { modules: [], courses: [], quizScoreMode: 'best' as const, exercises: [], kpis: [], minMonthsAtPreviousLevel: 0, managerSignOff: false, rubrics: [{ id: 'customer-visit', minAverage: 3, last: 3 }] } };
    const person = { id: learner.id, levelId: 'mid', levelSince: new Date('2026-01-01T00:00:00Z') };
    const before = readinessFor(target, (await loadRecords(t.db, [person])).get(learner.id)!.record, { courseModules: new Map(), moduleQuiz: new Map() }, NOW, 'Asia/Shanghai');
    expect(before.criteria[0]).toMatchObject({ kind: 'rubric', status: 'in-progress', counted: 2 });
    await observe(manager, learner.id, ['3', '3', '3', '3', '3', '3'], '2026-11-20');
    const after = readinessFor(target, (await loadRecords(t.db, [person])).get(learner.id)!.record, { courseModules: new Map(), moduleQuiz: new Map() }, NOW, 'Asia/Shanghai');
    expect(after.criteria[0]).toMatchObject({ status: 'met', counted: 3 });
    expect(after.ready).toBe(true);
  });
});

/** Walks the scenario taking the first choice everywhere: a finished conversation's choice ids. */
function firstChoicesToEnd(s: RoleplayExercise): string[] {
  const nodes = new Map(s.nodes.map((n) => [n.id, n]));
  const choices: string[] = [];
  let node = nodes.get(s.start)!;
  while (node.choices) {
    choices.push(node.choices[0]!.id);
    node = nodes.get(node.choices[0]!.to)!;
  }
  return choices;
}

async function submittedRoleplay(userId: string, status: 'submitted' | 'in-progress' = 'submitted') {
  const choices = firstChoicesToEnd(scenario);
  const answer = { type: 'roleplay' as const, choices };
  const result = scoreExercise(scenario, answer, 'zh')!;
  const id = crypto.randomUUID();
  await t.db.insert(exerciseAttempts).values({
    id, userId, exerciseId: 'discount-floor-negotiation', status, state: { seed: 1, answer }, result,
    score: result.score, maxScore: result.maxScore, percent: result.percent, startedAt: NOW, updatedAt: NOW, finishedAt: NOW,
  });
  return { id, choices };
}

describe('role-play replay', () => {
  it('shows the reached nodes and the choices taken, never another option or an unreached node', async () => {
    const { choices } = await submittedRoleplay(learner.id);
    for (const lang of ['zh', 'en'] as const) {
      const replay = buildReplay(scenario, choices, null, lang)!;
      expect(replay.steps).toHaveLength(choices.length);
      const text = JSON.stringify(replay);
      const reached = new Set<string>([scenario.start]);
      const taken = new Set(choices);
      for (const n of scenario.nodes) for (const c of n.choices ?? []) if (taken.has(c.id)) reached.add(c.to);
      for (const n of scenario.nodes) {
        if (!reached.has(n.id) && n.customer) expect(text, `unreached node ${n.id}`).not.toContain(n.customer[lang]);
        for (const c of n.choices ?? []) {
          if (taken.has(c.id)) continue;
          expect(text, `option not taken ${c.id}`).not.toContain(c.text[lang]);
          expect(text, `feedback of option not taken ${c.id}`).not.toContain(c.feedback[lang]);
        }
      }
      expect(text).not.toContain(scenario.debrief[lang]);
    }
  });

  it('a manager comments on a step of their team member’s attempt; the learner sees it; audit-logged', async () => {
    const { id, choices } = await submittedRoleplay(learner.id);
    await commentOnStep(t.db, { actor: manager, attemptId: id, step: 0, stepCount: choices.length, body: '问得好，先弄清数字来源。', now: NOW });
    expect((await reachableAttempt(t.db, learner, id)).id).toBe(id);
    expect(await commentsOn(t.db, id)).toMatchObject([{ step: 0, body: '问得好，先弄清数字来源。', authorName: 'Manager' }]);
    expect(await auditOf('replay.commented')).toMatchObject([{ actorId: manager.id, subjectUserId: learner.id }]);
  });

  it('refuses a step that does not exist, another team’s attempt, the learner’s own comment and unsubmitted attempts, storing nothing', async () => {
    const { id, choices } = await submittedRoleplay(learner.id);
    const comment = (actor: { id: string; role: 'manager' | 'learner' }, step: number, attemptId = id) =>
      refusal(commentOnStep(t.db, { actor, attemptId, step, stepCount: choices.length, body: 'x', now: NOW }));
    expect(await comment(manager, choices.length)).toBe('BAD_REQUEST');
    expect(await comment(manager, -1)).toBe('BAD_REQUEST');
    expect(await comment(manager, Number.NaN)).toBe('BAD_REQUEST');
    expect(await comment(otherManager, 0)).toBe('NOT_FOUND');
    expect(await comment(learner, 0)).toBe('NOT_FOUND');
    expect(await comment(manager, 0, '00000000-0000-4000-8000-000000000000')).toBe('NOT_FOUND');
    const open = await submittedRoleplay(learner.id, 'in-progress');
    expect(await comment(manager, 0, open.id)).toBe('NOT_FOUND');
    expect(await refusal(reachableAttempt(t.db, outsider, id))).toBe('NOT_FOUND');
    expect(await t.db.select().from(replayComments)).toEqual([]);
    expect(await auditOf('replay.commented')).toEqual([]);
  });
});

describe('a person who has left', () => {
  const closedTo = async (learnerId: string, attemptId: string, observationId: string) => ({
    observe: await refusal(observe(manager, learnerId)),
    comment: await refusal(commentOnStep(t.db, { actor: manager, attemptId, step: 0, stepCount: 1, body: '离职后的评论', now: NOW })),
    reply: await refusal(replyToObservation(t.db, manager, observationId, '离职后的回复', NOW)),
  });
  const closed = { observe: 'CONFLICT', comment: 'CONFLICT', reply: 'CONFLICT' };

  it('gets no new observation, step comment or reply once deactivated, and nothing is stored', async () => {
    const { id: attemptId } = await submittedRoleplay(learner.id);
    const { id: observationId } = await observe(manager, learner.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, learner.id));
    expect(await closedTo(learner.id, attemptId, observationId)).toEqual(closed);
    expect(await t.db.select().from(observations)).toHaveLength(1);
    expect(await t.db.select().from(replayComments)).toEqual([]);
    expect(await t.db.select().from(observationReplies)).toEqual([]);
  });

  it('gets none after erasure either, so no note brings their personal data back', async () => {
    const admin = await insertUser(t.db, { role: 'admin', name: 'Admin' });
    const { id: attemptId } = await submittedRoleplay(learner.id);
    const { id: observationId } = await observe(manager, learner.id);
    await setActive(t.db, admin.id, learner.id, false, NOW);
    expect((await erasePerson(t.db, learner.id, { actorId: admin.id, reason: 'admin', now: NOW })).ok).toBe(true);
    expect(await closedTo(learner.id, attemptId, observationId)).toEqual(closed);
    expect(await t.db.select().from(replayComments)).toEqual([]);
    expect(await t.db.select().from(observationReplies)).toEqual([]);
  });
});
