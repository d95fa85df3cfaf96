/**
 * Which questions an attempt asks and in what order it shows them, derived from one number: the
 * attempt's seed. Pure and deterministic, so grading and reviews re-derive exactly what the
 * learner saw.
 */
import type { Quiz } from '../../schemas/quiz';

/**
 * The seed of a learner's n-th attempt (0-based) at a quiz.
 *
 * Why derived and not random or client-chosen: the server must know what an attempt drew without
 * trusting the browser, and a learner must not be able to pick a seed (or re-roll one by reloading
 * the page) until an easy draw comes up. Deriving it from who is asking and how many attempts they
 * have already stored gives every page load of the same attempt the same questions, changes the
 * draw only when an attempt is spent, and needs no extra table or secret. The island sends the
 * seed back only as a check that it is answering the attempt the server expects; the server never
 * grades with a seed it did not derive itself. The seed is predictable by someone who reads this
 * code, which is harmless: knowing which questions come next gives nothing away that the quiz page
 * does not show anyway, and grading stays on the server.
 */
export function attemptSeed(userId: string, quizId: string, attemptNumber: number): number {
  return hash32(`${userId}\u0000${quizId}\u0000${attemptNumber}`);
}

/** What one attempt shows: the drawn questions in order, and each one's display order of choices. */
export interface AttemptPlan {
  seed: number;
  questions: PlannedQuestion[];
}

export interface PlannedQuestion {
  questionId: string;
  /** Display order of option ids (single, multiple), item ids (ordering) or left pair ids (matching). */
  order: string[];
  /** Matching only: display order of the right-hand side, as pair ids. */
  rightOrder: string[];
}

/** Draws and shuffles a quiz for the attempt with this seed. Same quiz and seed, same plan. */
export function planAttempt(quiz: Quiz, seed: number): AttemptPlan {
  const random = mulberry32(seed);
  let questions = quiz.questions;
  if (quiz.draw !== undefined && quiz.draw < questions.length) {
    const drawn = new Set(shuffled(questions, random).slice(0, quiz.draw));
    // Without `shuffle`, drawn questions keep the author's order.
    questions = questions.filter((q) => drawn.has(q));
  }
  if (quiz.shuffle) questions = shuffled(questions, random);
  return {
    seed,
    questions: questions.map((q): PlannedQuestion => {
      // Each question shuffles with its own stream, so editing one question never reshuffles another.
      const own = mulberry32(hash32(`${seed}\u0000${q.id}`));
      switch (q.type) {
        case 'single':
        case 'multiple': {
          const ids = q.options.map((o) => o.id);
          return { questionId: q.id, order: quiz.shuffle ? shuffled(ids, own) : ids, rightOrder: [] };
        }
        // The authored order of items is the answer and the authored pairing is the answer, so
        // these are shuffled whatever `shuffle` says.
        case 'ordering':
          return { questionId: q.id, order: shuffled(q.items.map((i) => i.id), own), rightOrder: [] };
        case 'matching': {
          const ids = q.pairs.map((p) => p.id);
          return { questionId: q.id, order: shuffled(ids, own), rightOrder: shuffled(ids, own) };
        }
        default:
          return { questionId: q.id, order: [], rightOrder: [] };
      }
    }),
  };
}

/** Fisher–Yates with the given random source; returns a new array. */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Small, fast, well-spread PRNG (mulberry32); returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units with a murmur3 finaliser: a well-mixed unsigned 32-bit number. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
