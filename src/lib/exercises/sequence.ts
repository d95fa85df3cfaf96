import type { Language } from '../../schemas/common';
import type { SequenceExercise } from '../../schemas/exercise';
import { knownUnique, publicBase, resultBase, shuffleAwayFrom, type PublicBase, type ResultBase } from './common';

export interface SequenceAnswer {
  type: 'sequence';
  /** Step ids in the learner's order. */
  order: string[];
}

export interface PublicSequence extends PublicBase {
  type: 'sequence';
  /** The steps, shuffled by the attempt's seed: never in the right order. */
  items: { id: string; text: string }[];
}

export interface SequenceResult extends ResultBase {
  type: 'sequence';
  /** Every step in the right order, with where the learner put it. */
  steps: { id: string; text: string; note: string | null; rightPosition: number; yourPosition: number | null; inPlace: boolean }[];
}

export function toPublicSequence(id: string, exercise: SequenceExercise, lang: Language, seed: number): PublicSequence {
  return {
    ...publicBase(id, exercise, lang),
    type: 'sequence',
    items: shuffleAwayFrom(exercise.items, seed).map((item) => ({ id: item.id, text: item.text[lang] })),
  };
}

export function initialSequenceAnswer(exercise: SequenceExercise, seed: number): SequenceAnswer {
  return { type: 'sequence', order: shuffleAwayFrom(exercise.items, seed).map((item) => item.id) };
}

/** Indices of one longest strictly increasing subsequence of `values` (patience sorting, O(n log n)). */
export function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const run: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.unshift(i);
  return run;
}

/**
 * Partial credit is the longest run of steps already in the right order relative to each other
 * (the longest increasing subsequence): one point per step in it, out of the number of steps.
 * So n − score is the fewest steps the learner would have to move, and moving one step to the
 * wrong end costs one point, not a whole row of them as position-by-position marking would.
 * Unknown ids are ignored, a repeated id counts at its first place, and a missing step earns nothing.
 */
export function scoreSequence(exercise: SequenceExercise, answer: SequenceAnswer, lang: Language): SequenceResult {
  const rightIndex = new Map(exercise.items.map((item, i) => [item.id, i]));
  const order = knownUnique(answer.order, new Set(rightIndex.keys()));
  const run = new Set(longestIncreasingRun(order.map((id) => rightIndex.get(id)!)).map((i) => order[i]!));
  const yourIndex = new Map(order.map((id, i) => [id, i]));
  const steps = exercise.items.map((item, i) => ({
    id: item.id,
    text: item.text[lang],
    note: item.note?.[lang] ?? null,
    rightPosition: i + 1,
    yourPosition: yourIndex.has(item.id) ? yourIndex.get(item.id)! + 1 : null,
    inPlace: run.has(item.id),
  }));
  return { ...resultBase(exercise, run.size, exercise.items.length, lang), type: 'sequence', steps };
}
