import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, certificates, erasures, exerciseAttempts, invites, kpiEvidence, kpiImportDrafts, observationReplies, observations, quizAttempts, quizDrafts, reminderPreferences, reminders, replayComments, reviewCards, reviewLogs, reviewSettings, sessions, signOffs, teamMembers, teams, users } from '../../db/schema';
import { commentOnStep, recordObservation, replyToObservation } from '../../src/lib/coaching/server/store';
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
  // Coaching and boosters: a note about them, the conversation under it, a comment on their role-play, a typed review answer.
  const { id: observationId } = await recordObservation(t.db, { actor: manager, userId: person.id, rubricId: 'discovery-call', kind: 'ride-along', observedOn: '2026-05-30', scores: [{ criterionId: 'questions', level: 2, note: '张三丰追问预算不够' }], averageLevel: 2, now });
  await replyToObservation(t.db, person, observationId, '我下次先问决策人', now);
  await replyToObservation(t.db, manager, observationId, '经理回复：好的，张三丰', now);
  await commentOnStep(t.db, { actor: manager, attemptId: 'ex1', step: 0, stepCount: 3, body: '开场太急，张三丰', now });
  await t.db.insert(reviewCards).values({ userId: person.id, cardId: 'lead-grading/q1', due: now, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: now, createdAt: now });
  await t.db.insert(reviewLogs).values({ id: 'rl1', userId: person.id, cardId: 'lead-grading/q1', dueAt: now, correct: false, answer: '大约十二万元左右吧', reviewedAt: now });
  await t.db.insert(reviewSettings).values({ userId: person.id, dailyCap: 17 });
  await t.db.insert(reminders).values({ id: 'rem1', userId: person.id, kind: 'observation-new', subject: observationId, period: '2026-05-30', data: { managerName: '王经理' }, createdAt: now });
  await t.db.insert(reminderPreferences).values({ userId: person.id, email: false, webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=zhang-robot', mutedKinds: ['manager-digest'], updatedAt: now });
  await t.db.insert(kpiImportDrafts).values({ id: 'kd1', actorId: person.id, fileName: '张三丰的KPI表.xlsx', fileHash: 'abc', rows: [], createdAt: now, expiresAt: new Date(now.getTime() + 1e6) });
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
    expect(data!.auditEntries.map((a) => a.action)).toEqual(expect.arrayContaining(['invite.created', 'user.created', 'kpi.recorded', 'sign-off.given', 'observation.recorded', 'replay.commented']));
    // Coaching, boosters, reminders and KPI files are theirs too.
    expect(data!.observations).toMatchObject([{ rubricId: 'discovery-call', scores: [{ note: '张三丰追问预算不够' }], by: { name: '王经理' }, replies: [{ body: '我下次先问决策人' }, { body: '经理回复：好的，张三丰' }] }]);
    expect(data!.replayComments).toMatchObject([{ attemptId: 'ex1', step: 1, body: '开场太急，张三丰', by: { name: '王经理' } }]);
    expect(data!.reviewCards).toMatchObject([{ cardId: 'lead-grading/q1', reps: 1 }]);
    expect(data!.reviewLogs).toMatchObject([{ cardId: 'lead-grading/q1', answer: '大约十二万元左右吧', correct: false }]);
    expect(data!.reviewSettings).toEqual({ dailyCap: 17 });
    expect(data!.reminders).toMatchObject([{ kind: 'observation-new', data: { managerName: '王经理' } }]);
    expect(data!.reminderPreferences).toMatchObject({ email: false, webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=zhang-robot', mutedKinds: ['manager-digest'] });
    expect(data!.kpiImportDrafts).toMatchObject([{ fileName: '张三丰的KPI表.xlsx' }]);
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
      await Promise.all(['users', 'quiz_attempts', 'quiz_drafts', 'exercise_attempts', 'kpi_evidence', 'sign_offs', 'certificates', 'invites', 'sessions', 'audit_log', 'learning_events', 'observations', 'observation_replies', 'replay_comments', 'review_logs', 'kpi_import_drafts'].map((table) => t.db.$client.execute(`SELECT * FROM ${table}`).then((r) => r.rows))),
    );
    for (const trace of ['张三丰', 'zhang.sanfeng', 'E7788', FREE_TEXT, '草稿里的话', '我下次先问决策人', '大约十二万元左右吧']) expect(dump).not.toContain(trace);
    // The levels observed stay (readiness rests on them); the words about them go.
    expect(await t.db.select({ scores: observations.scores, average: observations.averageLevel }).from(observations)).toEqual([{ scores: [{ criterionId: 'questions', level: 2, note: '' }], average: 2 }]);
    expect((await t.db.select({ body: observationReplies.body }).from(observationReplies)).map((r) => r.body)).toEqual(['', '']);
    expect(await t.db.select({ step: replayComments.step, body: replayComments.body }).from(replayComments)).toEqual([{ step: 0, body: '' }]);
    expect(await t.db.select({ correct: reviewLogs.correct, answer: reviewLogs.answer }).from(reviewLogs)).toEqual([{ correct: false, answer: null }]);

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
