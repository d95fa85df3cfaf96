import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { findQuiz } from '../lib/server/curriculum';
import { gradeQuiz } from '../lib/quiz-grading';
import { recordQuizAttempt } from '../lib/server/quiz-attempts';
import { requireUser } from './guards';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');
const DAY_MS = 24 * 60 * 60 * 1000;

export const quizSubmitInput = z.strictObject({
  quizId: id,
  lang: z.enum(['zh', 'en']),
  answers: z
    .record(id, z.union([z.array(id).max(26), z.boolean()]))
    .refine((answers) => Object.keys(answers).length <= 200, 'a quiz has at most 200 questions'),
  startedAt: z.number().int().positive().optional(),
  idempotencyKey: z.uuid().optional(),
});

export const submit = defineAction({
  input: quizSubmitInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${input.quizId}".` });
    const now = new Date();
    // The client's clock only bounds the start time; it can never move it into the future or a day back.
    const startedAt = new Date(Math.min(now.getTime(), Math.max(now.getTime() - DAY_MS, input.startedAt ?? now.getTime())));
    const result = gradeQuiz(quiz.data, input.answers, input.lang);
    const stored = await recordQuizAttempt(context.locals.db, {
      userId: user.id,
      quizId: input.quizId,
      answers: input.answers,
      result,
      startedAt,
      finishedAt: now,
      idempotencyKey: input.idempotencyKey,
    });
    return { attemptId: stored.id, ...result };
  },
});
