/** The work index (which modules place each quiz and exercise) over the content collections. */
import { getCollection } from 'astro:content';
import { parseModuleEntryId } from '../../content/module-ids';
import { buildWorkIndex, type WorkIndex } from '../work-locks';

let cached: Promise<WorkIndex> | undefined;

export function workIndex(): Promise<WorkIndex> {
  if (cached) return cached;
  const built = (async () => {
    const [modules, exercises] = await Promise.all([getCollection('modules'), getCollection('exercises')]);
    return buildWorkIndex(
      modules.flatMap((entry) => {
        const id = parseModuleEntryId(entry.id);
        return id ? [{ moduleId: id.moduleId, lang: id.lang, title: entry.data.title, prerequisites: entry.data.prerequisites, quiz: entry.data.quiz, body: entry.body }] : [];
      }),
      exercises.map((e) => ({ id: e.id, module: e.data.module })),
    );
  })();
  // Content is immutable in production; in dev an edit must show up on reload.
  if (import.meta.env.PROD) cached = built;
  return built;
}
