import { z } from 'astro/zod';
import { bilingualText, moduleRef, slug } from '../common';

/**
 * An id that reaches the browser before the learner submits, so it must not give the answer
 * away: no "correct"/"wrong" words and no numbers that could encode a position.
 */
export const neutralId = slug
  .refine((id) => !/(^|-)(correct|right|wrong|incorrect|true|false|answer|first|last|good|bad|best|worst)(-|$)/.test(id), {
    message: 'this id reaches the browser, so it must not hint at the answer (avoid words like "correct", "wrong", "first" or "best"); name it after its content',
  })
  .refine((id) => !/\d/.test(id), {
    message: 'this id reaches the browser, so it must not carry a number that could give away a position (e.g. "step-1"); name it after its content',
  })
  .describe('Kebab-case id that the browser sees; describes the content, never whether or where it is right');

/** What every exercise shares; each type extends it with its own fields. */
export const exerciseBase = z.strictObject({
  title: bilingualText.describe('Exercise title shown above it'),
  instructions: bilingualText.describe('What the learner is asked to do, shown before they start'),
  module: moduleRef.describe('The module (course-id/module-id) whose handbook flow or skill the exercise practises'),
  practises: bilingualText.describe('The flow or skill practised, in a few words, e.g. "投诉处理流程 / complaint handling flow"'),
  passPercent: z.number().int().min(1).max(100).default(70).describe('Score in percent that counts as passing'),
  debrief: bilingualText.describe('The lesson to take away, shown only after submitting'),
});
