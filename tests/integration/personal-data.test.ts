import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, certificates, erasures, exerciseAttempts, invites, kpiEvidence, quizAttempts, quizDrafts, sessions, signOffs, teamMembers, teams, users } from '../../db/schema';
import { recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { recordKpiEvidence, signOff } from '../../src/lib/promotion/server/decisions';
import { completeModule } from '../../src/lib/learning-records/server/progress';
import { setActive } from '../../src/lib/people/server/admin-users';
import { collectPersonalData } from '../../src/lib/personal-data/server/export';
import { erasePerson } from '../../src/lib/personal-data/server/erase';
import { applyRetention, dueForErasure, startRetentionJob } from '../../src/lib/personal-data/server/retention';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const zone = 'Asia/Shanghai';
const now = new Date('2026-06-01T02:00:00Z');
const FREE_TEXT = '客户说预算只有十二万，我先报了折扣';

/** A learner with something in every table that can hold their data. */
async function departedLearner() {
  const admin = await insertUser(t.db, { name: 'Admin', role: 'admin', email: 'admin@test.academy' });
  const manager = await insertUser(t.db, { name: '王经理', role: 'manager', email: 'boss@test.academy' });
  const person = await insertUser(t.db, { name: '张三丰', email: 'zhang.sanfeng@test.academy', employeeNumber: 'E7788', passwordHash: 'argon2id$fake' });
  await t.db.insert(teams).values({ id: 'east', name: '华东一组', managerId: manager.id });
  await t.db.insert(teamMembers).values({ userId: person.id, teamId: 'east' });
  const result = { score: 1, maxScore: 2, percent: 50, passed: false, passPercent: 70, questions: [{ type: 'numeric', questionId: 'q1', correct: false, given: FREE_TEXT, explanation: '按底价计算', key: 'k1' }] } as never;
  await recordQuizAttempt(t.db, { userId: person.id, quizId: 'lead-grading', answers: { q1: FREE_TEXT, q2: 'option-b', q3: ['a', 'c'] }, result, startedAt: now, finishedAt: now });
  await t.db.insert(quizDrafts).values({ userId: person.id, quizId: 'other', seed: 1, answers: { q1: '草稿里的话' }, updatedAt: now });
  await t.db.insert(exerciseAttempts).values({ id: 'ex1', userId: person.id, exerciseId: 'discount-floor', status: 'submitted', state: { notes: FREE_TEXT, choices: ['opening-b'] }, result: { percent: 80 }, score: 4, maxScore: 5, percent: 80, startedAt: now, updatedAt: now, finishedAt: now });
  await completeModule(t.db, person.id, 'sales-workflow/lead-grading', now);
  await recordKpiEvidence(t.db, { actorId: manager.id, userId: person.id, metric: 'target-attainment', valuePercent: 104, period: '2026-05', note: '张三丰的大客户续约', now });
  await signOff(t.db, { actorId: manager.id, userId: person.id, levelId: 'mid', note: '张三丰表现很好', now });
  await t.db.insert(certificates).values({ id: 'cert-1', userId: person.id, kind: 'course', subjectId: 'sales-workflow', recipientName: '张三丰', title: { zh: '销售流程', en: 'Sales workflow' }, achievedAt: now, issuedAt: now });
  await t.db.insert(invites).values({ tokenHash: 'h', email: 'zhang.sanfeng@test.academy', name: '张三丰', role: 'learner', levelId: 'junior', createdBy: admin.id, expiresAt: now });
  await t.db.insert(sessions).values({ id: 's1', userId: person.id, secretHash: Buffer.from('x'), expiresAt: new Date(now.getTime() + 1e9) });
  await t.db.insert(auditLog).values({ actorId: admin.id, action: 'invite.created', subjectUserId: null, before: null, after: { email: 'Zhang.Sanfeng@test.academy', name: '张三丰', role: 'learner' }, at: now });
  await t.db.insert(auditLog).values({ actorId: admin.id, action: 'user.created', subjectUserId: person.id, before: null, after: { email: 'zhang.sanfeng@test.academy', name: '张三丰', role: 'learner' }, at: now });
  return { admin, manager, person };
}

describe('personal data', () => {
  it('exports everything held about a person, their answers included, and nothing secret or about others', async () => {
    const { admin, person } = await departedLearner();
    const data = await collectPersonalData(t.db, person.id, now);
    const text = JSON.stringify(data);
    expect(text).toContain(FREE_TEXT);
    expect(text).toContain('草稿里的话');
    expect(text).toContain('张三丰的大客户续约');
    expect(text).toContain('张三丰表现很好');
    expect(text).toContain('E7788');
    expect(text).not.toContain('argon2id$fake');
    expect(data!.profile).toMatchObject({ name: '张三丰', email: 'zhang.sanfeng@test.academy', hasPassword: true });
    expect(data!.teams).toMatchObject([{ teamName: '华东一组' }]);
    expect(data!.quizAttempts).toHaveLength(1);
    expect(data!.exerciseAttempts).toHaveLength(1);
    expect(data!.moduleCompletions).toHaveLength(1);
    expect(data!.kpiEvidence).toMatchObject([{ valuePercent: 104, recordedBy: { name: '王经理' } }]);
    expect(data!.signOffs).toHaveLength(1);
    expect(data!.certificates).toHaveLength(1);
    expect(data!.invites).toHaveLength(1);
    expect(data!.sessions).toHaveLength(1);
    expect(data!.auditEntries.map((a) => a.action)).toEqual(expect.arrayContaining(['invite.created', 'user.created', 'kpi.recorded', 'sign-off.given']));
    // What an admin logged about other people is theirs, not in the admin's own export.
    await t.db.insert(auditLog).values({ actorId: admin.id, action: 'invite.created', subjectUserId: null, before: null, after: { email: 'someone.else@test.academy', name: '别人' }, at: now });
    const adminData = JSON.stringify(await collectPersonalData(t.db, admin.id, now));
    expect(adminData).toContain('invite.created');
    expect(adminData).not.toContain('someone.else@test.academy');
    expect(adminData).not.toContain('张三丰');
  });

  it('erases a deactivated person’s name, address, words and notes and keeps their scores, dates and team', async () => {
    const { admin, person } = await departedLearner();
    expect(await erasePerson(t.db, person.id, { actorId: admin.id, reason: 'admin', now })).toEqual({ ok: false, reason: 'active' });
    await setActive(t.db, admin.id, person.id, false, now);
    const outcome = await erasePerson(t.db, person.id, { actorId: admin.id, reason: 'admin', now });
    expect(outcome.ok).toBe(true);

    const erased = (await t.db.select().from(users).where(eq(users.id, person.id)).get())!;
    expect(erased.name).toMatch(/^已删除的人员 #[0-9a-f]{4} \/ Erased person #[0-9a-f]{4}$/);
    expect(erased.email).toMatch(/^erased-[0-9a-f]{16}@erased\.invalid$/);
    expect(erased).toMatchObject({ employeeNumber: null, passwordHash: null, active: false });

    // Nothing of theirs is left anywhere in the database, in any table.
    const dump = JSON.stringify(
      await Promise.all(['users', 'quiz_attempts', 'quiz_drafts', 'exercise_attempts', 'kpi_evidence', 'sign_offs', 'certificates', 'invites', 'sessions', 'audit_log', 'learning_events'].map((table) => t.db.$client.execute(`SELECT * FROM ${table}`).then((r) => r.rows))),
    );
    for (const trace of ['张三丰', 'zhang.sanfeng', 'E7788', FREE_TEXT, '草稿里的话']) expect(dump).not.toContain(trace);

    // Scores, dates, KPI values, team and the chosen options stay, so the numbers stay true.
    const attempt = (await t.db.select().from(quizAttempts).where(eq(quizAttempts.userId, person.id)).get())!;
    expect(attempt).toMatchObject({ percent: 50, passed: false, answers: { q1: null, q2: 'option-b', q3: ['a', 'c'] } });
    // The per-question verdicts the trainers' tallies read are kept; only the learner's words go.
    expect(attempt.result).toEqual([{ questionId: 'q1', correct: false, chosen: [], given: null, key: 'k1' }]);
    expect(await t.db.select({ percent: exerciseAttempts.percent, state: exerciseAttempts.state }).from(exerciseAttempts)).toEqual([{ percent: 80, state: { notes: null, choices: ['opening-b'] } }]);
    expect(await t.db.select({ v: kpiEvidence.valuePercent, note: kpiEvidence.note }).from(kpiEvidence)).toEqual([{ v: 104, note: '' }]);
    expect(await t.db.select({ note: signOffs.note }).from(signOffs)).toEqual([{ note: '' }]);
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, person.id))).toHaveLength(1);
    expect(await t.db.select().from(erasures)).toEqual([{ userId: person.id, erasedAt: now }]);

    const entry = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'person.erased')).get())!;
    expect(entry).toMatchObject({ actorId: admin.id, subjectUserId: person.id, after: { tag: erased.name.slice(8, 12), by: 'admin' } });
    expect(await erasePerson(t.db, person.id, { actorId: admin.id, reason: 'admin', now })).toEqual({ ok: false, reason: 'already-erased' });
    expect(await erasePerson(t.db, admin.id, { actorId: admin.id, reason: 'admin', now })).toEqual({ ok: false, reason: 'self' });
  });

  it('erases accounts deactivated longer ago than the retention period, and no others', async () => {
    const { admin, person } = await departedLearner();
    const recent = await insertUser(t.db, { name: '李四', email: 'li.si@test.academy' });
    const active = await insertUser(t.db, { name: '王五', email: 'wang.wu@test.academy' });
    await setActive(t.db, admin.id, person.id, false, new Date('2024-05-01T00:00:00Z'));
    await setActive(t.db, admin.id, recent.id, false, new Date('2026-03-01T00:00:00Z'));
    expect(await dueForErasure(t.db, 24, now, zone)).toEqual([person.id]);
    expect(await applyRetention(t.db, 24, now, zone)).toBe(1);
    const names = new Map((await t.db.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
    expect(names.get(person.id)).toMatch(/^已删除的人员/);
    expect(names.get(recent.id)).toBe('李四');
    expect(names.get(active.id)).toBe('王五');
    expect(await t.db.select({ actorId: auditLog.actorId, after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'person.erased'))).toEqual([{ actorId: person.id, after: { tag: expect.any(String), by: 'retention' } }]);
    // A second pass finds nobody new.
    expect(await applyRetention(t.db, 24, now, zone)).toBe(0);
  });


  it('runs the retention job in one instance only: the one holding the lease', async () => {
    const { admin, person } = await departedLearner();
    await setActive(t.db, admin.id, person.id, false, new Date('2020-01-01T00:00:00Z'));
    const first = startRetentionJob(t.db, 12, zone);
    const second = startRetentionJob(t.db, 12, zone);
    try {
      expect(await first.runOnce()).toBe(1);
      // The second instance does not hold the lease, so it does nothing, even with work to do.
      await setActive(t.db, admin.id, (await insertUser(t.db, { email: 'late@test.academy' })).id, false, new Date('2020-01-01T00:00:00Z'));
      expect(await second.runOnce()).toBe(0);
      expect(await first.runOnce()).toBe(1);
    } finally {
      first.stop();
      second.stop();
    }
  });
});
