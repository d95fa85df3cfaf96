/**
 * Per-question quiz analytics from tallies the database counted: how often each question was
 * answered, how often right, and which wrong option drew the most people. Aggregates only.
 */
import type { Language } from '../../schemas/common';
import type { Quiz } from '../../schemas/quiz';

/** How many graded answers a question got and how many of them were right. */
export interface QuestionTally {
  questionId: string;
  attempts: number;
  correct: number;
}

/** How often an option was chosen in answers graded wrong. */
export interface WrongChoiceTally {
  questionId: string;
  optionId: string;
  count: number;
}

export interface QuestionDefinition {
  id: string;
  prompt: string;
  /** Choice options (true/false as the options "true" and "false"); empty for other question types. */
  options: readonly { id: string; text: string; correct: boolean }[];
}

/** The questions of a quiz as analytics shows them, in one language. */
export function questionDefinitions(quiz: Quiz, lang: Language, labels: { true: string; false: string }): QuestionDefinition[] {
  return quiz.questions.map((q) => {
    const prompt = q.prompt[lang];
    if (q.type === 'single' || q.type === 'multiple') {
      return { id: q.id, prompt, options: q.options.map((o) => ({ id: o.id, text: o.text[lang], correct: o.correct })) };
    }
    if (q.type === 'true-false') {
      return {
        id: q.id,
        prompt,
        options: [
          { id: 'true', text: labels.true, correct: q.answer === true },
          { id: 'false', text: labels.false, correct: q.answer === false },
        ],
      };
    }
    return { id: q.id, prompt, options: [] };
  });
}

export interface QuestionStats {
  questionId: string;
  prompt: string;
  attempts: number;
  correct: number;
  /** Share of answers graded right, 0–1; null before anyone answered. */
  shareCorrect: number | null;
  /** The wrong option chosen most often, with its share of all answers; null when nobody chose a wrong option. */
  topWrongOption: { id: string; text: string; count: number; share: number } | null;
}

/**
 * Combines tallies with the quiz as written, in the quiz's order. Tallies for questions the quiz
 * no longer has are dropped; a chosen option that is right (a multiple-choice answer that missed
 * another right option) never counts as the "wrong option". Ties go to the option listed first.
 */
export function questionStats(
  questions: readonly QuestionDefinition[],
  tallies: readonly QuestionTally[],
  wrongChoices: readonly WrongChoiceTally[],
): QuestionStats[] {
  return questions.map((q) => {
    const tally = tallies.filter((t) => t.questionId === q.id);
    const attempts = tally.reduce((sum, t) => sum + t.attempts, 0);
    const correct = tally.reduce((sum, t) => sum + t.correct, 0);
    let top: QuestionStats['topWrongOption'] = null;
    for (const option of q.options) {
      if (option.correct) continue;
      const count = wrongChoices
        .filter((c) => c.questionId === q.id && c.optionId === option.id)
        .reduce((sum, c) => sum + c.count, 0);
      if (count > 0 && (!top || count > top.count)) {
        top = { id: option.id, text: option.text, count, share: attempts === 0 ? 0 : count / attempts };
      }
    }
    return { questionId: q.id, prompt: q.prompt, attempts, correct, shareCorrect: attempts === 0 ? null : correct / attempts, topWrongOption: top };
  });
}

/** The question people get wrong most often (lowest share correct among answered ones), for the chart summary. */
export function hardestQuestion(stats: readonly QuestionStats[]): QuestionStats | null {
  return stats
    .filter((s) => s.shareCorrect !== null)
    .reduce<QuestionStats | null>((worst, s) => (worst === null || s.shareCorrect! < worst.shareCorrect! ? s : worst), null);
}

/** Rounds a 0–1 share to a whole percent for display. */
export function asPercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 100);
}
