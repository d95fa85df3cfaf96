/**
 * What the review island works with, importable by it (no server code). Number keys in a review session: "1" picks the first choice, "2" the second… (true/false: 1 is
 * true, 2 is false; multiple choice toggles). Pure, so the island and a unit test share it.
 */
import type { DraftAnswer, PublicQuestion } from '../quiz/public';

/** One card of a session as the island gets it: a review card (cardId + dueAt) or a missed question to practise. */
export interface SessionItem {
  key: string;
  dueAt?: number;
  source?: string;
  question: PublicQuestion;
}

export function choiceForKey(question: PublicQuestion, answer: DraftAnswer, key: string): { answer: DraftAnswer } | null {
  if (!/^[1-9]$/.test(key)) return null;
  const n = Number(key) - 1;
  if (question.type === 'true-false') return n < 2 ? { answer: n === 0 } : null;
  if (question.type !== 'single' && question.type !== 'multiple') return null;
  const option = question.options[n];
  if (!option) return null;
  if (question.type === 'single') return { answer: [option.id] };
  const chosen = Array.isArray(answer) ? answer : [];
  return { answer: chosen.includes(option.id) ? chosen.filter((id) => id !== option.id) : [...chosen, option.id] };
}
