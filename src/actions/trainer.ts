/**
 * Trainers' writes about content already answered: re-grading a quiz's stored attempts after a key
 * was corrected. Trainers and admins only; a preview (dry run) writes nothing, applying writes
 * every change and its audit row in one transaction (lib/quiz/server/regrade.ts).
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { mayViewContentAnalytics } from '../lib/analytics/access';
import { findQuiz } from '../lib/content/server/curriculum';
import { applyRegrade, previewRegrade } from '../lib/quiz/server/regrade';
import { requireUser } from './guards';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');

export const regradeQuiz = defineAction({
  accept: 'form',
  input: z.strictObject({ quizId: id, dryRun: z.boolean().optional() }),
  handler: async (input, context) => {
    const user = requireUser(context);
    if (!mayViewContentAnalytics(user.role)) throw new ActionError({ code: 'FORBIDDEN', message: 'error.forbidden' });
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: 'regrade.error.notFound' });
    const db = context.locals.db;
    const summary = input.dryRun
      ? await previewRegrade(db, input.quizId, quiz.data)
      : await applyRegrade(db, { quizId: input.quizId, quiz: quiz.data, actorId: user.id, now: new Date() });
    // Content analytics show trainers totals, never who answered what; names of the people whose
    // pass or fail flips go to admins, who see everyone anyway (and managers see it in their
    // people's audit history).
    const flips = summary.passFlips.map((f) => ({ name: user.role === 'admin' ? f.userName : null, before: f.before, after: f.after }));
    return {
      quizId: summary.quizId,
      applied: summary.applied,
      attempts: summary.attempts,
      changed: summary.changed.length,
      toPass: summary.passFlips.filter((f) => f.after.passed).length,
      toFail: summary.passFlips.filter((f) => !f.after.passed).length,
      flips,
    };
  },
});
