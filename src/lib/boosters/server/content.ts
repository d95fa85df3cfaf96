/** Booster content over the content collections, for pages and actions. */
import { getCollection } from 'astro:content';
import { parseModuleEntryId } from '../../content/module-ids';
import { boosterContent, type BoosterContent } from '../content';

let cached: Promise<BoosterContent> | undefined;

export function loadBoosterContent(): Promise<BoosterContent> {
  if (cached) return cached;
  const built = (async () => {
    const [modules, quizzes, glossary] = await Promise.all([getCollection('modules'), getCollection('quizzes'), getCollection('glossary')]);
    return boosterContent(
      modules.flatMap((entry) => {
        const id = parseModuleEntryId(entry.id);
        return id ? [{ moduleId: id.moduleId, lang: id.lang, quizId: entry.data.quiz, body: entry.body }] : [];
      }),
      new Map(quizzes.map((q) => [q.id, q.data])),
      glossary.map((g) => g.data),
    );
  })();
  // Content is immutable in production; in dev an edit must show up on reload.
  if (import.meta.env.PROD) cached = built;
  return built;
}
