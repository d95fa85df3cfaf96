import { z } from 'astro/zod';
import { bilingualText } from '../common';
import { exerciseBase, neutralId } from './base';
import { uniqueIds } from '../unique-ids';

const sequenceItem = z.strictObject({
  id: neutralId,
  text: bilingualText.describe('The step as the learner sees it'),
  note: bilingualText.optional().describe('Why the step sits where it does, shown after submitting'),
});

/**
 * `type: sequence` — put the steps of a flow in order. Write `items` in the right order; the
 * browser always receives them shuffled.
 */
export const sequenceExerciseSchema = exerciseBase
  .extend({
    type: z.literal('sequence').describe('Put the steps of a flow in order'),
    items: z
      .array(sequenceItem)
      .min(3, 'a sequence needs at least three steps to put in order')
      .max(12, 'a sequence holds at most twelve steps; split a longer flow into two exercises')
      .describe('The steps, written in the right order'),
  })
  .strict()
  .superRefine((exercise, context) => uniqueIds(exercise.items, 'id', context, { path: ['items'], what: 'step' }));

export type SequenceExercise = z.infer<typeof sequenceExerciseSchema>;
