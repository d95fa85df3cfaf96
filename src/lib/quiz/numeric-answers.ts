/**
 * A numeric answer the number reader cannot read is a typing problem, not a wrong answer: the
 * submission is refused before grading, so no attempt is spent on it. Pure; the submission rules
 * (server/quiz-submission.ts) call it for the quiz.submit action and the saved drafts.
 */
import { t } from '../../i18n/ui';
import type { Language } from '../../schemas/common';
import type { Quiz } from '../../schemas/quiz';
import { numberProblemKey, readNumber } from '../numbers/read-number';

/**
 * What to tell the learner about the first numeric answer that cannot be read, naming the
 * question as the attempt numbered it (`askedIds`: the attempt's questions in order), or null if
 * every numeric answer reads. A blank box is a question left unanswered, which is the learner's call.
 */
export function unreadableNumericAnswer(quiz: Quiz, askedIds: readonly string[], answers: Readonly<Record<string, unknown>>, lang: Language): string | null {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const [index, questionId] of askedIds.entries()) {
    const question = byId.get(questionId);
    const typed = Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
    if (question?.type !== 'numeric' || typeof typed !== 'string') continue;
    const reading = readNumber(typed, question.unit);
    if (reading.ok || reading.problem === 'empty') continue;
    const hint = t(lang, numberProblemKey(reading.problem, question.unit), { unit: question.unit?.[lang] ?? '' });
    return t(lang, 'number.refused', { index: index + 1, prompt: question.prompt[lang], typed: typed.trim(), hint });
  }
  return null;
}
