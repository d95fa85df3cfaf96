import type { Language } from '../../schemas/common';
import type { CalculationExercise } from '../../schemas/exercise';
import { publicBase, resultBase, type PublicBase, type ResultBase } from './common';

export interface CalculationAnswer {
  type: 'calculation';
  /** The learner's number for each question id; null while the box is empty. */
  values: Record<string, number | null>;
}

export interface PublicCalculation extends PublicBase {
  type: 'calculation';
  scenario: string;
  givens: { label: string; value: string }[];
  /** What to work out: no answers, tolerances or solutions. */
  questions: { id: string; prompt: string; unit: string | null }[];
}

export interface CalculationResult extends ResultBase {
  type: 'calculation';
  questions: { id: string; prompt: string; unit: string | null; given: number | null; answer: number; tolerance: number; correct: boolean; solution: string }[];
}

export function toPublicCalculation(id: string, exercise: CalculationExercise, lang: Language): PublicCalculation {
  return {
    ...publicBase(id, exercise, lang),
    type: 'calculation',
    scenario: exercise.scenario[lang],
    givens: exercise.givens.map((g) => ({ label: g.label[lang], value: g.value[lang] })),
    questions: exercise.questions.map((q) => ({ id: q.id, prompt: q.prompt[lang], unit: q.unit?.[lang] ?? null })),
  };
}

// Floating-point slack so that a tolerance of 0.5 accepts exactly 0.5 away.
const EPSILON = 1e-9;

/** One point per answer within the question's tolerance; an empty or non-finite answer earns nothing. */
export function scoreCalculation(exercise: CalculationExercise, answer: CalculationAnswer, lang: Language): CalculationResult {
  const questions = exercise.questions.map((q) => {
    const raw = Object.hasOwn(answer.values, q.id) ? answer.values[q.id] : null;
    const given = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    const correct = given !== null && Math.abs(given - q.answer) <= q.tolerance + EPSILON;
    return { id: q.id, prompt: q.prompt[lang], unit: q.unit?.[lang] ?? null, given, answer: q.answer, tolerance: q.tolerance, correct, solution: q.solution[lang] };
  });
  return { ...resultBase(exercise, questions.filter((q) => q.correct).length, questions.length, lang), type: 'calculation', questions };
}
