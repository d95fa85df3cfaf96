/**
 * What an exercise island starts from for one learner: the public view (shuffled by the attempt's
 * seed), their work so far if they left an attempt half-done, its revision, and their last and
 * best results.
 * Reads only: an attempt starts with the first save, choice or submission.
 */
import type { Exercise } from '../../../schemas/exercise';
import type { Language } from '../../../schemas/common';
import { initialAnswer, publicAnswer, restoreState, toPublicExercise, type AttemptState } from '..';
import type { Database } from '../../platform/server/db';
import { bestSubmittedPercent, currentRevision, findOpenAttempt, latestSubmittedAttempt } from './attempts';

export async function openExercise(db: Database, userId: string, exerciseId: string, exercise: Exercise, lang: Language) {
  const [open, last, best] = await Promise.all([
    findOpenAttempt(db, userId, exerciseId),
    latestSubmittedAttempt(db, userId, exerciseId),
    bestSubmittedPercent(db, userId, exerciseId),
  ]);
  const revision = await currentRevision(db, userId, exerciseId, open);
  const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
  const state: AttemptState = open ? restoreState(exercise, open.state, seed) : { seed, answer: initialAnswer(exercise, seed) };
  return {
    view: toPublicExercise(exerciseId, exercise, lang, state),
    savedWork: publicAnswer(state.answer),
    seed: state.seed,
    lastPercent: last?.percent ?? null,
    bestPercent: best,
    resumed: open !== null,
    /** What this tab's saves are based on; a save from a tab another one has moved past is refused. */
    revision,
  };
}

export type ExerciseOpening = Awaited<ReturnType<typeof openExercise>>;
