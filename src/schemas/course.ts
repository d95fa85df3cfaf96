import { z } from 'astro/zod';
import { bilingualText } from './common';

/** `content/courses/<course-id>/course.yaml`: what a course is about and where it sits. */
export const courseSchema = z
  .strictObject({
    title: bilingualText.describe('Course title shown in the catalogue'),
    summary: bilingualText.describe('One or two sentences on what the course gives a learner'),
    order: z.number().int().min(0).describe('Position in the catalogue, smallest first'),
    audience: z
      .array(z.enum(['new-hire', 'junior', 'mid', 'senior', 'supervisor', 'manager']))
      .default(['new-hire'])
      .describe('Who the course is written for'),
  });
export type Course = z.infer<typeof courseSchema>;
