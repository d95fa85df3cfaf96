/** Read access to the exercises collection. Content is immutable at run time. */
import { getCollection, getEntry } from 'astro:content';
import type { Language } from '../../../schemas/common';
import type { Exercise } from '../../../schemas/exercise';
import type { ExerciseListing } from '../progress';

export async function findExercise(exerciseId: string): Promise<Exercise | null> {
  const entry = await getEntry('exercises', exerciseId);
  return entry?.data ?? null;
}

/** Every exercise with the module it practises, in one language, ordered by id. */
export async function listExercises(lang: Language): Promise<ExerciseListing[]> {
  const entries = await getCollection('exercises');
  return entries
    .map((e) => ({ id: e.id, moduleId: e.data.module, title: e.data.title[lang], passPercent: e.data.passPercent }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
