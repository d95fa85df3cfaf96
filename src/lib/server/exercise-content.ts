/** Read access to the exercises collection. Content is immutable at run time. */
import { getEntry } from 'astro:content';
import type { Exercise } from '../../schemas/exercise';

export async function findExercise(exerciseId: string): Promise<Exercise | null> {
  const entry = await getEntry('exercises', exerciseId);
  return entry?.data ?? null;
}
