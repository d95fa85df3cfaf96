/**
 * An observation's levels and notes, checked against its rubric. Pure. Levels arrive as the form
 * sends them (text, possibly typed with full-width digits); each criterion of the rubric must get
 * exactly one whole level within the rubric's range, or the whole observation is refused.
 */
import type { Rubric } from '../../schemas/rubric';

export interface ObservationScore {
  criterionId: string;
  level: number;
  note: string;
}

export type ScoresCheck = { ok: true; scores: ObservationScore[]; average: number } | { ok: false; problem: string };

/** "３" → 3; anything that is not a whole number → NaN. */
export function readLevel(text: string): number {
  const normalised = text.normalize('NFKC').trim();
  return /^\d{1,2}$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** The number of levels of the rubric (every criterion has the same, see rubricSchema). */
export const topLevel = (rubric: Rubric) => rubric.criteria[0]?.levels.length ?? 0;

export function checkScores(rubric: Rubric, criterionIds: readonly string[], levels: readonly string[], notes: readonly string[]): ScoresCheck {
  if (criterionIds.length !== levels.length || notes.length > criterionIds.length) {
    return { ok: false, problem: 'every criterion needs one level (and at most one note)' };
  }
  const given = new Map<string, { level: number; note: string }>();
  for (const [i, id] of criterionIds.entries()) {
    if (given.has(id)) return { ok: false, problem: `criterion "${id}" is scored twice` };
    given.set(id, { level: readLevel(levels[i]!), note: (notes[i] ?? '').trim() });
  }
  const scores: ObservationScore[] = [];
  for (const c of rubric.criteria) {
    const g = given.get(c.id);
    if (!g) return { ok: false, problem: `criterion "${c.id}" has no level` };
    if (!Number.isInteger(g.level) || g.level < 1 || g.level > c.levels.length) {
      return { ok: false, problem: `criterion "${c.id}": level must be a whole number from 1 to ${c.levels.length}` };
    }
    scores.push({ criterionId: c.id, level: g.level, note: g.note });
    given.delete(c.id);
  }
  const unknown = [...given.keys()][0];
  if (unknown !== undefined) return { ok: false, problem: `the rubric has no criterion "${unknown}"` };
  return { ok: true, scores, average: scores.reduce((s, x) => s + x.level, 0) / scores.length };
}
