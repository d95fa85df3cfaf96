/** What every exercise type shares in its browser view and in its graded result. */
import type { Language } from '../../schemas/common';
import type { Exercise } from '../../schemas/exercise';

export interface PublicBase {
  id: string;
  title: string;
  instructions: string;
  practises: string;
  passPercent: number;
}

export interface ResultBase {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  passPercent: number;
  debrief: string;
}

export function publicBase(id: string, exercise: Exercise, lang: Language): PublicBase {
  return {
    id,
    title: exercise.title[lang],
    instructions: exercise.instructions[lang],
    practises: exercise.practises[lang],
    passPercent: exercise.passPercent,
  };
}

/** Score, percent to one decimal and pass/fail, as every scorer reports them. */
export function resultBase(exercise: Exercise, score: number, maxScore: number, lang: Language): ResultBase {
  const percent = maxScore <= 0 ? 0 : Math.round((Math.max(0, score) / maxScore) * 1000) / 10;
  // A role-play can lose more points than it earns; the learner sees 0, never "-5/10".
  return { score: Math.round(Math.max(0, score) * 100) / 100, maxScore, percent, passed: percent >= exercise.passPercent, passPercent: exercise.passPercent, debrief: exercise.debrief[lang] };
}

function hashText(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** mulberry32: a tiny deterministic generator, so an attempt's shuffle is the same on every reload. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The items in an order fixed by the attempt's seed and a salt (e.g. a node id). */
export function seededShuffle<T>(items: readonly T[], seed: number, salt = ''): T[] {
  const random = generator((seed ^ hashText(salt)) >>> 0);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Like `seededShuffle`, but never returns the authored order: when the answer is the authored
 * order (a sequence), showing it unshuffled would hand it to the learner.
 */
export function shuffleAwayFrom<T>(items: readonly T[], seed: number, salt = ''): T[] {
  const out = seededShuffle(items, seed, salt);
  if (out.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift()!);
  return out;
}

/** Keeps the first occurrence of each id that is in `known`, in order. */
export function knownUnique(ids: readonly string[], known: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    if (!known.has(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
