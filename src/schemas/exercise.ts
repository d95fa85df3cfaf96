import { z } from 'astro/zod';
import { bilingualText } from './common';

/**
 * `content/exercises/<exercise-id>.yaml`. The exercise types are specified by their own schemas;
 * this shell holds what every exercise shares.
 */
export const exerciseSchema = z.looseObject({
  title: bilingualText,
  type: z.enum(['sequence', 'classify', 'roleplay', 'spot-the-issue', 'calculation']),
});
export type Exercise = z.infer<typeof exerciseSchema>;
