import { z } from 'astro/zod';
import { bilingualText, moduleRef, slug } from './common';
import { noRepeats } from './unique-ids';

/** The KPIs a manager records as evidence, in percent. Mirrors `kpiMetrics` in db/schema.ts. */
export const kpiMetricIds = ['target-attainment', 'customer-satisfaction', 'lead-conversion', 'growth-rate'] as const;
export type KpiMetric = (typeof kpiMetricIds)[number];

const kpiThreshold = z.strictObject({
  metric: z
    .enum(kpiMetricIds)
    .describe('target-attainment (sales against target), customer-satisfaction, lead-conversion or growth-rate'),
  minPercent: z.number().min(-100).max(1000).describe('Lowest accepted value of the latest recorded period, in percent'),
});

const exerciseThreshold = z.strictObject({
  id: slug.describe('Id of an exercise in content/exercises/'),
  minPercent: z.number().min(0).max(100).describe('Lowest accepted best score, in percent'),
});

/** Coaching: the average level a manager observed over the latest observations with one rubric (content/rubrics/). */
const rubricThreshold = z.strictObject({
  id: slug.describe('Id of a rubric in content/rubrics/'),
  minAverage: z.number().min(1).max(5).describe('Lowest accepted average level (level 1 is the lowest of the rubric)'),
  last: z.number().int().min(1).max(20).describe('How many of the latest observations with this rubric the average is taken over'),
});

/**
 * The ladders a company can run side by side: `office` (初级销售 … 销售经理, handbook 000) and
 * `field` (业务代表 → 县级经理 → 省级经理 → 大区经理, handbook 004). LADDER_TRACKS says which are on.
 */
export const ladderTrackIds = ['office', 'field'] as const;
export type LadderTrack = (typeof ladderTrackIds)[number];

/**
 * Time across several levels of the same track, counted from the person's promotion history, e.g.
 * handbook 004's "five years in sales management" for the department manager: supervisor and above.
 */
const tenureAcrossLevels = z.strictObject({
  months: z.number().int().min(1).max(600).describe('Whole months the person must have spent, in total, at the levels listed'),
  in: z
    .array(slug)
    .min(1, 'list at least one level id, e.g. in: [supervisor, manager]')
    .describe('Ids of the levels whose time counts (levels of the same track)'),
});

/** `content/levels/<level-id>.yaml`: one rung of the career ladder and what reaching it takes. */
export const levelSchema = z.strictObject({
  track: z.enum(ladderTrackIds).default('office').describe('Which ladder the level belongs to: office (the default) or field'),
  order: z.number().int().min(1).describe('Rung on its track, 1 the entry level'),
  name: bilingualText.describe('Title of the post, e.g. 中级销售 / Mid-level sales'),
  description: bilingualText.describe('What a person at this level does'),
  criteria: z
    .strictObject({
      modules: z.array(moduleRef).default([]).describe('Modules to complete before promotion to this level'),
      courses: z.array(slug).default([]).describe('Courses whose every module must be complete'),
      minQuizPercent: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .describe('Lowest mean score over the quizzes of the required modules and courses; a quiz not taken counts as 0'),
      quizScoreMode: z
        .enum(['best', 'average'])
        .default('best')
        .describe('Which score of a quiz counts: the best attempt, or the average of all attempts'),
      exercises: z.array(exerciseThreshold).default([]).describe('Exercises to pass with at least this score'),
      kpis: z.array(kpiThreshold).default([]).describe('KPI evidence a manager records; the latest period counts'),
      minMonthsAtPreviousLevel: z.number().int().min(0).max(600).default(0).describe('Whole months at the level below'),
      tenure: tenureAcrossLevels.optional().describe('Whole months in total at several levels, from the promotion history'),
      managerSignOff: z.boolean().default(false).describe('Whether a manager must sign off'),
      retention: z
        .strictObject({
          min: z.number().gt(0, 'min is a share between 0 and 1, e.g. 0.8 for 80%').max(1, 'min is a share between 0 and 1, e.g. 0.8 for 80%').describe('Lowest share of booster answers right over the last 30 days, e.g. 0.8'),
        })
        .optional()
        .describe('Retention from booster reviews (/review/): the share of review answers right over the last 30 company days'),
      rubrics: z.array(rubricThreshold).optional().describe('Observed behaviour: average level over the latest observations with a rubric'),
    })
    // Each entry becomes one criterion, keyed by its id: a repeat would list and count it twice.
    .superRefine((c, context) => {
      noRepeats(c.modules, context, { path: ['modules'], what: 'module' });
      noRepeats(c.courses, context, { path: ['courses'], what: 'course' });
      noRepeats(c.exercises.map((e) => e.id), context, { path: ['exercises'], what: 'exercise' });
      noRepeats(c.kpis.map((k) => k.metric), context, { path: ['kpis'], what: 'KPI' });
      noRepeats((c.rubrics ?? []).map((r) => r.id), context, { path: ['rubrics'], what: 'rubric' });
    })
    .prefault({})
    .describe('What it takes to be promoted to this level from the one below'),
});
export type Level = z.infer<typeof levelSchema>;
export type LevelCriteria = Level['criteria'];
