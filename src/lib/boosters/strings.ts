/** The UI strings the review island needs, handed to it already translated by the page. */
import { t, type Language, type UiKey } from '../../i18n/ui';

const keys = [
  'review.progress', 'review.check', 'review.chooseFirst', 'review.next', 'review.finish', 'review.keyboard', 'review.comesBack',
  'review.comesBackToday', 'review.repeated', 'review.error', 'review.allDone', 'practice.allDone',
  'quiz.single', 'quiz.multiple', 'quiz.trueFalse', 'quiz.ordering', 'quiz.matching', 'quiz.numeric', 'quiz.true', 'quiz.false',
  'quiz.correct', 'quiz.incorrect', 'quiz.yourChoice', 'quiz.rightAnswer', 'quiz.moveUp', 'quiz.moveDown', 'quiz.moved', 'quiz.choose',
  'quiz.yourValue', 'quiz.placedAt', 'quiz.notPlaced', 'quiz.rightOrder', 'quiz.yourMatch', 'quiz.yourNumber', 'quiz.rightValue',
  'quiz.tolerance', 'quiz.unreadable', 'quiz.noAnswer',
  'error.unauthorized', 'error.notFound', 'error.badRequest', 'error.tooMany', 'error.server', 'error.network',
  'number.readAs', 'number.fixFirst', 'number.empty', 'number.comma', 'number.unitOf', 'number.noUnit', 'number.unreadable',
] as const satisfies readonly UiKey[];

export function reviewIslandStrings(lang: Language): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, t(lang, k)]));
}
