/**
 * The exercise engine's pure rules, one module per type: what the browser may see of an
 * exercise (`toPublicExercise`), where a fresh attempt starts (`initialAnswer`) and how a
 * submission scores (`scoreExercise`). No database, no clock.
 */
import type { Language } from '../../schemas/common';
import type { Exercise } from '../../schemas/exercise';
import { storedStateSchema } from './answers';
import { initialSequenceAnswer, scoreSequence, toPublicSequence, type PublicSequence, type SequenceAnswer, type SequenceResult } from './sequence';
import { scoreClassify, toPublicClassify, type ClassifyAnswer, type ClassifyResult, type PublicClassify } from './classify';
import { initialRoleplayState, replay, scoreRoleplay, toPublicRoleplay, type PublicRoleplay, type RoleplayResult, type RoleplayState } from './roleplay';
import { scoreSpotTheIssue, toPublicSpotTheIssue, type PublicSpotTheIssue, type SpotTheIssueAnswer, type SpotTheIssueResult } from './spot-the-issue';
import { scoreCalculation, toPublicCalculation, type CalculationAnswer, type CalculationResult, type PublicCalculation } from './calculation';

export type LearnerAnswer = SequenceAnswer | ClassifyAnswer | SpotTheIssueAnswer | CalculationAnswer;
export type ExerciseAnswer = LearnerAnswer | RoleplayState;
export type PublicExercise = PublicSequence | PublicClassify | PublicRoleplay | PublicSpotTheIssue | PublicCalculation;
export type ExerciseResult = SequenceResult | ClassifyResult | RoleplayResult | SpotTheIssueResult | CalculationResult;

export interface AttemptState {
  seed: number;
  answer: ExerciseAnswer;
}

/** Where a fresh attempt starts: the shuffled order for a sequence, nothing chosen for the rest. */
export function initialAnswer(exercise: Exercise, seed: number): ExerciseAnswer {
  switch (exercise.type) {
    case 'sequence':
      return initialSequenceAnswer(exercise, seed);
    case 'classify':
      return { type: 'classify', placements: {} };
    case 'roleplay':
      return initialRoleplayState();
    case 'spot-the-issue':
      return { type: 'spot-the-issue', flags: [] };
    case 'calculation':
      return { type: 'calculation', values: {} };
  }
}

/**
 * Reads an attempt's stored state back. Anything that no longer fits the exercise (its content
 * changed since, or the JSON is not ours) starts over from a fresh state with the same seed.
 */
export function restoreState(exercise: Exercise, stored: unknown, fallbackSeed: number): AttemptState {
  const parsed = storedStateSchema.safeParse(stored);
  const seed = parsed.success ? parsed.data.seed : fallbackSeed;
  const fresh = { seed, answer: initialAnswer(exercise, seed) };
  if (!parsed.success || parsed.data.answer.type !== exercise.type) return fresh;
  const answer = parsed.data.answer as ExerciseAnswer;
  if (answer.type === 'roleplay' && exercise.type === 'roleplay' && !replay(exercise, answer)) return fresh;
  return { seed, answer };
}

/** The browser's view of an exercise, in one language, for one attempt (its seed and progress). */
export function toPublicExercise(id: string, exercise: Exercise, lang: Language, state: AttemptState): PublicExercise {
  switch (exercise.type) {
    case 'sequence':
      return toPublicSequence(id, exercise, lang, state.seed);
    case 'classify':
      return toPublicClassify(id, exercise, lang, state.seed);
    case 'roleplay':
      return toPublicRoleplay(id, exercise, lang, state.seed, state.answer.type === 'roleplay' ? state.answer : initialRoleplayState());
    case 'spot-the-issue':
      return toPublicSpotTheIssue(id, exercise, lang);
    case 'calculation':
      return toPublicCalculation(id, exercise, lang);
  }
}

/**
 * The learner's own work that the browser may show back on resume. A role-play's state stays on
 * the server: its public view already carries the conversation so far.
 */
export function publicAnswer(answer: ExerciseAnswer): LearnerAnswer | null {
  return answer.type === 'roleplay' ? null : answer;
}

/** Scores a submission; null when the answer is for another type or the role-play has not ended. */
export function scoreExercise(exercise: Exercise, answer: ExerciseAnswer, lang: Language): ExerciseResult | null {
  if (exercise.type !== answer.type) return null;
  switch (answer.type) {
    case 'sequence':
      return exercise.type === 'sequence' ? scoreSequence(exercise, answer, lang) : null;
    case 'classify':
      return exercise.type === 'classify' ? scoreClassify(exercise, answer, lang) : null;
    case 'roleplay':
      return exercise.type === 'roleplay' ? scoreRoleplay(exercise, answer, lang) : null;
    case 'spot-the-issue':
      return exercise.type === 'spot-the-issue' ? scoreSpotTheIssue(exercise, answer, lang) : null;
    case 'calculation':
      return exercise.type === 'calculation' ? scoreCalculation(exercise, answer, lang) : null;
  }
}

export { advance, RoleplayMoveError, toPublicNode, type RoleplayState, type PublicRoleplayNode } from './roleplay';
export type { PublicSequence, PublicClassify, PublicRoleplay, PublicSpotTheIssue, PublicCalculation };
export type { SequenceResult, ClassifyResult, RoleplayResult, SpotTheIssueResult, CalculationResult };
