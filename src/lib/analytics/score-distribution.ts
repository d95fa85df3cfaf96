/** Score distributions for exercises: submitted attempts counted into ten 10-point bins. */

export const BIN_COUNT = 10;

/** A score in percent → its bin: 0–9 → 0, …, 90–100 → 9 (100 joins the top bin). */
export function binOf(percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  return Math.min(BIN_COUNT - 1, Math.floor(percent / 10));
}

export interface ScoreBin {
  /** Lowest and highest whole percent in the bin, e.g. 90 and 100. */
  from: number;
  to: number;
  count: number;
  /** count / all attempts, 0–1. */
  share: number;
}

export interface ScoreDistribution {
  attempts: number;
  bins: ScoreBin[];
  /** Mean score in percent, null without attempts. */
  mean: number | null;
}

/**
 * Builds the distribution from per-bin counts (as the database groups them) and the sum of all
 * scores. Bins outside 0–9 are clamped so a stray value is counted, not lost.
 */
export function scoreDistribution(binCounts: readonly { bin: number; count: number }[], scoreSum: number): ScoreDistribution {
  const counts = new Array<number>(BIN_COUNT).fill(0);
  for (const { bin, count } of binCounts) counts[Math.max(0, Math.min(BIN_COUNT - 1, Math.floor(bin)))]! += count;
  const attempts = counts.reduce((a, b) => a + b, 0);
  return {
    attempts,
    mean: attempts === 0 ? null : Math.round((scoreSum / attempts) * 10) / 10,
    bins: counts.map((count, i) => ({
      from: i * 10,
      to: i === BIN_COUNT - 1 ? 100 : i * 10 + 9,
      count,
      share: attempts === 0 ? 0 : count / attempts,
    })),
  };
}

/** The same distribution straight from scores, for small sets and tests. */
export function distributionOfScores(percents: readonly number[]): ScoreDistribution {
  const bins = new Map<number, number>();
  for (const p of percents) bins.set(binOf(p), (bins.get(binOf(p)) ?? 0) + 1);
  return scoreDistribution(
    [...bins].map(([bin, count]) => ({ bin, count })),
    percents.reduce((a, b) => a + b, 0),
  );
}
