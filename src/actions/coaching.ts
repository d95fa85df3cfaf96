/**
 * Coaching writes: a manager records an observation of a team member against a rubric and comments
 * on a step of a role-play replay; the learner acknowledges an observation and replies to it. Each
 * action validates input, refuses the wrong role on the first line, then one store call (which
 * checks team scope and writes its audit row in the same transaction). Refusals carry a UI key.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { acknowledgeInput, commentStepInput, observeInput, replyInput } from '../lib/coaching/inputs';
import { checkScores } from '../lib/coaching/scores';
import { readObservedOn } from '../lib/coaching/observed-on';
import { findRubric } from '../lib/coaching/server/rubrics';
import { buildReplay } from '../lib/coaching/replay';
import {
  acknowledgeObservation,
  CoachingError,
  commentOnStep,
  reachableAttempt,
  recordObservation,
  replyToObservation,
} from '../lib/coaching/server/store';
import { findExercise } from '../lib/exercises/server/content';
import { companyTimeZone } from '../lib/platform/server/company-time';
import { mayUseTeamPages } from '../lib/people/server/team-scope';
import { requireUser } from './guards';

function requireTeamLead(context: ActionAPIContext) {
  const user = requireUser(context);
  if (!mayUseTeamPages(user)) throw new ActionError({ code: 'FORBIDDEN', message: 'error.forbidden' });
  return user;
}

const refusalOf = (error: unknown): never => {
  if (error instanceof CoachingError) throw new ActionError({ code: error.code, message: error.key });
  throw error;
};
const badRequest = (key: string): never => {
  throw new ActionError({ code: 'BAD_REQUEST', message: key });
};


export const observe = defineAction({
  accept: 'form',
  input: observeInput,
  handler: async (input, context) => {
    const actor = requireTeamLead(context);
    const rubric = (await findRubric(input.rubricId)) ?? badRequest('coaching.error.rubric');
    if (!rubric.observedIn.includes(input.kind)) badRequest('coaching.error.kind');
    const now = new Date();
    const observedOn = readObservedOn(input.observedOn, now, companyTimeZone()) ?? badRequest('coaching.error.date');
    const checked = checkScores(rubric, input.criterionIds, input.levels, input.notes);
    if (!checked.ok) badRequest('coaching.error.levels');
    const { scores, average } = checked as Extract<typeof checked, { ok: true }>;
    return recordObservation(context.locals.db, {
      actor,
      userId: input.userId,
      rubricId: input.rubricId,
      kind: input.kind,
      observedOn,
      scores,
      averageLevel: average,
      now,
    }).catch(refusalOf);
  },
});

export const acknowledge = defineAction({
  accept: 'form',
  input: acknowledgeInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    const result = await acknowledgeObservation(context.locals.db, user, input.observationId, new Date()).catch(refusalOf);
    return { acknowledgedAt: result.acknowledgedAt.getTime(), already: result.already };
  },
});

export const reply = defineAction({
  accept: 'form',
  input: replyInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    return replyToObservation(context.locals.db, user, input.observationId, input.body, new Date()).catch(refusalOf);
  },
});

export const commentStep = defineAction({
  accept: 'form',
  input: commentStepInput,
  handler: async (input, context) => {
    const actor = requireTeamLead(context);
    const db = context.locals.db;
    const attempt = await reachableAttempt(db, actor, input.attemptId).catch(refusalOf);
    const exercise = await findExercise(attempt.exerciseId);
    if (!exercise || exercise.type !== 'roleplay') badRequest('coaching.error.notRoleplay');
    const state = attempt.state as { answer?: { type?: string; choices?: string[] } } | null;
    const replay = buildReplay(
      exercise as Extract<NonNullable<typeof exercise>, { type: 'roleplay' }>,
      state?.answer?.type === 'roleplay' ? (state.answer.choices ?? []) : [],
      (attempt.result ?? null) as Parameters<typeof buildReplay>[2],
      actor.locale ?? 'zh',
    );
    if (!replay) badRequest('coaching.error.notRoleplay');
    const step = /^\d{1,4}$/.test(input.step.normalize('NFKC')) ? Number(input.step.normalize('NFKC')) : -1;
    return commentOnStep(db, { actor, attemptId: attempt.id, step, stepCount: replay!.steps.length, body: input.body, now: new Date() }).catch(refusalOf);
  },
});
