import { z } from 'astro/zod';

/** The two languages content is written in; zh-CN first. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

/** A kebab-case identifier used in URLs and as a stable database key. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens, e.g. "lead-grading"')
  .describe('Stable kebab-case identifier');

/** A module reference as `course/module`, language-neutral. */
export const moduleRef = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'write a module reference as "course-id/module-id", e.g. "sales-workflow/lead-to-after-sales"',
  )
  .describe('A module as course-id/module-id');

/** Text that every learner reads in both languages. */
export const bilingualText = z
  .strictObject({
    zh: z.string().trim().min(1, 'write the Simplified Chinese text under "zh"'),
    en: z.string().trim().min(1, 'write the English text under "en"'),
  })
  .describe('The same text in Simplified Chinese (zh) and English (en)');
export type BilingualText = z.infer<typeof bilingualText>;
