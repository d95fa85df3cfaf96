/** What booster cards need of the curriculum, built once from the content collections or from files. */
import type { GlossaryTerm } from '../../schemas/glossary';
import type { Quiz } from '../../schemas/quiz';
import { keyTermIds } from '../content/glossary';

export interface BoosterModule {
  quizId: string | undefined;
  keyTerms: string[];
}

export interface BoosterContent {
  /** Every module by id ("course/module"), as its Chinese file has it (both languages name the same terms). */
  modules: ReadonlyMap<string, BoosterModule>;
  quizzes: ReadonlyMap<string, Quiz>;
  glossary: readonly GlossaryTerm[];
}

export function boosterContent(
  modules: readonly { moduleId: string; lang: string; quizId: string | undefined; body: string | undefined }[],
  quizzes: ReadonlyMap<string, Quiz>,
  glossary: readonly GlossaryTerm[],
): BoosterContent {
  const byId = new Map<string, BoosterModule>();
  for (const m of modules) {
    if (m.lang !== 'zh') continue;
    byId.set(m.moduleId, { quizId: m.quizId, keyTerms: keyTermIds(m.body ?? '') });
  }
  return { modules: byId, quizzes, glossary };
}
