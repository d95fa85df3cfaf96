/** Booster content straight from content/ files, for the seed and tests that run outside Astro. */
import { glossarySchema } from '../../../schemas/glossary';
import { moduleSchema } from '../../../schemas/module';
import { quizSchema, type Quiz } from '../../../schemas/quiz';
import { parseModuleEntryId } from '../../content/module-ids';
import { readContentTree, type ContentFile } from '../../content/server/content-files';
import { boosterContent, type BoosterContent } from '../content';

export function boosterContentFromFiles(root: string): BoosterContent {
  return boosterContentFromTree(readContentTree(root));
}

/** The same from files already read (the demo seed reads the tree once for everything). */
export function boosterContentFromTree(files: readonly ContentFile[]): BoosterContent {
  const modules: { moduleId: string; lang: string; quizId: string | undefined; body: string | undefined }[] = [];
  const quizzes = new Map<string, Quiz>();
  let glossary = glossarySchema.parse([]);
  for (const f of files) {
    const id = f.path.startsWith('courses/') && f.path.endsWith('.mdx') ? parseModuleEntryId(f.path.slice('courses/'.length, -'.mdx'.length)) : null;
    const frontmatter = id ? moduleSchema.safeParse(f.data) : undefined;
    if (id && frontmatter?.success) modules.push({ moduleId: id.moduleId, lang: id.lang, quizId: frontmatter.data.quiz, body: f.body });
    const quiz = /^quizzes\/([^/]+)\.ya?ml$/.exec(f.path);
    const parsed = quiz ? quizSchema.safeParse(f.data) : undefined;
    if (quiz && parsed?.success) quizzes.set(quiz[1]!, parsed.data);
    if (f.path === 'glossary.yaml') glossary = glossarySchema.parse(f.data);
  }
  return boosterContent(modules, quizzes, glossary);
}
