/**
 * How criteria read on screen and in the CSV: a label ("Complete the course …"), the value against
 * its threshold, and where the learner goes to move it forward. Pure: titles come in as lookups.
 */
import { t, type Language, type UiKey } from '../../i18n/ui';
import type { KpiMetric } from '../../schemas/level';
import type { CriterionKind, CriterionResult, CriterionStatus } from './readiness';

export interface TitleLookup {
  course(id: string): string;
  module(id: string): string;
  exercise(id: string): string;
  /** Level names, for tenure counted across several levels; the id stands in when absent. */
  level?(id: string): string;
  /** Rubric names (coaching); the id stands in when absent. */
  rubric?(id: string): string;
}

export const statusKey: Record<CriterionStatus, UiKey> = {
  met: 'promo.status.met',
  'in-progress': 'promo.status.inProgress',
  'not-started': 'promo.status.notStarted',
};

export const kindKey: Record<CriterionKind, UiKey> = {
  course: 'promo.kind.course',
  module: 'promo.kind.module',
  quiz: 'promo.kind.quiz',
  exercise: 'promo.kind.exercise',
  kpi: 'promo.kind.kpi',
  rubric: 'promo.kind.rubric',
  tenure: 'promo.kind.tenure',
  'sign-off': 'promo.kind.signOff',
  retention: 'promo.kind.retention',
};

export const metricKey: Record<KpiMetric, UiKey> = {
  'target-attainment': 'promo.metric.target-attainment',
  'customer-satisfaction': 'promo.metric.customer-satisfaction',
  'lead-conversion': 'promo.metric.lead-conversion',
  'growth-rate': 'promo.metric.growth-rate',
};

const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

/** What the criterion asks for, e.g. "完成课程《新员工入职》" or "Customer satisfaction ≥ 85%". */
export function criterionLabel(lang: Language, c: CriterionResult, titles: TitleLookup): string {
  switch (c.kind) {
    case 'course':
      return t(lang, 'promo.label.course', { title: titles.course(c.courseId) });
    case 'module':
      return t(lang, 'promo.label.module', { title: titles.module(c.moduleId) });
    case 'quiz':
      return t(lang, c.mode === 'best' ? 'promo.label.quizBest' : 'promo.label.quizAverage', { threshold: c.threshold });
    case 'exercise':
      return t(lang, 'promo.label.exercise', { title: titles.exercise(c.exerciseId), threshold: c.threshold });
    case 'kpi':
      return t(lang, 'promo.label.kpi', { metric: t(lang, metricKey[c.metric]), threshold: c.threshold });
    case 'tenure':
      return c.levels === null
        ? t(lang, 'promo.label.tenure', { threshold: c.threshold })
        : t(lang, 'promo.label.tenureIn', {
            threshold: c.threshold,
            levels: c.levels.map((id) => titles.level?.(id) ?? id).join(lang === 'zh' ? '、' : ', '),
          });
    case 'sign-off':
      return t(lang, 'promo.label.signOff');
    case 'retention':
      return t(lang, 'promo.label.retention', { threshold: pct(c.threshold * 100) });
    case 'rubric':
      return t(lang, 'promo.label.rubric', { title: titles.rubric?.(c.rubricId) ?? c.rubricId, threshold: c.threshold, last: c.last });
  }
}

/** Where the person stands, e.g. "3/5 个单元" or "95%（2026-Q2）". */
export function criterionValue(lang: Language, c: CriterionResult, formatDate: (d: Date) => string): string {
  switch (c.kind) {
    case 'course':
      return t(lang, 'promo.value.modules', { done: c.value, total: c.threshold });
    case 'module':
      return c.completedAt ? t(lang, 'promo.value.completedOn', { date: formatDate(c.completedAt) }) : t(lang, 'promo.value.notCompleted');
    case 'quiz':
      return c.value === null ? t(lang, 'promo.value.noQuizInScope') : t(lang, 'promo.value.quiz', { value: pct(c.value), count: c.quizzes.length });
    case 'exercise':
      return c.value === null ? t(lang, 'promo.value.noScore') : t(lang, 'promo.value.best', { value: pct(c.value) });
    case 'kpi':
      return c.latest ? t(lang, 'promo.value.kpi', { value: pct(c.latest.valuePercent), period: c.latest.period }) : t(lang, 'promo.value.noEvidence');
    case 'tenure':
      if (c.status === 'met') return t(lang, c.levels === null ? 'promo.value.months' : 'promo.value.monthsInTotal', { value: c.value });
      return c.eligibleAt
        ? t(lang, c.levels === null ? 'promo.value.monthsUntil' : 'promo.value.monthsInTotalUntil', { value: c.value, date: formatDate(c.eligibleAt) })
        : t(lang, 'promo.value.monthsNotAccruing', { value: c.value });
    case 'sign-off':
      return c.signOff ? t(lang, 'promo.value.signedOn', { date: formatDate(c.signOff.at) }) : t(lang, 'promo.value.notSigned');
    case 'retention':
      return c.value === null
        ? t(lang, 'promo.value.noReviews')
        : t(lang, 'promo.value.retention', { value: pct(c.value * 100), right: c.right, total: c.total });
    case 'rubric':
      return c.value === null
        ? t(lang, 'promo.value.noObservation')
        : t(lang, 'promo.value.rubric', { value: Math.round(c.value * 100) / 100, counted: c.counted, last: c.last });
  }
}

/** A short "label: value" line for lists of what is still missing. */
export function criterionGap(lang: Language, c: CriterionResult, titles: TitleLookup, formatDate: (d: Date) => string): string {
  const label = criterionLabel(lang, c, titles);
  const value = criterionValue(lang, c, formatDate);
  return lang === 'zh' ? `${label}（${value}）` : `${label} (${value})`;
}

export interface NextStep {
  href: string | null;
  text: string;
}

export interface PathLinks {
  moduleHref(moduleId: string): string | null;
}

/** The link (or hint) that moves a criterion forward, for the learner's own path. */
export function nextStep(lang: Language, c: CriterionResult, titles: TitleLookup, links: PathLinks & { exerciseModule(id: string): string | null }): NextStep | null {
  if (c.status === 'met') return null;
  switch (c.kind) {
    case 'course': {
      const first = c.missing[0];
      return first ? { href: links.moduleHref(first), text: t(lang, 'promo.next.continue', { title: titles.module(first) }) } : null;
    }
    case 'module':
      return { href: links.moduleHref(c.moduleId), text: t(lang, 'promo.next.open', { title: titles.module(c.moduleId) }) };
    case 'quiz': {
      const weakest = [...c.quizzes].sort((a, b) => (a.score ?? -1) - (b.score ?? -1))[0];
      return weakest
        ? {
            href: links.moduleHref(weakest.moduleId),
            text: t(lang, weakest.attempts === 0 ? 'promo.next.quizFirst' : 'promo.next.quiz', { title: titles.module(weakest.moduleId) }),
          }
        : null;
    }
    case 'exercise': {
      const moduleId = links.exerciseModule(c.exerciseId);
      return { href: moduleId ? links.moduleHref(moduleId) : null, text: t(lang, 'promo.next.exercise', { title: titles.exercise(c.exerciseId) }) };
    }
    case 'kpi':
      return { href: null, text: t(lang, 'promo.next.kpi') };
    case 'tenure':
      return { href: null, text: t(lang, c.eligibleAt ? 'promo.next.tenure' : 'promo.next.tenureElsewhere') };
    case 'sign-off':
      return { href: null, text: t(lang, 'promo.next.signOff') };
    case 'retention':
      return { href: `/${lang}/review/`, text: t(lang, 'promo.next.retention') };
    case 'rubric':
      return { href: null, text: t(lang, 'promo.next.rubric', { title: titles.rubric?.(c.rubricId) ?? c.rubricId }) };
  }
}
