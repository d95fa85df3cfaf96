/**
 * Builders from a bank's question parts to this platform's question shapes. Each returns the
 * question, or a reason (in the trainer's terms) why this platform cannot ask it as written.
 */
import { both, defaultExplanation, explanationOr, letterId, type ImportedQuestion } from './bank';

export type Built = { question: ImportedQuestion; changes: string[] } | { reason: string };

export interface BankChoice {
  text: string;
  /** Share of the mark this choice earns, in percent (-100 to 100) as banks store it. */
  fraction: number;
  feedback?: string | null;
}

/** Single choice when exactly one option earns full marks, else multiple choice (every earning option right). */
export function choiceQuestion(id: string, prompt: string, choices: BankChoice[], general?: string | null, forceMultiple = false): Built {
  const usable = choices.filter((c) => c.text.trim() !== '');
  if (usable.length < 2) return { reason: 'a choice question needs at least two options with text' };
  const right = usable.filter((c) => c.fraction > 0);
  if (right.length === 0) return { reason: 'no option earns marks, so the question has no right answer' };
  const single = !forceMultiple && right.length === 1 && right[0]!.fraction >= 100;
  const changes: string[] = [];
  if (!single && usable.some((c) => c.fraction > 0 && c.fraction < 100 / right.length - 0.5)) {
    changes.push('partial marks per option became "all right options needed"');
  }
  if (single && right.length === 1 && usable.some((c) => c.fraction < 0)) changes.push('negative marks were dropped');
  const options = usable.map((c, i) => ({
    id: letterId(i),
    ...(c.fraction > 0 ? { correct: true } : {}),
    text: both(c.text.trim()),
    explanation: explanationOr(c.feedback ?? general, c.fraction > 0 ? defaultExplanation.right : defaultExplanation.wrong),
  }));
  return { question: { id, type: single ? 'single' : 'multiple', prompt: both(prompt), options }, changes };
}

export function trueFalseQuestion(id: string, prompt: string, answer: boolean, feedbackTrue?: string | null, feedbackFalse?: string | null, general?: string | null): Built {
  const onTrue = explanationOr(feedbackTrue ?? general, answer ? defaultExplanation.right : defaultExplanation.wrong);
  const onFalse = explanationOr(feedbackFalse ?? general, answer ? defaultExplanation.wrong : defaultExplanation.right);
  return { question: { id, type: 'true-false', prompt: both(prompt), answer, explanation: { true: onTrue, false: onFalse } }, changes: [] };
}

export function numericQuestion(id: string, prompt: string, answer: number, tolerance: number, feedback?: string | null): Built {
  if (!Number.isFinite(answer)) return { reason: 'the numeric answer is not a number' };
  return {
    question: { id, type: 'numeric', prompt: both(prompt), answer, tolerance: Math.abs(tolerance), explanation: explanationOr(feedback, defaultExplanation.general) },
    changes: [],
  };
}

export function matchingQuestion(id: string, prompt: string, pairs: { left: string; right: string }[], feedback?: string | null): Built {
  const real = pairs.filter((p) => p.left.trim() !== '');
  const changes = real.length < pairs.length ? ['extra right-hand answers with no left-hand item were dropped'] : [];
  if (real.length < 3) return { reason: `a matching question needs at least three pairs here; this one has ${real.length}` };
  if (real.length > 10) return { reason: `a matching question takes at most ten pairs here; this one has ${real.length}` };
  if (new Set(real.map((p) => p.right.trim())).size !== real.length) return { reason: 'two pairs share the same right-hand text, so a learner could not tell them apart' };
  return {
    question: {
      id,
      type: 'matching',
      prompt: both(prompt),
      pairs: real.map((p, i) => ({ id: letterId(i), left: both(p.left.trim()), right: both(p.right.trim()) })),
      explanation: explanationOr(feedback, defaultExplanation.general),
    },
    changes,
  };
}

export function orderingQuestion(id: string, prompt: string, items: string[], feedback?: string | null): Built {
  if (items.length < 3) return { reason: `an ordering question needs at least three items; this one has ${items.length}` };
  if (items.length > 10) return { reason: `an ordering question takes at most ten items; this one has ${items.length}` };
  return {
    question: {
      id,
      type: 'ordering',
      prompt: both(prompt),
      items: items.map((text, i) => ({ id: letterId(i), text: both(text.trim()) })),
      explanation: explanationOr(feedback, defaultExplanation.general),
    },
    changes: [],
  };
}
