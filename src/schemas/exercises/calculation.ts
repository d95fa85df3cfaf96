import { z } from 'astro/zod';
import { bilingualText, slug } from '../common';
import { exerciseBase } from './base';
import { uniqueIds } from '../unique-ids';

const given = z.strictObject({
  label: bilingualText.describe('What the figure is, e.g. "年度目标 / Annual target"'),
  value: bilingualText.describe('The figure with its unit, e.g. "1,200 万元 / 12 million yuan"'),
});

const question = z.strictObject({
  id: slug.describe('Question id, unique within the exercise'),
  prompt: bilingualText.describe('What to calculate'),
  unit: bilingualText.optional().describe('Unit shown next to the answer box, e.g. "% " or "万元 / 10,000 yuan"'),
  answer: z.number().describe('The right value, in the unit shown; never sent to the browser before submitting'),
  tolerance: z
    .number()
    .min(0, 'a tolerance cannot be negative')
    .default(0)
    .describe('How far from "answer" (either way, same unit) still counts as right, e.g. 0.5 for rounding'),
  solution: bilingualText.describe('How to work it out, shown after submitting'),
});

/** `type: calculation` — a case with figures: funnel conversion, target breakdown, KPI attainment. */
export const calculationExerciseSchema = exerciseBase
  .extend({
    type: z.literal('calculation').describe('Work out figures from a sales case'),
    scenario: bilingualText.describe('The case, in a few sentences'),
    givens: z.array(given).min(1, 'list at least one figure the learner works from').max(16).describe('The figures of the case, shown as a table'),
    questions: z
      .array(question)
      .min(1, 'ask at least one question')
      .max(10, 'ask at most ten questions; split a longer case into two exercises')
      .describe('What to calculate; each right answer earns one point'),
  })
  .strict()
  .superRefine((exercise, context) => uniqueIds(exercise.questions, 'id', context, { path: ['questions'], what: 'question' }));

export type CalculationExercise = z.infer<typeof calculationExerciseSchema>;
