import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { findQuiz } from '../lib/content/server/curriculum';
import { attemptView } from '../lib/quiz/attempt';
import { pastAttempts } from '../lib/quiz/server/attempts';
import { quizSubmitInput, SubmissionRefused, submitQuizAttempt } from '../lib/quiz/server/submission';
import { draftAnswersFor, quizDraftInput, saveQuizDraft } from '../lib/quiz/server/drafts';
import { requireUnlocked } from './guards';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');

/**
 * The attempt a learner is on (its draw, shuffle, or why it may not start), without any key.
 * Islands ask for it when they come into view, so the lesson HTML around them is the same for
 * everyone and the server can send it without rendering it again (see lesson-shell/server/lesson-shells.ts).
 */
export const view = defineAction({
  input: z.strictObject({ quizId: id, lang: z.enum(['zh', 'en']) }),
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'quiz', input.quizId, input.lang);
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${input.quizId}".` });
    const past = await pastAttempts(context.locals.db, user.id, input.quizId);
    const view = attemptView(input.quizId, quiz.data, input.lang, user.id, past, new Date());
    // Only the answers saved for this very attempt: a draft under an older seed belongs to an attempt already spent.
    const draft = view.status === 'open' ? await draftAnswersFor(context.locals.db, user.id, input.quizId, quiz.data, view.seed) : null;
    return { ...view, draft };
  },
});

/** Keeps the answers given so far for the attempt on screen; replies only when it was saved. */
export const saveDraft = defineAction({
  input: quizDraftInput,
  handler: async (input, context) => {
    // A locked module's quiz takes no drafts either: locks hold wherever work is written.
    const user = await requireUnlocked(context, 'quiz', input.quizId);
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${input.quizId}".` });
    try {
      return await saveQuizDraft(context.locals.db, user.id, quiz.data, input, new Date());
    } catch (error) {
      if (error instanceof SubmissionRefused) throw new ActionError({ code: error.code, message: error.message });
      throw error;
    }
  },
});

export const submit = defineAction({
  input: quizSubmitInput,
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'quiz', input.quizId, input.lang);
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${input.quizId}".` });
    try {
      return await submitQuizAttempt(context.locals.db, user.id, quiz.data, input, new Date());
    } catch (error) {
      if (error instanceof SubmissionRefused) throw new ActionError({ code: error.code, message: error.message });
      throw error;
    }
  },
});
