import { z } from 'astro/zod';
import { bilingualText } from '../common';
import { exerciseBase, neutralId } from './base';
import { uniqueIds } from '../unique-ids';

/**
 * The contract-review criteria of the sales SOP: a document is checked for complete, accurate,
 * lawful and workable terms, and for risks the company cannot carry.
 */
export const reviewCriteria = ['completeness', 'accuracy', 'compliance', 'feasibility', 'risk'] as const;
export type ReviewCriterion = (typeof reviewCriteria)[number];

export const documentKinds = ['contract', 'quotation', 'visit-report'] as const;

const segmentId = neutralId.refine((id) => !/(^|-)(issue|problem|flaw|error|mistake|missing|ok|fine|clean|risky|bad)(-|$)/.test(id), {
  message: 'a segment id reaches the browser, so it must not say whether the segment has a problem (avoid "issue", "ok", "missing"…); name it after the clause, e.g. "payment-terms"',
});

const segment = z.strictObject({
  id: segmentId,
  heading: bilingualText.optional().describe('Clause or section heading, e.g. "第五条 付款方式 / 5. Payment"'),
  text: bilingualText.describe('The segment of the document as the learner reads it'),
  issue: z
    .strictObject({
      criterion: z.enum(reviewCriteria).describe('Which review criterion the segment fails: completeness, accuracy, compliance, feasibility or risk'),
      explanation: bilingualText.describe('What is wrong and how to fix it, shown after submitting'),
    })
    .optional()
    .describe('Leave out when the segment is fine; fill in when it has a problem the learner should flag'),
  note: bilingualText.optional().describe('For a sound segment: why it is fine, shown after submitting (useful where it looks suspicious)'),
});

/** `type: spot-the-issue` — review a document against the contract-review criteria and flag its problems. */
export const spotTheIssueExerciseSchema = exerciseBase
  .extend({
    type: z.literal('spot-the-issue').describe('Flag the problems in a document'),
    document: z
      .strictObject({
        kind: z.enum(documentKinds).describe('contract, quotation or visit-report'),
        heading: bilingualText.describe('The document title as printed on it'),
      })
      .describe('The document under review'),
    segments: z
      .array(segment)
      .min(3, 'give the document at least three segments')
      .max(20, 'a document holds at most twenty segments')
      .describe('The document in reading order, one clause or paragraph per segment'),
    falseFlagPenalty: z
      .number()
      .min(0)
      .max(2)
      .default(0.5)
      .describe('Points taken off for each sound segment flagged as a problem (a real problem earns 1)'),
  })
  .strict()
  .superRefine((exercise, context) => {
    uniqueIds(exercise.segments, 'id', context, { path: ['segments'], what: 'segment' });
    if (!exercise.segments.some((s) => s.issue)) {
      context.addIssue({ code: 'custom', path: ['segments'], message: 'no segment has an "issue"; give at least one segment a problem to find' });
    }
    if (exercise.segments.every((s) => s.issue)) {
      context.addIssue({ code: 'custom', path: ['segments'], message: 'every segment has an "issue", so flagging everything would score full marks; add sound segments too' });
    }
    exercise.segments.forEach((s, i) => {
      if (s.issue && s.note) {
        context.addIssue({ code: 'custom', path: ['segments', i, 'note'], message: 'a segment with an "issue" explains itself in "issue.explanation"; remove "note"' });
      }
    });
  });

export type SpotTheIssueExercise = z.infer<typeof spotTheIssueExerciseSchema>;
