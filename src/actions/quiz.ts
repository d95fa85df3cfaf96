import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { findQuiz } from '../lib/server/curriculum';
import { attemptAvailability } from '../lib/quiz-attempt-rules';
import { attemptSeed, planAttempt } from '../lib/quiz-draw';
import { attemptView, gradeAttempt } from '../lib/quiz-attempt';
import { attemptByIdempotencyKey, pastAttempts, recordQuizAttempt } from '../lib/server/quiz-attempts';
import type { Answers } from '../lib/quiz-grading';
import { requireUser } from './guards';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');
const DAY_MS = 24 * 60 * 60 * 1000;

/** One answer as the browser sends it: option or item ids, true/false, a typed number, or left → right ids. */
const answer = z.union([
  z.array(id).max(26),
  z.boolean(),
  z.string().max(40, 'a typed number has at most 40 characters'),
  z.record(id, id).refine((pairs) => Object.keys(pairs).length <= 26, 'a matching question has at most 26 pairs'),
]);

export const quizSubmitInput = z.strictObject({
  quizId: id,
  lang: z.enum(['zh', 'en']),
  answers: z.record(id, answer).refine((answers) => Object.keys(answers).length <= 200, 'a quiz has at most 200 questions'),
  /** The seed the page showed. Only compared with the one the server derives; never used to grade. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  startedAt: z.number().int().positive().optional(),
  idempotencyKey: z.uuid().optional(),
});

/**
 * The attempt a learner is on (its draw, shuffle, or why it may not start), without any key.
 * Islands ask for it when they come into view, so the lesson HTML around them is the same for
 * everyone and the server can send it without rendering it again (see lesson-fast-path.ts).
 */
export const view = defineAction({
  input: z.strictObject({ quizId: id, lang: z.enum(['zh', 'en']) }),
  handler: async (input, context) => {
    const user = requireUser(context);
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${input.quizId}".` });
    const past = await pastAttempts(context.locals.db, user.id, input.quizId);
    return attemptView(input.quizId, quiz.data, input.lang, user.id, past, new Date());
  },
});

export const submit = defineAction({
  input: quizSubmitInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    const quiz = await findQuiz(input.quizId);
    if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${input.quizId}".` });
    const db = context.locals.db;
    const now = new Date();

    // A retried submission that already landed gets its own result back, not a limit error.
    const earlier = input.idempotencyKey ? await attemptByIdempotencyKey(db, user.id, input.idempotencyKey) : undefined;
    if (earlier && earlier.quizId === input.quizId) {
      const result = gradeAttempt(quiz.data, earlier.seed, earlier.answers as Answers, input.lang);
      const next = attemptView(input.quizId, quiz.data, input.lang, user.id, await pastAttempts(db, user.id, input.quizId), now);
      return { attemptId: earlier.id, ...result, next };
    }

    const past = await pastAttempts(db, user.id, input.quizId);
    const availability = attemptAvailability(quiz.data, past, now);
    if (availability.status === 'limit') {
      throw new ActionError({ code: 'FORBIDDEN', message: `You have used all ${availability.maxAttempts} attempts at this quiz.` });
    }
    if (availability.status === 'cooldown') {
      throw new ActionError({
        code: 'TOO_MANY_REQUESTS',
        message: `Your last attempt did not pass. Try again after ${availability.until.toISOString()}.`,
      });
    }
    const seed = attemptSeed(user.id, input.quizId, availability.attemptNumber);
    const stale = () =>
      new ActionError({ code: 'CONFLICT', message: 'This attempt was already submitted, perhaps in another tab. Reload the page to start the next one.' });
    if (input.seed !== undefined && input.seed !== seed) throw stale();

    // An answer to a question this attempt did not draw is a broken or forged client, not a wrong answer.
    const drawn = new Set(planAttempt(quiz.data, seed).questions.map((q) => q.questionId));
    const strays = Object.keys(input.answers).filter((questionId) => !drawn.has(questionId));
    if (strays.length > 0) {
      throw new ActionError({ code: 'BAD_REQUEST', message: `This attempt has no question "${strays[0]}". Reload the page and answer the questions it shows.` });
    }

    // The client's clock only bounds the start time; it can never move it into the future or a day back.
    const startedAt = new Date(Math.min(now.getTime(), Math.max(now.getTime() - DAY_MS, input.startedAt ?? now.getTime())));
    const result = gradeAttempt(quiz.data, seed, input.answers, input.lang);
    const stored = await recordQuizAttempt(db, {
      userId: user.id,
      quizId: input.quizId,
      answers: input.answers,
      result,
      seed,
      attemptNumber: availability.attemptNumber,
      startedAt,
      finishedAt: now,
      idempotencyKey: input.idempotencyKey,
    });
    if (stored.stale) throw stale();
    const next = attemptView(input.quizId, quiz.data, input.lang, user.id, [...past, { percent: result.percent, passed: result.passed, finishedAt: now }], now);
    return { attemptId: stored.id, ...result, next };
  },
});
