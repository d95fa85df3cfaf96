import { z } from 'astro/zod';
import { bilingualText, slug } from './common';
import { uniqueIds } from './unique-ids';

/** How an observation came about: riding along on a visit, a live role-play, or a recorded call reviewed. Mirrors `observationKinds` in db/schema.ts. */
export const observationKindIds = ['ride-along', 'role-play', 'call-review'] as const;
export type ObservationKind = (typeof observationKindIds)[number];

const rubricLevel = z.strictObject({
  label: bilingualText.describe('Short name of the level, e.g. 需要指导 / Needs guidance'),
  description: bilingualText.describe('What a manager sees at this level, concretely enough to tell it from the next'),
});

const rubricCriterion = z.strictObject({
  id: slug.describe('Stable id of the criterion; observations store levels under it'),
  name: bilingualText.describe('What is judged, e.g. 需求挖掘 / Needs discovery'),
  levels: z
    .array(rubricLevel)
    .min(3, 'describe at least 3 levels, lowest first (a criterion with fewer cannot tell progress from a pass)')
    .max(5, 'describe at most 5 levels, lowest first (more cannot be told apart on a visit)')
    .describe('The levels, lowest first: level 1 is the first entry'),
});

/**
 * `content/rubrics/<rubric-id>.yaml`: what a manager scores when observing a team member, e.g. on
 * a customer visit or a phone call. Every criterion has the same number of levels, so the average
 * level of an observation (which the ladder's `rubrics` criteria read) means one thing.
 */
export const rubricSchema = z
  .strictObject({
    name: bilingualText.describe('Name of the rubric, e.g. 客户拜访 / Customer visit'),
    description: bilingualText.describe('When to use it and what it covers'),
    observedIn: z
      .array(z.enum(observationKindIds))
      .min(1, 'list at least one of ride-along, role-play, call-review')
      .default([...observationKindIds])
      .describe('Which kinds of observation the rubric suits: ride-along, role-play, call-review'),
    criteria: z.array(rubricCriterion).min(1, 'list at least one criterion').max(12, 'keep a rubric to 12 criteria or fewer').describe('What is judged'),
  })
  .superRefine((rubric, context) => {
    uniqueIds(rubric.criteria, 'id', context, { path: ['criteria'], what: 'criterion' });
    const counts = rubric.criteria.map((c) => c.levels.length);
    const first = counts[0];
    rubric.criteria.forEach((c, i) => {
      if (first !== undefined && c.levels.length !== first) {
        context.addIssue({
          code: 'custom',
          path: ['criteria', i, 'levels'],
          message: `has ${c.levels.length} levels but the first criterion has ${first}; give every criterion of a rubric the same number of levels, so an average level means one thing`,
        });
      }
    });
  });
export type Rubric = z.infer<typeof rubricSchema>;
export type RubricCriterion = Rubric['criteria'][number];
