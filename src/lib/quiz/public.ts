import type { Language } from '../../schemas/common';
import type { Quiz } from '../../schemas/quiz';
import type { Answer, Answers } from './grading';
import { planAttempt, type AttemptPlan } from './draw';

interface Choice {
  id: string;
  text: string;
}

/**
 * What the browser may know of a question before submitting: no `correct`, no explanations, no
 * numeric answer. Ordering items and both sides of a matching question come in the attempt's
 * shuffled order under ids that only number them in that order (`item-1`, `left-2`, `right-3`), so
 * neither the authored order nor the authored pairing can be read off the page.
 */
export type PublicQuestion =
  | { id: string; type: 'single' | 'multiple'; prompt: string; options: Choice[] }
  | { id: string; type: 'true-false'; prompt: string }
  | { id: string; type: 'ordering'; prompt: string; items: Choice[] }
  | { id: string; type: 'matching'; prompt: string; left: Choice[]; right: Choice[] }
  | { id: string; type: 'numeric'; prompt: string; unit?: string };

/** An answer as the island holds it before submitting: public ids, true/false, typed text, left → right ids. */
export type DraftAnswer = string[] | boolean | string | Record<string, string> | undefined;

export interface PublicQuiz {
  id: string;
  title: string;
  passPercent: number;
  questions: PublicQuestion[];
}

const publicId = (prefix: string, index: number) => `${prefix}-${index + 1}`;
// Anything the browser sends that is not a public id of this attempt becomes this marker, which is
// no authored id (it is not a slug), so a guessed or tampered id can never be graded right.
const UNKNOWN = '#unknown';

function authoredId(prefix: string, order: readonly string[], id: string): string {
  const match = new RegExp(`^${prefix}-(\\d{1,3})$`).exec(id);
  return (match && order[Number(match[1]) - 1]) || UNKNOWN;
}

/**
 * Builds the browser's view of one attempt field by field from an allow-list, so a field added to
 * the schema later stays on the server until someone decides the browser may see it. Without a
 * plan it shows seed 0's plan (every question unless the quiz draws).
 */
export function toPublicQuiz(id: string, quiz: Quiz, lang: Language, plan: AttemptPlan = planAttempt(quiz, 0)): PublicQuiz {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const questions = plan.questions.flatMap(({ questionId, order, rightOrder }): PublicQuestion[] => {
    const q = byId.get(questionId);
    if (!q) return [];
    const prompt = q.prompt[lang];
    switch (q.type) {
      case 'true-false':
        return [{ id: q.id, type: q.type, prompt }];
      case 'single':
      case 'multiple': {
        const text = new Map(q.options.map((o) => [o.id, o.text[lang]]));
        return [{ id: q.id, type: q.type, prompt, options: order.map((optionId) => ({ id: optionId, text: text.get(optionId)! })) }];
      }
      case 'ordering': {
        const text = new Map(q.items.map((i) => [i.id, i.text[lang]]));
        return [{ id: q.id, type: q.type, prompt, items: order.map((itemId, k) => ({ id: publicId('item', k), text: text.get(itemId)! })) }];
      }
      case 'matching': {
        const pair = new Map(q.pairs.map((p) => [p.id, p]));
        return [
          {
            id: q.id,
            type: q.type,
            prompt,
            left: order.map((pairId, k) => ({ id: publicId('left', k), text: pair.get(pairId)!.left[lang] })),
            right: rightOrder.map((pairId, k) => ({ id: publicId('right', k), text: pair.get(pairId)!.right[lang] })),
          },
        ];
      }
      case 'numeric':
        return [q.unit ? { id: q.id, type: q.type, prompt, unit: q.unit[lang] } : { id: q.id, type: q.type, prompt }];
    }
  });
  return { id, title: quiz.title[lang], passPercent: quiz.passPercent, questions };
}

/**
 * Translates the browser's answers (public ids of this attempt) into the quiz file's ids for
 * grading. Answers to questions the attempt did not ask are dropped.
 */
export function fromPublicAnswers(quiz: Quiz, plan: AttemptPlan, answers: Answers): Answers {
  const typeOf = new Map(quiz.questions.map((q) => [q.id, q.type]));
  const out: Answers = {};
  for (const { questionId, order, rightOrder } of plan.questions) {
    if (!Object.hasOwn(answers, questionId)) continue;
    const answer = answers[questionId];
    let authored: Answer | undefined = answer;
    if (typeOf.get(questionId) === 'ordering') {
      authored = Array.isArray(answer) ? answer.map((id) => authoredId('item', order, id)) : undefined;
    } else if (typeOf.get(questionId) === 'matching') {
      authored =
        typeof answer === 'object' && answer !== null && !Array.isArray(answer)
          ? Object.fromEntries(Object.entries(answer).map(([left, right]) => [authoredId('left', order, left), authoredId('right', rightOrder, right)]))
          : undefined;
    }
    out[questionId] = authored;
  }
  return out;
}
