import { z } from 'astro/zod';
import { moduleRef, slug } from './common';
import { noRepeats } from './unique-ids';

/**
 * Frontmatter of `content/courses/<course-id>/<module-id>.<zh|en>.mdx`. The two language twins
 * share order, minutes, prerequisites and quiz; only the prose differs.
 */
export const moduleSchema = z.strictObject({
  title: z.string().trim().min(1).describe('Module title in the file’s language'),
  order: z.number().int().min(1).describe('Position within the course, 1 first'),
  minutes: z.number().int().min(1).max(240).describe('Estimated reading and practice time in minutes'),
  objectives: z
    .array(z.string().trim().min(1))
    .min(1, 'list at least one learning objective')
    .describe('What the learner can do after the module'),
  takeaways: z.array(z.string().trim().min(1)).default([]).describe('Key points to remember'),
  prerequisites: z
    .array(moduleRef)
    .default([])
    .superRefine((list, context) => noRepeats(list, context, { path: [], what: 'module' }))
    .describe('Modules to finish first, as course-id/module-id'),
  quiz: slug.optional().describe('Id of the quiz in content/quizzes/ that checks this module'),
});
export type ModuleFrontmatter = z.infer<typeof moduleSchema>;
