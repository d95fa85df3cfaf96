import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import {
  changeOpenAttempt,
  currentRevision,
  exerciseSummaries,
  findOpenAttempt,
  IdempotencyKeyReusedError,
  latestSubmittedAttempt,
  StaleRevisionError,
  startOrResumeAttempt,
  submitOpenAttempt,
} from '../../src/lib/exercises/server/attempts';
import { exerciseDistributions } from '../../src/lib/analytics/server/tallies';
import { advance, initialAnswer, restoreState, scoreExercise, toPublicExercise, type AttemptState, type ExerciseAnswer } from '../../src/lib/exercises';
import { exerciseAttempts, learningEvents } from '../../db/schema';
import type { Exercise } from '../../src/schemas/exercise';
import { roleplayExercise, sequenceExercise } from '../unit/exercise-fixtures';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));
const fresh = (exercise: Exercise, seed: number): AttemptState => ({ seed, answer: initialAnswer(exercise, seed) });

/** What the submit action does: grade the open attempt's answer (or the one sent) and close it. */
function submit(userId: string, exerciseId: string, exercise: Exercise, now: Date, sent?: ExerciseAnswer, idempotencyKey?: string) {
  return submitOpenAttempt(t.db, { userId, exerciseId, now, initialState: fresh(exercise, 1), idempotencyKey }, (open) => {
    const state = restoreState(exercise, open.state, 1);
    const answer = sent ?? state.answer;
    const result = scoreExercise(exercise, answer, 'en');
    if (!result) throw new Error('not finished');
    return { state: { seed: state.seed, answer }, result, score: result.score, maxScore: result.maxScore, percent: result.percent, passed: result.passed };
  });
}

describe('resuming an exercise left half-done', () => {
  it('keeps one open attempt per learner and exercise and resumes it with the same shuffle', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    const first = await startOrResumeAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(0), initialState: fresh(exercise, 11) });
    const again = await startOrResumeAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(5), initialState: fresh(exercise, 99) });
    expect(first.resumed).toBe(false);
    expect(again).toMatchObject({ resumed: true, attempt: { id: first.attempt.id } });
    expect(restoreState(exercise, again.attempt.state, 99).seed).toBe(11);
    expect(await t.db.select().from(exerciseAttempts)).toHaveLength(1);
  });

  it('saves the work so far and shows it back after a reload', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    const order = ['judge', 'record', 'assign', 'propose', 'analyse'];
    await changeOpenAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(2), initialState: fresh(exercise, 5) }, (open) => ({
      state: { seed: restoreState(exercise, open.state, 5).seed, answer: { type: 'sequence', order } },
      value: null,
    }));
    const open = await findOpenAttempt(t.db, user.id, 'seq');
    const state = restoreState(exercise, open!.state, 0);
    expect(state).toEqual({ seed: 5, answer: { type: 'sequence', order } });
    expect(open).toMatchObject({ status: 'in-progress', startedAt: at(2), updatedAt: at(2), score: null });
  });

  it('writes nothing when the change is refused', async () => {
    const user = await insertUser(t.db);
    const scenario = roleplayExercise();
    await expect(
      changeOpenAttempt(t.db, { userId: user.id, exerciseId: 'rp', now: at(0), initialState: fresh(scenario, 1) }, (open) => {
        const state = restoreState(scenario, open.state, 1);
        return { state: advance(scenario, state.answer.type === 'roleplay' ? state.answer : { type: 'roleplay', choices: [] }, 'not-open-here').state, value: null };
      }),
    ).rejects.toThrow();
    expect(await t.db.select().from(exerciseAttempts)).toHaveLength(0);
  });

  it('resumes a role-play at the node the learner reached, with the conversation so far', async () => {
    const user = await insertUser(t.db);
    const scenario = roleplayExercise();
    await changeOpenAttempt(t.db, { userId: user.id, exerciseId: 'rp', now: at(1), initialState: fresh(scenario, 3) }, (open) => {
      const state = restoreState(scenario, open.state, 3);
      const moved = advance(scenario, state.answer.type === 'roleplay' ? state.answer : { type: 'roleplay', choices: [] }, 'ask');
      return { state: { seed: state.seed, answer: moved.state }, value: null };
    });
    const open = await findOpenAttempt(t.db, user.id, 'rp');
    const view = toPublicExercise('rp', scenario, 'en', restoreState(scenario, open!.state, 0));
    expect(view).toMatchObject({ type: 'roleplay', transcript: [{ chosen: 'Where does 12% come from?' }], node: { customer: 'Our budget is capped', ended: false } });
  });

  it('never resumes another learner’s attempt', async () => {
    const [ann, ben] = [await insertUser(t.db), await insertUser(t.db)];
    const exercise = sequenceExercise();
    const own = await startOrResumeAttempt(t.db, { userId: ann.id, exerciseId: 'seq', now: at(0), initialState: fresh(exercise, 1) });
    const other = await startOrResumeAttempt(t.db, { userId: ben.id, exerciseId: 'seq', now: at(1), initialState: fresh(exercise, 2) });
    expect(other.resumed).toBe(false);
    expect(other.attempt.id).not.toBe(own.attempt.id);
    expect(await findOpenAttempt(t.db, ben.id, 'seq')).toMatchObject({ id: other.attempt.id, userId: ben.id });
  });
});

describe('submitting an exercise', () => {
  it('stores the full answer, the result, the score and the duration, with a learning event', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    await startOrResumeAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(0), initialState: fresh(exercise, 1) });
    const answer = { type: 'sequence' as const, order: ['propose', 'record', 'judge', 'assign', 'analyse'] };
    const { attempt, duplicate } = await submit(user.id, 'seq', exercise, at(7), answer);

    expect(duplicate).toBe(false);
    expect(attempt).toMatchObject({ status: 'submitted', score: 4, maxScore: 5, percent: 80, finishedAt: at(7), durationMs: 7 * 60_000 });
    expect((attempt.state as { answer: unknown }).answer).toEqual(answer);
    expect(attempt.result).toMatchObject({ type: 'sequence', percent: 80, steps: expect.any(Array) });
    const events = await t.db.select().from(learningEvents).where(and(eq(learningEvents.userId, user.id), eq(learningEvents.type, 'exercise.submitted')));
    expect(events).toEqual([expect.objectContaining({ subject: 'seq', data: expect.objectContaining({ attemptId: attempt.id, percent: 80, durationMs: 7 * 60_000 }) })]);
    expect(await findOpenAttempt(t.db, user.id, 'seq')).toBeNull();
    expect(await latestSubmittedAttempt(t.db, user.id, 'seq')).toMatchObject({ id: attempt.id });
  });

  it('starts a new attempt after a submission instead of reopening the old one', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    const { attempt } = await submit(user.id, 'seq', exercise, at(1), { type: 'sequence', order: [] });
    const next = await startOrResumeAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(2), initialState: fresh(exercise, 8) });
    expect(next.resumed).toBe(false);
    expect(next.attempt.id).not.toBe(attempt.id);
  });

  it('scores a role-play from the choices stored on the server', async () => {
    const user = await insertUser(t.db);
    const scenario = roleplayExercise();
    for (const [minute, choice] of [[1, 'ask'], [2, 'record']] as const) {
      await changeOpenAttempt(t.db, { userId: user.id, exerciseId: 'rp', now: at(minute), initialState: fresh(scenario, 1) }, (open) => {
        const state = restoreState(scenario, open.state, 1);
        return { state: { seed: state.seed, answer: advance(scenario, state.answer as never, choice).state }, value: null };
      });
    }
    const { attempt } = await submit(user.id, 'rp', scenario, at(4));
    expect(attempt).toMatchObject({ percent: 100, durationMs: 3 * 60_000 });
    expect((attempt.state as { answer: unknown }).answer).toEqual({ type: 'roleplay', choices: ['ask', 'record'] });
  });

  it('refuses to close a role-play that has not ended, and writes nothing', async () => {
    const user = await insertUser(t.db);
    const scenario = roleplayExercise();
    await expect(submit(user.id, 'rp', scenario, at(1))).rejects.toThrow('not finished');
    expect(await t.db.select().from(exerciseAttempts)).toHaveLength(0);
    expect(await t.db.select().from(learningEvents)).toHaveLength(0);
  });

  it('lands a retried submission once, and refuses its key for another exercise', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    const key = crypto.randomUUID();
    const answer = { type: 'sequence' as const, order: ['record', 'judge', 'assign', 'analyse', 'propose'] };
    const first = await submit(user.id, 'seq', exercise, at(1), answer, key);
    const retry = await submit(user.id, 'seq', exercise, at(2), { type: 'sequence', order: [] }, key);
    expect(retry).toMatchObject({ duplicate: true, attempt: { id: first.attempt.id, percent: 100 } });
    await expect(submit(user.id, 'other', exercise, at(3), answer, key)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await t.db.select().from(exerciseAttempts)).toHaveLength(1);
  });
});

describe('exercise progress', () => {
  it('reports each learner’s best submitted score and whether an attempt is open', async () => {
    const [ann, ben] = [await insertUser(t.db), await insertUser(t.db)];
    const exercise = sequenceExercise();
    await submit(ann.id, 'seq', exercise, at(1), { type: 'sequence', order: ['record', 'judge', 'assign', 'analyse', 'propose'] });
    await submit(ann.id, 'seq', exercise, at(2), { type: 'sequence', order: ['propose', 'record', 'judge', 'assign', 'analyse'] });
    await startOrResumeAttempt(t.db, { userId: ann.id, exerciseId: 'seq', now: at(3), initialState: fresh(exercise, 1) });
    await startOrResumeAttempt(t.db, { userId: ann.id, exerciseId: 'rp', now: at(3), initialState: fresh(roleplayExercise(), 1) });
    await submit(ben.id, 'seq', exercise, at(4), { type: 'sequence', order: [] });

    const summaries = await exerciseSummaries(t.db, ann.id);
    expect(summaries.get('seq')).toEqual({ exerciseId: 'seq', submitted: 2, bestPercent: 100, inProgress: true });
    expect(summaries.get('rp')).toEqual({ exerciseId: 'rp', submitted: 0, bestPercent: null, inProgress: true });

    const distribution = (await exerciseDistributions(t.db)).get('seq')!;
    expect(distribution.attempts).toBe(3);
    expect(distribution.bins.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect((await exerciseDistributions(t.db)).has('rp')).toBe(false);
  });
});

describe('two tabs on one exercise', () => {
  const order = (first: string) => ['judge', 'record', 'assign', 'propose', 'analyse'].sort((a, b) => (a === first ? -1 : b === first ? 1 : 0));
  function save(userId: string, basedOn: number | undefined, answerOrder: string[], minute: number) {
    const exercise = sequenceExercise();
    return changeOpenAttempt(t.db, { userId, exerciseId: 'seq', now: at(minute), initialState: fresh(exercise, 5), basedOn }, (open) => ({
      state: { seed: restoreState(exercise, open.state, 5).seed, answer: { type: 'sequence', order: answerOrder } },
      value: null,
    }));
  }
  const storedOrder = async (userId: string) => (restoreState(sequenceExercise(), (await findOpenAttempt(t.db, userId, 'seq'))!.state, 0).answer as { order: string[] }).order;

  it('bumps the revision with every stored save', async () => {
    const user = await insertUser(t.db);
    expect(await currentRevision(t.db, user.id, 'seq', null)).toBe(0);
    const first = await save(user.id, 0, order('record'), 1);
    const second = await save(user.id, first.attempt.revision, order('assign'), 2);
    expect([first.attempt.revision, second.attempt.revision]).toEqual([1, 2]);
  });

  it('refuses a save based on an older revision and keeps the newer work', async () => {
    const user = await insertUser(t.db);
    // Both tabs opened the exercise at revision 0; tab A saves first.
    await save(user.id, 0, order('record'), 1);
    await expect(save(user.id, 0, order('assign'), 2)).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await storedOrder(user.id)).toEqual(order('record'));
    expect((await findOpenAttempt(t.db, user.id, 'seq'))!.revision).toBe(1);
  });

  it('refuses a submission from the tab left behind, and takes one from the tab that is current', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    const a = await save(user.id, 0, order('record'), 1);
    const stale = submitOpenAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(3), initialState: fresh(exercise, 1), basedOn: 0 }, () => {
      throw new Error('a stale submission is never graded');
    });
    await expect(stale).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await latestSubmittedAttempt(t.db, user.id, 'seq')).toBeNull();

    const current = await submitOpenAttempt(t.db, { userId: user.id, exerciseId: 'seq', now: at(4), initialState: fresh(exercise, 1), basedOn: a.attempt.revision }, (open) => {
      const state = restoreState(exercise, open.state, 1);
      const result = scoreExercise(exercise, state.answer, 'en')!;
      return { state, result, score: result.score, maxScore: result.maxScore, percent: result.percent, passed: result.passed };
    });
    expect(current.attempt).toMatchObject({ status: 'submitted', revision: 2 });
  });

  it('starts the next attempt past every earlier revision, so a tab still showing a submitted attempt stays stale', async () => {
    const user = await insertUser(t.db);
    const exercise = sequenceExercise();
    const a = await save(user.id, 0, order('record'), 1);
    await submit(user.id, 'seq', exercise, at(2));
    expect(await currentRevision(t.db, user.id, 'seq', null)).toBe(a.attempt.revision + 2);
    // The other tab still works from revision 1 of the submitted attempt.
    await expect(save(user.id, a.attempt.revision, order('assign'), 3)).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await findOpenAttempt(t.db, user.id, 'seq')).toBeNull();
  });

  it('moves a role-play only from the revision it is at', async () => {
    const user = await insertUser(t.db);
    const scenario = roleplayExercise();
    const choose = (basedOn: number, choiceId: string) =>
      changeOpenAttempt(t.db, { userId: user.id, exerciseId: 'rp', now: at(1), initialState: fresh(scenario, 3), basedOn }, (open) => {
        const state = restoreState(scenario, open.state, 3);
        const moved = advance(scenario, state.answer.type === 'roleplay' ? state.answer : { type: 'roleplay', choices: [] }, choiceId);
        return { state: { seed: state.seed, answer: moved.state }, value: null };
      });
    await choose(0, 'ask');
    await expect(choose(0, 'ask')).rejects.toBeInstanceOf(StaleRevisionError);
  });
});
