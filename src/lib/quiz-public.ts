import type { Language } from '../schemas/common';
import type { Quiz } from '../schemas/quiz';

/** What the browser may know of a question before submitting: no `correct`, no explanations. */
export type PublicQuestion =
  | { id: string; type: 'single' | 'multiple'; prompt: string; options: { id: string; text: string }[] }
  | { id: string; type: 'true-false'; prompt: string };

export interface PublicQuiz {
  id: string;
  title: string;
  passPercent: number;
  questions: PublicQuestion[];
}

/**
 * Builds the browser's view of a quiz field by field from an allow-list, so a field added to the
 * schema later stays on the server until someone decides the browser may see it.
 */
export function toPublicQuiz(id: string, quiz: Quiz, lang: Language): PublicQuiz {
  return {
    id,
    title: quiz.title[lang],
    passPercent: quiz.passPercent,
    questions: quiz.questions.map((q): PublicQuestion =>
      q.type === 'true-false'
        ? { id: q.id, type: q.type, prompt: q.prompt[lang] }
        : { id: q.id, type: q.type, prompt: q.prompt[lang], options: q.options.map((o) => ({ id: o.id, text: o.text[lang] })) },
    ),
  };
}
