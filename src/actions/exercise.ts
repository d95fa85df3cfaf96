import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { findExercise } from '../lib/exercises/server/content';
import { changeOpenAttempt, IdempotencyKeyReusedError, StaleRevisionError, startOrResumeAttempt, submitOpenAttempt } from '../lib/exercises/server/attempts';
import {
  advance,
  initialAnswer,
  publicAnswer,
  restoreState,
  RoleplayMoveError,
  scoreExercise,
  toPublicExercise,
  toPublicNode,
  type AttemptState,
  type ExerciseResult,
} from '../lib/exercises';
import { learnerAnswerSchema } from '../lib/exercises/answers';
import { openExercise } from '../lib/exercises/server/opening';
import type { Exercise } from '../schemas/exercise';
import { requireUnlocked } from './guards';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');
const lang = z.enum(['zh', 'en']);
/** The shuffle seed the page was rendered with, so a new attempt keeps the order the learner sees. */
const seed = z.number().int().min(0).max(2 ** 32 - 1).optional();
/** The attempt revision the tab's work is based on (see OpenAttemptInput.basedOn). */
const revision = z.number().int().min(0).max(2 ** 31 - 1).optional();

async function exerciseOr404(exerciseId: string): Promise<Exercise> {
  const exercise = await findExercise(exerciseId);
  if (!exercise) throw new ActionError({ code: 'NOT_FOUND', message: `There is no exercise "${exerciseId}".` });
  return exercise;
}

function freshState(exercise: Exercise, requested: number | undefined): AttemptState {
  const chosen = requested ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
  return { seed: chosen, answer: initialAnswer(exercise, chosen) };
}

const badRequest = (message: string) => new ActionError({ code: 'BAD_REQUEST', message });

/** A write from a tab that another tab has moved past is a CONFLICT the island explains. */
function conflictIfStale(error: unknown): never {
  if (error instanceof StaleRevisionError) {
    throw new ActionError({ code: 'CONFLICT', message: 'This exercise was changed in another tab. Reload the page to continue from there.' });
  }
  throw error;
}

/**
 * What the island shows first: this learner's view, work so far and results, asked for when the
 * island comes into view so that the lesson HTML around it is the same for everyone.
 */
export const open = defineAction({
  input: z.strictObject({ exerciseId: id, lang }),
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'exercise', input.exerciseId, input.lang);
    const exercise = await exerciseOr404(input.exerciseId);
    return openExercise(context.locals.db, user.id, input.exerciseId, exercise, input.lang);
  },
});

/** Resumes the learner's open attempt or starts one: the public view and their work so far. */
export const start = defineAction({
  input: z.strictObject({ exerciseId: id, lang, seed }),
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'exercise', input.exerciseId, input.lang);
    const exercise = await exerciseOr404(input.exerciseId);
    const initial = freshState(exercise, input.seed);
    const { attempt, resumed } = await startOrResumeAttempt(context.locals.db, {
      userId: user.id,
      exerciseId: input.exerciseId,
      now: new Date(),
      initialState: initial,
    });
    const state = restoreState(exercise, attempt.state, initial.seed);
    const view = toPublicExercise(input.exerciseId, exercise, input.lang, state);
    return { attemptId: attempt.id, resumed, seed: state.seed, revision: attempt.revision, view, answer: publicAnswer(state.answer) };
  },
});

/** Saves the work so far, so the learner can leave and resume. Not for role-plays: only `choose` moves those. */
export const save = defineAction({
  input: z.strictObject({ exerciseId: id, answer: learnerAnswerSchema, seed, revision }),
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'exercise', input.exerciseId);
    const exercise = await exerciseOr404(input.exerciseId);
    if (exercise.type !== input.answer.type) throw badRequest(`Exercise "${input.exerciseId}" is a ${exercise.type} exercise, not ${input.answer.type}.`);
    const initial = freshState(exercise, input.seed);
    const { attempt } = await changeOpenAttempt(
      context.locals.db,
      { userId: user.id, exerciseId: input.exerciseId, now: new Date(), initialState: initial, basedOn: input.revision },
      (open) => ({ state: { seed: restoreState(exercise, open.state, initial.seed).seed, answer: input.answer }, value: null }),
    ).catch(conflictIfStale);
    return { attemptId: attempt.id, savedAt: attempt.updatedAt.getTime(), revision: attempt.revision };
  },
});

/** Takes a choice in a role-play. The server decides the next node and returns only its public view. */
export const choose = defineAction({
  input: z.strictObject({ exerciseId: id, lang, choiceId: id, seed, revision }),
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'exercise', input.exerciseId, input.lang);
    const exercise = await exerciseOr404(input.exerciseId);
    if (exercise.type !== 'roleplay') throw badRequest(`Exercise "${input.exerciseId}" is not a role-play.`);
    const initial = freshState(exercise, input.seed);
    try {
      const { attempt, value } = await changeOpenAttempt(
        context.locals.db,
        { userId: user.id, exerciseId: input.exerciseId, now: new Date(), initialState: initial, basedOn: input.revision },
        (open) => {
          const state = restoreState(exercise, open.state, initial.seed);
          const moved = advance(exercise, state.answer.type === 'roleplay' ? state.answer : { type: 'roleplay', choices: [] }, input.choiceId);
          return { state: { seed: state.seed, answer: moved.state }, value: toPublicNode(moved.node, input.lang, state.seed) };
        },
      ).catch(conflictIfStale);
      return { attemptId: attempt.id, node: value, revision: attempt.revision };
    } catch (error) {
      if (error instanceof RoleplayMoveError) {
        throw badRequest(error.reason === 'ended' ? 'This conversation has ended; submit it to see the debrief.' : 'That choice is not open at this point of the conversation. Reload the page.');
      }
      throw error;
    }
  },
});

/** Scores the open attempt on the server and closes it; returns the result with explanations. */
export const submit = defineAction({
  input: z.strictObject({ exerciseId: id, lang, answer: learnerAnswerSchema.optional(), seed, revision, idempotencyKey: z.uuid().optional() }),
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'exercise', input.exerciseId, input.lang);
    const exercise = await exerciseOr404(input.exerciseId);
    if (exercise.type !== 'roleplay' && input.answer?.type !== exercise.type) {
      throw badRequest(`Send the answer of this ${exercise.type} exercise with the submission.`);
    }
    if (exercise.type === 'roleplay' && input.answer) throw badRequest('A role-play is scored from the choices made on the server; send no answer.');
    const initial = freshState(exercise, input.seed);
    try {
      const { attempt, duplicate } = await submitOpenAttempt(
        context.locals.db,
        { userId: user.id, exerciseId: input.exerciseId, now: new Date(), initialState: initial, idempotencyKey: input.idempotencyKey, basedOn: input.revision },
        (open) => {
          const state = restoreState(exercise, open.state, initial.seed);
          const answer = input.answer ?? state.answer;
          const result = scoreExercise(exercise, answer, input.lang);
          if (!result) throw badRequest('Finish the conversation before submitting it.');
          return { state: { seed: state.seed, answer }, result, score: result.score, maxScore: result.maxScore, percent: result.percent, passed: result.passed };
        },
      ).catch(conflictIfStale);
      return { attemptId: attempt.id, duplicate, result: attempt.result as ExerciseResult };
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw new ActionError({ code: 'CONFLICT', message: 'This submission key was already used for another exercise. Reload the page and submit again.' });
      throw error;
    }
  },
});
