/**
 * What a booster card shows and how its answer is graded. A question card is its quiz question
 * alone, shown and graded by the quiz's own code (quiz-public.ts, quiz-attempt.ts); a key-term
 * card is a single-choice question "which definition fits this term?". Pure: no database, no clock.
 *
 * The browser only ever gets `ReviewPrompt`s, built field by field from allow-lists, so no
 * `correct` flag, explanation or numeric answer leaves the server before the answer is stored.
 */
import type { Language } from '../../schemas/common';
import type { GlossaryTerm } from '../../schemas/glossary';
import type { Quiz } from '../../schemas/quiz';
import { gradeAttempt } from '../quiz/attempt';
import { hash32, mulberry32, planAttempt, shuffled } from '../quiz/draw';
import type { Answer, ChoiceResult, QuestionResult } from '../quiz/grading';
import { toPublicQuiz, type PublicQuestion } from '../quiz/public';
import { cardId, type CardRef } from './cards';

export interface ReviewPrompt {
  cardId: string;
  /** The due time of the review this prompt answers (ms); sent back with the answer. */
  dueAt: number;
  kind: CardRef['kind'];
  /** The quiz's title or "Key term", for the card's heading. */
  source: string;
  question: PublicQuestion;
}

/** Each review of a card shows its choices in an order of its own, so position is not remembered for content. */
export function reviewSeed(userId: string, id: string, dueAt: number): number {
  return hash32(`${userId}\u0000${id}\u0000${dueAt}`);
}

/** The quiz cut down to the one question a card asks, drawn and shuffled as a quiz of one. */
export function oneQuestionQuiz(quiz: Quiz, questionId: string): Quiz | null {
  const question = quiz.questions.find((q) => q.id === questionId);
  return question ? { ...quiz, questions: [question], draw: undefined } : null;
}

export function questionPrompt(quizId: string, single: Quiz, seed: number, lang: Language): PublicQuestion {
  return toPublicQuiz(quizId, single, lang, planAttempt(single, seed)).questions[0]!;
}

/** Grades one answer (public ids of this review) to a question card with the quiz's grading. */
export function gradeQuestionCard(single: Quiz, seed: number, questionId: string, answer: Answer | undefined, lang: Language): QuestionResult {
  return gradeAttempt(single, seed, answer === undefined ? {} : { [questionId]: answer }, lang).questions[0]!;
}

const DEFINITION_CHOICES = 4;
const publicDefinitionId = (index: number) => `definition-${index + 1}`;

/** The term ids a term card offers, in display order: the term itself and up to three others. */
export function termChoiceOrder(termId: string, glossary: readonly GlossaryTerm[], seed: number): string[] {
  const random = mulberry32(seed);
  const others = shuffled(
    glossary.filter((t) => t.id !== termId).map((t) => t.id),
    random,
  ).slice(0, DEFINITION_CHOICES - 1);
  return shuffled([termId, ...others], random);
}

export function termPrompt(term: GlossaryTerm, glossary: readonly GlossaryTerm[], seed: number, lang: Language, prompt: string): PublicQuestion {
  const byId = new Map(glossary.map((t) => [t.id, t]));
  const options = termChoiceOrder(term.id, glossary, seed).map((id, index) => ({ id: publicDefinitionId(index), text: byId.get(id)!.definition[lang] }));
  return { id: cardId({ kind: 'term', termId: term.id }), type: 'single', prompt, options };
}

/**
 * Grades a term card. The reply names every definition's term, so the learner sees what each
 * wrong choice actually defines. Anything but one public id of this review is a wrong answer.
 */
export function gradeTermCard(term: GlossaryTerm, glossary: readonly GlossaryTerm[], seed: number, answer: Answer | undefined, lang: Language, prompt: string): ChoiceResult {
  const byId = new Map(glossary.map((t) => [t.id, t]));
  const order = termChoiceOrder(term.id, glossary, seed);
  const picked = Array.isArray(answer) && answer.length === 1 ? answer[0] : undefined;
  const options = order.map((id, index) => ({
    id: publicDefinitionId(index),
    text: byId.get(id)!.definition[lang],
    correct: id === term.id,
    chosen: picked === publicDefinitionId(index),
    explanation: byId.get(id)!.term[lang],
  }));
  const correct = options.some((o) => o.correct && o.chosen);
  return {
    questionId: cardId({ kind: 'term', termId: term.id }),
    prompt,
    type: 'single',
    correct,
    answered: picked !== undefined,
    points: correct ? 1 : 0,
    given: picked === undefined ? null : [picked],
    key: term.id,
    options,
  };
}

/** Whether an answer names only definitions this term card shows (a forged one is refused, not graded). */
export function isTermAnswer(answer: Answer): boolean {
  return Array.isArray(answer) && answer.length === 1 && /^definition-[1-4]$/.test(String(answer[0]));
}
