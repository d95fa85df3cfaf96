/**
 * Coaching criterion: "rubric R, average level ≥ x over the last n observations". Pure.
 * An observation's level is the mean of its criteria's levels; the latest n observations with the
 * rubric (by the day observed, then by when they were recorded) are averaged. Fewer than n
 * observations never meet the criterion: a single good visit is not a habit.
 */

/** One recorded observation, as readiness needs it. */
export interface ObservationRecord {
  id: string;
  rubricId: string;
  /** Day observed on the company calendar, "YYYY-MM-DD". */
  observedOn: string;
  averageLevel: number;
  createdAt: Date;
}

export interface RubricStanding {
  /** Mean over the observations counted; null when there are none. */
  value: number | null;
  /** How many observations were counted (at most `last`). */
  counted: number;
  met: boolean;
  progress: number;
}

const EPSILON = 1e-9;

/** Latest first: the later day observed, then the later recording. */
export function latestFirst(a: ObservationRecord, b: ObservationRecord): number {
  if (a.observedOn !== b.observedOn) return a.observedOn < b.observedOn ? 1 : -1;
  return b.createdAt.getTime() - a.createdAt.getTime();
}

export function rubricStanding(observations: readonly ObservationRecord[], rubricId: string, minAverage: number, last: number): RubricStanding {
  const latest = observations.filter((o) => o.rubricId === rubricId).sort(latestFirst).slice(0, last);
  if (latest.length === 0) return { value: null, counted: 0, met: false, progress: 0 };
  const value = latest.reduce((sum, o) => sum + o.averageLevel, 0) / latest.length;
  const met = latest.length >= last && value + EPSILON >= minAverage;
  // Both halves must be there: enough observations, and a high enough average.
  const progress = met ? 1 : Math.min(1, value / minAverage) * (latest.length / last);
  return { value, counted: latest.length, met, progress: Math.max(0, Math.min(1, progress)) };
}
