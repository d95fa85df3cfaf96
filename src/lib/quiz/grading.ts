import type { Language } from '../../schemas/common';
import type { Question, Quiz } from '../../schemas/quiz';
import { numberOrNull, type UnitText } from '../numbers/read-number';
import { hash32 } from './draw';

/**
 * A learner's answer to one question, in the quiz file's own ids: chosen option ids (single,
 * multiple), true/false, item ids in the learner's order (ordering), left pair id → right pair id
 * (matching), or the value as typed (numeric). The browser answers in public ids instead;
 * `fromPublicAnswers` in public.ts translates.
 */
export type Answer = string[] | boolean | string | number | Record<string, string>;
export type Answers = Record<string, Answer | undefined>;

export interface OptionFeedback {
  id: string;
  text: string;
  correct: boolean;
  chosen: boolean;
  explanation: string;
}

interface ResultBase {
  questionId: string;
  prompt: string;
  correct: boolean;
  answered: boolean;
  points: number;
  /** The answer as graded, in the quiz file's ids; stored so a past attempt can be reviewed. */
  given: Answer | null;
  /** Fingerprint of the key this verdict was reached with; stored so a review can tell when the key changed since. */
  key: string;
}

export interface ChoiceResult extends ResultBase {
  type: 'single' | 'multiple' | 'true-false';
  /** Every option with whether it was right, whether it was chosen, and why. */
  options: OptionFeedback[];
}

export interface OrderingResult extends ResultBase {
  type: 'ordering';
  explanation: string;
  /** The items in the right order, each with where the learner put it (1-based; null if left out). */
  items: { id: string; text: string; explanation: string | null; givenPosition: number | null }[];
}

export interface MatchingResult extends ResultBase {
  type: 'matching';
  explanation: string;
  /** Every pair with the right-hand text the learner chose for its left side. */
  pairs: { id: string; left: string; right: string; chosen: string | null; correct: boolean; explanation: string | null }[];
}

export interface NumericResult extends ResultBase {
  type: 'numeric';
  explanation: string;
  /** The learner's value as understood, or null if nothing readable was typed. */
  value: number | null;
  answer: number;
  tolerance: number;
  unit: string | null;
}

export type QuestionResult = ChoiceResult | OrderingResult | MatchingResult | NumericResult;

export interface QuizResult {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  passPercent: number;
  questions: QuestionResult[];
}

const isStringList = (answer: Answer | undefined): answer is string[] =>
  Array.isArray(answer) && answer.every((x) => typeof x === 'string');
const isPairing = (answer: Answer | undefined): answer is Record<string, string> =>
  typeof answer === 'object' && answer !== null && !Array.isArray(answer) && Object.values(answer).every((x) => typeof x === 'string');

/**
 * A typed numeric answer as a number in the question's unit, or null if it cannot be read. The
 * one reader (numbers/read-number.ts) is shared with exercises and forms; submissions it cannot
 * read are refused before grading (numeric-answers.ts), so null here only meets old attempts.
 */
export function parseNumber(typed: string | number, unit?: UnitText): number | null {
  return numberOrNull(typed, unit);
}

function base(question: Question, lang: Language, correct: boolean, answered: boolean, given: Answer | null): ResultBase {
  return { questionId: question.id, prompt: question.prompt[lang], correct, answered, points: correct ? 1 : 0, given, key: keyFingerprint(question) };
}

/**
 * A short fingerprint of what decides right and wrong in a question — not its wording — so a
 * review can tell that a trainer changed the key after an attempt was graded, even where the
 * verdict did not change.
 */
export function keyFingerprint(question: Question): string {
  const key = (() => {
    switch (question.type) {
      case 'single':
      case 'multiple':
        return question.options.map((o) => [o.id, o.correct]);
      case 'true-false':
        return question.answer;
      case 'ordering':
        return question.items.map((i) => i.id);
      case 'matching':
        return question.pairs.map((p) => p.id).sort();
      case 'numeric':
        return [question.answer, question.tolerance, question.unit?.zh ?? null];
    }
  })();
  return hash32(JSON.stringify([question.type, key])).toString(36);
}

function gradeQuestion(question: Question, answer: Answer | undefined, lang: Language): QuestionResult {
  switch (question.type) {
    case 'true-false': {
      const answered = typeof answer === 'boolean';
      const correct = answered && answer === question.answer;
      const options = ([true, false] as const).map((value) => ({
        id: String(value),
        text: String(value),
        correct: value === question.answer,
        chosen: answer === value,
        explanation: question.explanation[String(value) as 'true' | 'false'][lang],
      }));
      return { ...base(question, lang, correct, answered, answered ? answer : null), type: question.type, options };
    }
    case 'single':
    case 'multiple': {
      const given = isStringList(answer) ? answer : [];
      const chosen = new Set(given);
      const knownIds = new Set(question.options.map((o) => o.id));
      // An id that is not an option of this question is a tampered answer: it can never be right.
      const tampered = [...chosen].some((id) => !knownIds.has(id));
      const rightIds = question.options.filter((o) => o.correct).map((o) => o.id);
      const exact = !tampered && chosen.size === rightIds.length && rightIds.every((id) => chosen.has(id));
      // Multiple choice is all-or-nothing: guessing every box must not earn partial credit.
      const correct = exact && (question.type === 'multiple' || given.length === 1);
      return {
        ...base(question, lang, correct, chosen.size > 0, chosen.size > 0 ? given : null),
        type: question.type,
        options: question.options.map((o) => ({
          id: o.id,
          text: o.text[lang],
          correct: o.correct,
          chosen: chosen.has(o.id),
          explanation: o.explanation[lang],
        })),
      };
    }
    case 'ordering': {
      const given = isStringList(answer) ? answer : [];
      // All-or-nothing, like multiple choice: a quiz checks that the flow is known. Partial credit
      // for a nearly right order is the job of the sequence exercise.
      const correct = given.length === question.items.length && question.items.every((item, i) => given[i] === item.id);
      return {
        ...base(question, lang, correct, given.length > 0, given.length > 0 ? given : null),
        type: 'ordering',
        explanation: question.explanation[lang],
        items: question.items.map((item) => {
          const at = given.indexOf(item.id);
          return { id: item.id, text: item.text[lang], explanation: item.explanation?.[lang] ?? null, givenPosition: at < 0 ? null : at + 1 };
        }),
      };
    }
    case 'matching': {
      const given = isPairing(answer) ? answer : {};
      const pairIds = new Set(question.pairs.map((p) => p.id));
      const rightText = new Map(question.pairs.map((p) => [p.id, p.right[lang]]));
      const tampered = Object.entries(given).some(([left, right]) => !pairIds.has(left) || !pairIds.has(right));
      const pairs = question.pairs.map((p) => {
        const chosen = Object.hasOwn(given, p.id) ? given[p.id]! : null;
        return {
          id: p.id,
          left: p.left[lang],
          right: p.right[lang],
          chosen: chosen === null ? null : (rightText.get(chosen) ?? null),
          correct: chosen === p.id,
          explanation: p.explanation?.[lang] ?? null,
        };
      });
      // All-or-nothing: every left side matched to its own right side, nothing extra.
      const correct = !tampered && pairs.every((p) => p.correct);
      const answered = Object.keys(given).length > 0;
      return { ...base(question, lang, correct, answered, answered ? given : null), type: 'matching', explanation: question.explanation[lang], pairs };
    }
    case 'numeric': {
      const typed = typeof answer === 'string' || typeof answer === 'number' ? answer : null;
      const answered = typed !== null && String(typed).trim() !== '';
      const value = answered ? parseNumber(typed!, question.unit) : null;
      // A hair of slack for binary floating point, so 0.1 + 0.2 still equals 0.3 at tolerance 0.
      const slack = 1e-9 * Math.max(1, Math.abs(question.answer));
      const correct = value !== null && Math.abs(value - question.answer) <= question.tolerance + slack;
      return {
        ...base(question, lang, correct, answered, answered ? typed : null),
        type: 'numeric',
        explanation: question.explanation[lang],
        value,
        answer: question.answer,
        tolerance: question.tolerance,
        unit: question.unit?.[lang] ?? null,
      };
    }
  }
}

/**
 * Grades a submission given in the quiz file's ids. One point per question. `questionIds` names
 * the questions this attempt asked, in the order it asked them (default: every question); answers
 * to any other question are ignored.
 */
export function gradeQuiz(quiz: Quiz, answers: Answers, lang: Language, questionIds?: readonly string[]): QuizResult {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const asked = questionIds ? questionIds.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined) : quiz.questions;
  const questions = asked.map((q) => gradeQuestion(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined, lang));
  const score = questions.reduce((sum, q) => sum + q.points, 0);
  const maxScore = questions.length;
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { score, maxScore, percent, passed: percent >= quiz.passPercent, passPercent: quiz.passPercent, questions };
}
