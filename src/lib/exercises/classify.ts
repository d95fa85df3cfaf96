import type { Language } from '../../schemas/common';
import type { ClassifyExercise } from '../../schemas/exercise';
import { publicBase, resultBase, seededShuffle, type PublicBase, type ResultBase } from './common';

export interface ClassifyAnswer {
  type: 'classify';
  /** Bucket id chosen for each card id; a card not in the map is not placed yet. */
  placements: Record<string, string>;
}

export interface PublicClassify extends PublicBase {
  type: 'classify';
  buckets: { id: string; label: string; hint: string | null }[];
  /** The cards, shuffled by the attempt's seed and without their bucket. */
  cards: { id: string; text: string }[];
}

export interface ClassifyResult extends ResultBase {
  type: 'classify';
  cards: { id: string; text: string; chosen: string | null; right: string; correct: boolean; explanation: string }[];
  /** Bucket labels by id, to name `chosen` and `right`. */
  bucketLabels: Record<string, string>;
}

export function toPublicClassify(id: string, exercise: ClassifyExercise, lang: Language, seed: number): PublicClassify {
  return {
    ...publicBase(id, exercise, lang),
    type: 'classify',
    buckets: exercise.buckets.map((b) => ({ id: b.id, label: b.label[lang], hint: b.hint?.[lang] ?? null })),
    cards: seededShuffle(exercise.cards, seed).map((c) => ({ id: c.id, text: c.text[lang] })),
  };
}

/**
 * One point per card placed in its bucket. A card left unplaced, or placed in a bucket that does
 * not exist, earns nothing; placements for cards that do not exist are ignored.
 */
export function scoreClassify(exercise: ClassifyExercise, answer: ClassifyAnswer, lang: Language): ClassifyResult {
  const bucketIds = new Set(exercise.buckets.map((b) => b.id));
  const cards = exercise.cards.map((c) => {
    const placed = Object.hasOwn(answer.placements, c.id) ? answer.placements[c.id]! : null;
    const chosen = placed !== null && bucketIds.has(placed) ? placed : null;
    return { id: c.id, text: c.text[lang], chosen, right: c.bucket, correct: chosen === c.bucket, explanation: c.explanation[lang] };
  });
  const score = cards.filter((c) => c.correct).length;
  return {
    ...resultBase(exercise, score, exercise.cards.length, lang),
    type: 'classify',
    cards,
    bucketLabels: Object.fromEntries(exercise.buckets.map((b) => [b.id, b.label[lang]])),
  };
}
