/**
 * "Where will I be, and when?": from a learner's pace, the day each open criterion will be met and
 * the day they will be ready. Pure: readiness, the record, the pace and today in; days out.
 *
 * Only what the learner's own pace or the calendar decides is projected. Module and course work
 * moves at the learner's pace (modules completed per day); time at a level has a fixed date. Scores
 * still to be earned (an exercise, a quiz mean below the bar), KPI evidence and observations depend
 * on how things go and on other people, so they are "not enough data yet" unless already met. A
 * manager's sign-off comes last by design and is not a date of its own.
 */
import { addDays, dayKey, type DayKey } from '../dates/days';
import type { CriterionResult, Readiness } from './readiness';

/** The trailing window a pace is measured over, and the fewest completions that make a pace. */
export const PACE_WINDOW_DAYS = 42;
export const PACE_MIN_COMPLETIONS = 2;
/** A projection further out than this is not a date anyone can plan by. */
export const HORIZON_DAYS = 3 * 365;

export type ProjectionBasis = 'met' | 'pace' | 'calendar' | 'sign-off' | 'no-pace' | 'unpredictable';

export interface CriterionProjection {
  key: string;
  /** The day it is (projected to be) met; null when there is not enough data to say. */
  day: DayKey | null;
  basis: ProjectionBasis;
}

export interface ReadinessProjection {
  criteria: CriterionProjection[];
  /** The day every criterion but a pending sign-off is met; null when any of them cannot be projected. */
  readyDay: DayKey | null;
  /** True when a manager's sign-off is still to come after readyDay. */
  signOffPending: boolean;
}

/**
 * Modules completed per day over the trailing window, or null when the learner has not completed
 * enough lately to speak of a pace. The window starts at the first completion in it (a week at the
 * least), so someone who started ten days ago is measured over ten days, not six weeks.
 */
export function paceOf(completions: Iterable<Date>, now: Date): number | null {
  const DAY = 86_400_000;
  const from = now.getTime() - PACE_WINDOW_DAYS * DAY;
  const recent = [...completions].map((d) => d.getTime()).filter((t) => t > from && t <= now.getTime());
  if (recent.length < PACE_MIN_COMPLETIONS) return null;
  const days = Math.max(7, (now.getTime() - Math.min(...recent)) / DAY);
  return recent.length / days;
}

/** The day `work` modules get done at `pace` modules a day, counting from today. */
function dayAfterWork(today: DayKey, work: number, pace: number | null): DayKey | null {
  if (work <= 0) return today;
  if (pace === null || !(pace > 0) || !Number.isFinite(pace)) return null;
  const days = Math.ceil(work / pace);
  return days > HORIZON_DAYS ? null : addDays(today, days);
}

const later = (a: DayKey, b: DayKey) => (a >= b ? a : b);

function projectCriterion(c: CriterionResult, today: DayKey, pace: number | null, zone: string): CriterionProjection {
  const of = (day: DayKey | null, basis: ProjectionBasis): CriterionProjection => ({ key: c.key, day, basis });
  if (c.status === 'met') return of(today, 'met');
  switch (c.kind) {
    case 'course': {
      const day = dayAfterWork(today, c.missing.length, pace);
      return of(day, day ? 'pace' : 'no-pace');
    }
    case 'module': {
      const day = dayAfterWork(today, 1, pace);
      return of(day, day ? 'pace' : 'no-pace');
    }
    case 'quiz': {
      // Taken quizzes already at the bar: the rest is modules still to do, at the learner's pace.
      const taken = c.quizzes.filter((q) => q.attempts > 0);
      const open = c.quizzes.length - taken.length;
      const takenMean = taken.length === 0 ? null : taken.reduce((s, q) => s + (q.score ?? 0), 0) / taken.length;
      if (takenMean === null || takenMean < c.threshold || open === 0) return of(null, 'unpredictable');
      const day = dayAfterWork(today, open, pace);
      return of(day, day ? 'pace' : 'no-pace');
    }
    case 'tenure': {
      if (!c.eligibleAt) return of(null, 'unpredictable');
      // Never before today: a date in the past would mean it is met, which the status says it is not.
      return of(later(dayKey(c.eligibleAt, zone), today), 'calendar');
    }
    case 'sign-off':
      return of(null, 'sign-off');
    case 'exercise':
    case 'kpi':
    case 'rubric':
    case 'retention':
      return of(null, 'unpredictable');
  }
}

/**
 * Each criterion's projected day and the day the learner will be ready. `pace` is modules a day
 * (see paceOf); null when there is none. Days are on the company calendar of `zone`, never before
 * `now`'s day, and never later for a faster pace.
 */
export function projectReadiness(readiness: Readiness, pace: number | null, now: Date, zone: string): ReadinessProjection {
  const today = dayKey(now, zone);
  const criteria = readiness.criteria.map((c) => projectCriterion(c, today, pace, zone));
  const signOffPending = criteria.some((p) => p.basis === 'sign-off');
  const rest = criteria.filter((p) => p.basis !== 'sign-off');
  const readyDay = rest.some((p) => p.day === null) ? null : rest.reduce<DayKey>((day, p) => later(day, p.day!), today);
  return { criteria, readyDay, signOffPending };
}
