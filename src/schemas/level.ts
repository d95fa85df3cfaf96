import { z } from 'astro/zod';
import { bilingualText, moduleRef, slug } from './common';

const kpiThreshold = z.strictObject({
  metric: z.enum(['target-attainment', 'customer-satisfaction', 'lead-conversion', 'growth-rate']),
  minPercent: z.number().min(0).max(1000).describe('Lowest accepted value, in percent'),
});

/** `content/levels/<nn>-<level-id>.yaml`: one rung of the career ladder and what reaching it takes. */
export const levelSchema = z.strictObject({
  order: z.number().int().min(1).describe('Rung on the ladder, 1 the entry level'),
  name: bilingualText,
  description: bilingualText,
  criteria: z
    .strictObject({
      modules: z.array(moduleRef).default([]).describe('Modules to complete before promotion to this level'),
      courses: z.array(slug).default([]).describe('Courses whose every module must be complete'),
      minQuizPercent: z.number().min(0).max(100).optional().describe('Lowest best-score average over the quizzes of required modules'),
      exercises: z
        .array(z.strictObject({ id: slug, minPercent: z.number().min(0).max(100) }))
        .default([])
        .describe('Exercises to pass with at least this score'),
      kpis: z.array(kpiThreshold).default([]).describe('KPI evidence a manager records'),
      minMonthsAtPreviousLevel: z.number().int().min(0).default(0).describe('Tenure at the level below'),
      managerSignOff: z.boolean().default(false).describe('Whether a manager must sign off'),
    })
    .prefault({}),
});
export type Level = z.infer<typeof levelSchema>;
