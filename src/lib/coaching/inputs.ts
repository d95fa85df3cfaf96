/** The coaching actions' input schemas, apart from astro:actions so tests can parse with them too. */
import { z } from 'astro/zod';
import { multiLine } from '../../schemas/typed-text';
import { observationKindIds } from '../../schemas/rubric';

const id = z.string().trim().min(1).max(64);
const body = (max: number) => multiLine(max).pipe(z.string().min(1, 'write something before sending'));

export const observeInput = z.strictObject({
  userId: id,
  rubricId: z.string().trim().max(64),
  kind: z.enum(observationKindIds),
  /** As typed or picked: "2026-11-30", "2026/11/30", "２０２６年１１月３０日". */
  observedOn: z.string().max(30),
  /** The rubric's criterion ids, one hidden field each, in the same order as `levels` and `notes`. */
  criterionIds: z.array(z.string().trim().max(64)).max(12),
  levels: z.array(z.string().max(8)).max(12),
  notes: z.array(multiLine(1000)).max(12),
});

export const acknowledgeInput = z.strictObject({ observationId: id });

export const replyInput = z.strictObject({ observationId: id, body: body(2000) });

export const commentStepInput = z.strictObject({
  attemptId: id,
  /** 0-based step index, as the replay page sends it. */
  step: z.string().trim().max(6),
  body: body(2000),
});
