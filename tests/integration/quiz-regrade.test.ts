import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { submitQuizAttempt } from '../../src/lib/quiz/server/submission';
import { quizAttemptsFor } from '../../src/lib/quiz/server/attempts';
import { applyRegrade, previewRegrade } from '../../src/lib/quiz/server/regrade';
import { loadRecords } from '../../src/lib/promotion/server/learner-records';
import { reviewStoredAttempt } from '../../src/lib/quiz/review';
import { auditLog, quizAttempts } from '../../db/schema';
import type { Quiz } from '../../src/schemas/quiz';
import { everyTypeQuiz } from '../unit/quiz-fixtures';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const submittedAt = new Date(Date.UTC(2026, 10, 23, 10, 0));
const regradedAt = new Date(Date.UTC(2026, 10, 25, 9, 0));
// Three of five questions answered, so one question decides the pass mark of 60%.
const quiz = everyTypeQuiz({ passPercent: 60 });

/** The trainer's correction: option c, not b, is the right answer to "pick-one". */
const corrected: Quiz = {
  ...quiz,
  questions: quiz.questions.map((q) => (q.id === 'pick-one' && q.type === 'single' ? { ...q, options: q.options.map((o) => ({ ...o, correct: o.id === 'c' })) } : q)),
};

async function learnerWhoPicked(option: string, name: string, minutesLater = 0) {
  const user = await insertUser(t.db, { name });
  const at = new Date(submittedAt.getTime() + minutesLater * 60_000);
  await submitQuizAttempt(t.db, user.id, quiz, { quizId: 'every', lang: 'en', answers: { 'pick-one': [option], fact: false, share: '12.5' } }, at);
  return user;
}

describe('a quiz whose key a trainer corrected', () => {
  it('reviews every stored attempt with the verdicts it was graded with until it is re-graded', async () => {
    const ann = await learnerWhoPicked('b', 'Ann');
    const [row] = await quizAttemptsFor(t.db, ann.id, 'every');
    expect(row).toMatchObject({ score: 3, percent: 60, passed: true, regradedAt: null });

    const review = reviewStoredAttempt(corrected, row!, 'en');
    const verdicts = review.questions.filter((q) => q.result.correct);
    // The score above the review and the ✓ marks in it agree: 3 of 5.
    expect(verdicts).toHaveLength(row!.score);
    expect(review.questions.find((q) => q.result.questionId === 'pick-one')).toMatchObject({ keyChanged: true, correctNow: false, result: { correct: true } });
  });

  it('previews a re-grade without writing, then applies it in one audited go that readiness follows', async () => {
    const ann = await learnerWhoPicked('b', 'Ann');
    const bo = await learnerWhoPicked('c', 'Bo', 5);
    const untouched = await insertUser(t.db, { name: 'Cy' });
    await submitQuizAttempt(t.db, untouched.id, quiz, { quizId: 'every', lang: 'en', answers: { 'pick-one': ['a'], fact: false, share: '12.5' } }, submittedAt);

    const preview = await previewRegrade(t.db, 'every', corrected);
    expect(preview).toMatchObject({ attempts: 3, applied: false });
    expect(preview.changed.map((c) => [c.userName, c.before.percent, c.after.percent])).toEqual([['Ann', 60, 40], ['Bo', 40, 60]]);
    expect(preview.passFlips.map((c) => [c.userName, c.before.passed, c.after.passed])).toEqual([['Ann', true, false], ['Bo', false, true]]);
    expect(await t.db.select().from(auditLog).all()).toHaveLength(0);
    expect((await quizAttemptsFor(t.db, ann.id, 'every'))[0]).toMatchObject({ percent: 60, regradedAt: null });

    const applied = await applyRegrade(t.db, { quizId: 'every', quiz: corrected, actorId: untouched.id, now: regradedAt });
    expect(applied).toMatchObject({ applied: true, attempts: 3 });
    expect(applied.changed).toHaveLength(2);

    const [annRow] = await quizAttemptsFor(t.db, ann.id, 'every');
    expect(annRow).toMatchObject({ score: 2, maxScore: 5, percent: 40, passed: false, regradedAt });
    const [cyRow] = await quizAttemptsFor(t.db, untouched.id, 'every');
    expect(cyRow).toMatchObject({ percent: 40, regradedAt: null });
    // The review now shows the new verdict, with nothing left to flag.
    const review = reviewStoredAttempt(corrected, annRow!, 'en');
    expect(review.questions.find((q) => q.result.questionId === 'pick-one')).toMatchObject({ keyChanged: false, result: { correct: false } });

    const audit = await t.db.select().from(auditLog).orderBy(auditLog.id).all();
    expect(audit.map((a) => [a.action, a.subjectUserId])).toEqual([['quiz.regraded', ann.id], ['quiz.regraded', bo.id]]);
    expect(audit[0]).toMatchObject({
      actorId: untouched.id,
      at: regradedAt,
      before: { quizId: 'every', attemptId: annRow!.id, score: 3, percent: 60, passed: true },
      after: { quizId: 'every', attemptId: annRow!.id, score: 2, percent: 40, passed: false },
    });

    // Readiness reads stored scores: Bo's best is now a pass, Ann's is not.
    const records = await loadRecords(t.db, [ann, bo]);
    expect(records.get(ann.id)!.record.quizzes.get('every')).toMatchObject({ best: 40 });
    expect(records.get(bo.id)!.record.quizzes.get('every')).toMatchObject({ best: 60 });

    // Applying again finds nothing left to change.
    expect((await applyRegrade(t.db, { quizId: 'every', quiz: corrected, actorId: untouched.id, now: regradedAt })).changed).toEqual([]);
    expect(await t.db.select().from(auditLog).all()).toHaveLength(2);
  });

  it('touches only the quiz it was asked to re-grade', async () => {
    const ann = await learnerWhoPicked('b', 'Ann');
    await applyRegrade(t.db, { quizId: 'another', quiz: corrected, actorId: ann.id, now: regradedAt });
    expect(await t.db.select().from(quizAttempts).where(eq(quizAttempts.userId, ann.id)).all()).toMatchObject([{ percent: 60, regradedAt: null }]);
  });
});
