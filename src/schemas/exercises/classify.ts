import { z } from 'astro/zod';
import { bilingualText, slug } from '../common';
import { exerciseBase, neutralId } from './base';
import { uniqueIds } from '../unique-ids';

const bucket = z.strictObject({
  id: slug.describe('Bucket id, unique within the exercise; the browser sees it'),
  label: bilingualText.describe('Bucket name, e.g. "A 级线索 / Grade A"'),
  hint: bilingualText.optional().describe('One line on what belongs in the bucket, shown to the learner'),
});

const card = z.strictObject({
  id: neutralId,
  text: bilingualText.describe('What the card says'),
  bucket: slug.describe('Id of the bucket the card belongs in'),
  explanation: bilingualText.describe('Why the card belongs in that bucket, shown after submitting'),
});

/** `type: classify` — sort cards into buckets (grade leads A/B/C, match duties to posts). */
export const classifyExerciseSchema = exerciseBase
  .extend({
    type: z.literal('classify').describe('Sort cards into buckets'),
    buckets: z
      .array(bucket)
      .min(2, 'give at least two buckets to sort into')
      .max(6, 'use at most six buckets; more do not fit on a phone screen')
      .describe('The buckets cards are sorted into, in display order'),
    cards: z
      .array(card)
      .min(3, 'give at least three cards to sort')
      .max(20, 'use at most twenty cards; split a longer set into two exercises')
      .describe('The cards to sort; the browser receives them shuffled and without their bucket'),
  })
  .strict()
  .superRefine((exercise, context) => {
    uniqueIds(exercise.buckets, 'id', context, { path: ['buckets'], what: 'bucket' });
    uniqueIds(exercise.cards, 'id', context, { path: ['cards'], what: 'card' });
    const bucketIds = new Set(exercise.buckets.map((b) => b.id));
    exercise.cards.forEach((c, index) => {
      if (!bucketIds.has(c.bucket)) {
        context.addIssue({
          code: 'custom',
          path: ['cards', index, 'bucket'],
          message: `names bucket "${c.bucket}", which is not in "buckets"; use one of ${[...bucketIds].map((id) => `"${id}"`).join(', ')}`,
        });
      } else if (`-${c.id}-`.includes(`-${c.bucket}-`)) {
        context.addIssue({
          code: 'custom',
          path: ['cards', index, 'id'],
          message: `card id "${c.id}" contains its bucket id "${c.bucket}", which gives the answer away in the browser; name the card after its content`,
        });
      }
    });
  });

export type ClassifyExercise = z.infer<typeof classifyExerciseSchema>;
