import { z } from 'astro/zod';
import { sequenceExerciseSchema } from './exercises/sequence';
import { classifyExerciseSchema } from './exercises/classify';
import { roleplayExerciseSchema } from './exercises/roleplay';
import { spotTheIssueExerciseSchema } from './exercises/spot-the-issue';
import { calculationExerciseSchema } from './exercises/calculation';

export const exerciseTypes = ['sequence', 'classify', 'roleplay', 'spot-the-issue', 'calculation'] as const;
export type ExerciseType = (typeof exerciseTypes)[number];

/**
 * `content/exercises/<exercise-id>.yaml`: one bilingual practice exercise. `type` picks the
 * shape; each type's schema lives in `./exercises/` and extends the shared base.
 */
export const exerciseSchema = z.discriminatedUnion('type', [
  sequenceExerciseSchema,
  classifyExerciseSchema,
  roleplayExerciseSchema,
  spotTheIssueExerciseSchema,
  calculationExerciseSchema,
]);

export type Exercise = z.infer<typeof exerciseSchema>;
export type { SequenceExercise } from './exercises/sequence';
export type { ClassifyExercise } from './exercises/classify';
export type { RoleplayExercise, RoleplayNode, RoleplayChoice, RoleplaySkill } from './exercises/roleplay';
export type { SpotTheIssueExercise, ReviewCriterion } from './exercises/spot-the-issue';
export type { CalculationExercise } from './exercises/calculation';
