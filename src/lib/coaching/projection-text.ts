/** How a readiness projection reads on the path page and the team dashboard. Pure. */
import { t, type Language, type UiKey } from '../../i18n/ui';
import type { DayKey } from '../dates/days';
import type { CriterionProjection, ReadinessProjection } from '../promotion/projection';

/** The headline: the projected ready day, a sign-off still to come, or not enough data yet. */
export function projectionHeadline(lang: Language, p: ReadinessProjection, today: DayKey, formatDay: (day: DayKey) => string): string {
  if (p.readyDay === null) return t(lang, 'projection.notEnoughData');
  if (p.signOffPending && p.readyDay === today && p.criteria.every((c) => c.basis === 'met' || c.basis === 'sign-off')) return t(lang, 'projection.readyNow');
  return t(lang, p.signOffPending ? 'projection.readyThenSignOff' : 'projection.ready', { date: formatDay(p.readyDay) });
}

const basisKey: Record<CriterionProjection['basis'], UiKey> = {
  met: 'projection.basis.met',
  pace: 'projection.basis.pace',
  calendar: 'projection.basis.calendar',
  'sign-off': 'projection.basis.sign-off',
  'no-pace': 'projection.basis.no-pace',
  unpredictable: 'projection.basis.unpredictable',
};

/** One criterion's line: "around 3 December", "from 15 October", or why there is no date. */
export function criterionProjectionText(lang: Language, c: CriterionProjection, formatDay: (day: DayKey) => string): string {
  return t(lang, basisKey[c.basis], { date: c.day ? formatDay(c.day) : '' });
}

/** Modules a week, rounded to one decimal, for "your recent pace". */
export const perWeek = (pace: number) => Math.round(pace * 7 * 10) / 10;
