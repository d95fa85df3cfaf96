import type { Language } from '../schemas/common';
import type { Question, Quiz } from '../schemas/quiz';

/** A learner's answer to one question: chosen option ids, or true/false. */
export type Answer = string[] | boolean;
export type Answers = Record<string, Answer | undefined>;

export interface OptionFeedback {
  id: string;
  text: string;
  correct: boolean;
  chosen: boolean;
  explanation: string;
}

export interface QuestionResult {
  questionId: string;
  prompt: string;
  correct: boolean;
  answered: boolean;
  points: number;
  /** Every option with whether it was right, whether it was chosen, and why. */
  options: OptionFeedback[];
}

export interface QuizResult {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  passPercent: number;
  questions: QuestionResult[];
}

function chosenIds(answer: Answer | undefined): Set<string> {
  return new Set(Array.isArray(answer) ? answer : []);
}

function gradeQuestion(question: Question, answer: Answer | undefined, lang: Language): QuestionResult {
  if (question.type === 'true-false') {
    const answered = typeof answer === 'boolean';
    const correct = answered && answer === question.answer;
    const options = ([true, false] as const).map((value) => ({
      id: String(value),
      text: String(value),
      correct: value === question.answer,
      chosen: answer === value,
      explanation: question.explanation[String(value) as 'true' | 'false'][lang],
    }));
    return { questionId: question.id, prompt: question.prompt[lang], correct, answered, points: correct ? 1 : 0, options };
  }
  const chosen = chosenIds(answer);
  const knownIds = new Set(question.options.map((o) => o.id));
  // An id that is not an option of this question is a tampered answer: it can never be right.
  const tampered = [...chosen].some((id) => !knownIds.has(id));
  const rightIds = question.options.filter((o) => o.correct).map((o) => o.id);
  const exact = !tampered && chosen.size === rightIds.length && rightIds.every((id) => chosen.has(id));
  // Multiple choice is all-or-nothing: guessing every box must not earn partial credit.
  const correct = exact && (question.type === 'multiple' || chosen.size === 1);
  return {
    questionId: question.id,
    prompt: question.prompt[lang],
    correct,
    answered: chosen.size > 0,
    points: correct ? 1 : 0,
    options: question.options.map((o) => ({
      id: o.id,
      text: o.text[lang],
      correct: o.correct,
      chosen: chosen.has(o.id),
      explanation: o.explanation[lang],
    })),
  };
}

/** Grades a whole submission. One point per question; unknown question ids are ignored. */
export function gradeQuiz(quiz: Quiz, answers: Answers, lang: Language): QuizResult {
  const questions = quiz.questions.map((q) => gradeQuestion(q, answers[q.id], lang));
  const score = questions.reduce((sum, q) => sum + q.points, 0);
  const maxScore = questions.length;
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { score, maxScore, percent, passed: percent >= quiz.passPercent, passPercent: quiz.passPercent, questions };
}
