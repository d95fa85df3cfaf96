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
  /** For each completion with a recorded view: completion time minus view time, in ms. */
  viewToCompletionMs: readonly number[];
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
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A completion without a recorded view (finished before views were recorded) still means the
 * person started, so started = viewed + completions without a view; started ≥ completed always.
 * Durations below zero (a view recorded only after completing, when reviewing) are not timings.
 */
export function moduleStats(tally: ModuleTally): ModuleStats {
  const completedWithoutView = Math.max(0, tally.completed - tally.viewToCompletionMs.length);
  const started = tally.viewed + completedWithoutView;
  const timings = tally.viewToCompletionMs.filter((ms) => ms >= 0);
  return {
    moduleId: tally.moduleId,
    started,
    completed: tally.completed,
    completionRate: started === 0 ? null : Math.min(1, tally.completed / started),
    medianMs: median(timings),
    timedCompletions: timings.length,
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
