/**
 * The props each authoring component accepts, so content:check refuses what would make the
 * component throw (or silently show nothing) at render time. Keep in step with
 * src/components/authoring/*.astro, Quiz.astro and exercises/Exercise.astro.
 */
import { z } from 'astro/zod';

/** `<Callout type>`: must match the icons in Callout.astro. */
export const calloutTypes = ['note', 'tip', 'warning', 'case'] as const;

const text = z.string().trim().min(1, 'is empty; write the text');
const textList = z.array(text).min(1, 'is an empty list; list at least one item');
const flowStep = z.strictObject({
  id: z.string().min(1),
  label: text,
  kind: z.enum(['start', 'step', 'decision', 'end']).optional(),
  note: z.string().optional(),
  next: z.string().optional(),
  branches: z.array(z.strictObject({ label: text, to: z.string().min(1) })).optional(),
});

export const componentProps = {
  Callout: z.object({ type: z.enum(calloutTypes).optional(), title: z.string().optional() }),
  Steps: z.object({}),
  Flow: z.object({ title: text, steps: z.array(flowStep).min(1, 'is an empty list; list the steps') }),
  RoleCard: z.object({
    title: text,
    reportsTo: z.string().optional(),
    manages: z.string().optional(),
    duties: textList,
    rights: textList.optional(),
    requirements: textList.optional(),
  }),
  KeyTerm: z.object({ id: text }),
  LadderRule: z.object({ level: text, rule: z.enum(['all', 'quiz']).optional() }),
  LadderTable: z.object({}),
  QuestionTypes: z.object({}),
  Quiz: z.object({ id: text }),
  Exercise: z.object({ id: text }),
} satisfies Record<string, z.ZodObject>;

export type AuthoringComponent = keyof typeof componentProps;
export const authoringComponents = Object.keys(componentProps) as AuthoringComponent[];

/** Components written around content (`<Callout>…</Callout>`); the rest are self-closing. */
export const wrappingComponents: ReadonlySet<string> = new Set(['Callout', 'Steps']);
