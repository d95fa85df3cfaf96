/** Read access to the rubrics collection (content/rubrics/). Content is immutable at run time. */
import { getCollection, getEntry } from 'astro:content';
import type { Rubric } from '../../../schemas/rubric';

export async function findRubric(rubricId: string): Promise<Rubric | null> {
  const entry = await getEntry('rubrics', rubricId);
  return entry?.data ?? null;
}

export async function listRubrics(): Promise<{ id: string; rubric: Rubric }[]> {
  return (await getCollection('rubrics')).map((e) => ({ id: e.id, rubric: e.data })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Ids and titles of the branching role-play exercises, whose submitted attempts can be replayed. */
export async function listRoleplays(): Promise<Map<string, { zh: string; en: string }>> {
  const entries = await getCollection('exercises');
  return new Map(entries.filter((e) => e.data.type === 'roleplay').map((e) => [e.id, e.data.title]));
}
