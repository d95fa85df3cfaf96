/**
 * Per-module analytics: how many people started a module, how many finished it, and how long
 * finishing took (first view to completion). Aggregates only.
 */

export interface ModuleTally {
  moduleId: string;
  /** People who opened the module (one "module.viewed" event per person and module). */
  viewed: number;
  /** People who completed it. */
  completed: number;
  /**
   * Completions with a recorded view, counted by whole minutes from first view to completion
   * (negative when the view was recorded only after completing).
   */
  viewToCompletionMinutes: readonly { minutes: number; count: number }[];
}

export interface ModuleStats {
  moduleId: string;
  started: number;
  completed: number;
  /** completed / started, 0–1; null when nobody started. */
  completionRate: number | null;
  /** Median time from first view to completion, in ms; null without a timed completion. */
  medianMs: number | null;
  /** How many completions the median is over. */
  timedCompletions: number;
}

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  return weightedMedian(values.map((value) => ({ value, count: 1 })));
}

/** The median of values that occur `count` times each, without expanding them. */
export function weightedMedian(groups: readonly { value: number; count: number }[]): number | null {
  const sorted = groups.filter((g) => g.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, g) => sum + g.count, 0);
  if (total === 0) return null;
  // The values at positions ⌊(n-1)/2⌋ and ⌊n/2⌋ (0-based) of the expanded, sorted list.
  const at = (position: number) => {
    let seen = 0;
    for (const g of sorted) {
      seen += g.count;
      if (position < seen) return g.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

/**
 * A completion without a recorded view (finished before views were recorded) still means the
 * person started, so started = viewed + completions without a view; started ≥ completed always.
 * Durations below zero (a view recorded only after completing, when reviewing) are not timings.
 * Times are counted in whole minutes so the database sends a few thousand groups, not a row per
 * completion; the median is exact to the minute.
 */
export function moduleStats(tally: ModuleTally): ModuleStats {
  const withView = tally.viewToCompletionMinutes.reduce((sum, g) => sum + g.count, 0);
  const started = tally.viewed + Math.max(0, tally.completed - withView);
  const timings = tally.viewToCompletionMinutes.filter((g) => g.minutes >= 0);
  // A whole minute stands for the middle of that minute.
  const medianMinutes = weightedMedian(timings.map((g) => ({ value: g.minutes + 0.5, count: g.count })));
  return {
    moduleId: tally.moduleId,
    started,
    completed: tally.completed,
    completionRate: started === 0 ? null : Math.min(1, tally.completed / started),
    medianMs: medianMinutes === null ? null : Math.round(medianMinutes * 60_000),
    timedCompletions: timings.reduce((sum, g) => sum + g.count, 0),
  };
}

/** A duration for people: minutes under two hours, hours under two days, then days. */
export function durationParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  const minutes = ms / 60_000;
  if (minutes < 120) return { unit: 'minutes', value: Math.max(1, Math.round(minutes)) };
  const hours = minutes / 60;
  if (hours < 48) return { unit: 'hours', value: Math.round(hours) };
  return { unit: 'days', value: Math.round(hours / 24) };
}
