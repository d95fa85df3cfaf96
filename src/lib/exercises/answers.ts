/**
 * The shapes a learner's work may take on the wire and in storage. Bounded so a hostile payload
 * is refused with a 400 before any scoring; roleplay state is never accepted from the browser.
 */
import { z } from 'astro/zod';

const answerId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');
const boundedRecord = <V extends z.ZodType>(value: V) =>
  z.record(answerId, value).refine((record) => Object.keys(record).length <= 50, 'at most 50 entries');

export const sequenceAnswerSchema = z.strictObject({ type: z.literal('sequence'), order: z.array(answerId).max(50) });
export const classifyAnswerSchema = z.strictObject({ type: z.literal('classify'), placements: boundedRecord(answerId) });
export const spotTheIssueAnswerSchema = z.strictObject({ type: z.literal('spot-the-issue'), flags: z.array(answerId).max(50) });
export const calculationAnswerSchema = z.strictObject({
  type: z.literal('calculation'),
  values: boundedRecord(z.number().min(-1e12).max(1e12).nullable()),
});
export const roleplayStateSchema = z.strictObject({ type: z.literal('roleplay'), choices: z.array(answerId).max(100) });

/** What the browser may send: everything but role-play state, which only the server advances. */
export const learnerAnswerSchema = z.discriminatedUnion('type', [
  sequenceAnswerSchema,
  classifyAnswerSchema,
  spotTheIssueAnswerSchema,
  calculationAnswerSchema,
]);

/** What an attempt stores as its state: the shuffle seed and the work so far. */
export const storedStateSchema = z.object({
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  answer: z.discriminatedUnion('type', [
    sequenceAnswerSchema,
    classifyAnswerSchema,
    spotTheIssueAnswerSchema,
    calculationAnswerSchema,
    roleplayStateSchema,
  ]),
});
