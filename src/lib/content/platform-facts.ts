/**
 * How the platform works, as text for lessons, derived from its configuration so that a lesson
 * cannot drift from it: the ladder (content/levels/) and the quiz schema. Pure: the authoring
 * components pass the level data and the titles in.
 */
import { t, type Language, type UiKey } from '../../i18n/ui';
import type { Level } from '../../schemas/level';
import { questionSchema, type QuestionType } from '../../schemas/quiz';
import { metricKey, type TitleLookup } from '../promotion/criterion-text';

/** Every question type the quiz schema accepts, in the schema's order. */
export const questionTypes: readonly QuestionType[] = questionSchema.options.map((o) => o.shape.type.value);

const questionTypeKey: Record<QuestionType, UiKey> = {
  single: 'platform.questionType.single',
  multiple: 'platform.questionType.multiple',
  'true-false': 'platform.questionType.true-false',
  ordering: 'platform.questionType.ordering',
  matching: 'platform.questionType.matching',
  numeric: 'platform.questionType.numeric',
};

export function questionTypeList(lang: Language): { lead: string; items: string[] } {
  return { lead: t(lang, 'platform.questionTypes.lead', { count: questionTypes.length }), items: questionTypes.map((type) => t(lang, questionTypeKey[type])) };
}

/**
 * The quiz rule of a level in the words "My path" uses, e.g. "相关测验平均分不低于 85%（取全部作答的
 * 平均）"; undefined when the level sets no quiz threshold.
 */
export function quizRule(level: Level, lang: Language): string | undefined {
  const { minQuizPercent, quizScoreMode } = level.criteria;
  if (minQuizPercent === undefined) return undefined;
  return t(lang, quizScoreMode === 'average' ? 'promo.label.quizAverage' : 'promo.label.quizBest', { threshold: minQuizPercent });
}

/** Every condition for promotion to `level`, in the order "My path" lists them. */
export function levelRules(level: Level, lang: Language, titles: TitleLookup): string[] {
  const c = level.criteria;
  const quiz = quizRule(level, lang);
  return [
    ...c.courses.map((id) => t(lang, 'promo.label.course', { title: titles.course(id) })),
    ...c.modules.map((id) => t(lang, 'promo.label.module', { title: titles.module(id) })),
    ...(quiz ? [quiz] : []),
    ...c.exercises.map((e) => t(lang, 'promo.label.exercise', { title: titles.exercise(e.id), threshold: e.minPercent })),
    ...c.kpis.map((k) => t(lang, 'promo.label.kpi', { metric: t(lang, metricKey[k.metric]), threshold: k.minPercent })),
    ...(c.minMonthsAtPreviousLevel > 0 ? [t(lang, 'promo.label.tenure', { threshold: c.minMonthsAtPreviousLevel })] : []),
    ...(c.managerSignOff ? [t(lang, 'promo.label.signOff')] : []),
  ];
}
