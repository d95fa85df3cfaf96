/**
 * The ladder and the curriculum index read straight from content/ files, for scripts and tests
 * that run outside Astro (seeding, benchmarks, integration tests). The app itself uses
 * loadLadder/loadCatalogue over the content collections; both apply the same schemas.
 */
import { levelSchema, type LadderTrack } from '../../../schemas/level';
import { moduleSchema } from '../../../schemas/module';
import { enabledLadder, type LadderLevel } from '../../promotion/ladder';
import { parseModuleEntryId } from '../module-ids';
import type { CurriculumIndex } from '../../promotion/readiness';
import { readContentTree } from './content-files';
import { buildWorkIndex, type ModuleSource, type WorkIndex } from '../../learning-records/work-locks';

/** `tracks`: the ladder tracks switched on, as LADDER_TRACKS would say; office alone by default, as in the app. */
export function contentIndexFromFiles(
  root: string,
  { tracks = ['office'] }: { tracks?: readonly LadderTrack[] } = {},
): { ladder: LadderLevel[]; curriculum: CurriculumIndex } {
  const files = readContentTree(root);
  const levels: LadderLevel[] = [];
  const courseOrder = new Map<string, number>();
  const modules: { courseId: string; moduleId: string; order: number; quizId: string | undefined }[] = [];
  for (const f of files) {
    const course = /^courses\/([^/]+)\/course\.yaml$/.exec(f.path);
    if (course) courseOrder.set(course[1]!, Number((f.data as { order?: number } | undefined)?.order ?? 0));
    const level = /^levels\/([^/]+)\.yaml$/.exec(f.path);
    const parsedLevel = level ? levelSchema.safeParse(f.data) : undefined;
    if (level && parsedLevel?.success) levels.push({ id: level[1]!, ...parsedLevel.data });
    // Invalid files are skipped here; content:check is where they get reported.
    const id = f.path.startsWith('courses/') && f.path.endsWith('.zh.mdx') ? parseModuleEntryId(f.path.slice('courses/'.length, -'.mdx'.length)) : null;
    const frontmatter = id ? moduleSchema.safeParse(f.data) : undefined;
    if (id && frontmatter?.success) modules.push({ courseId: id.courseId, moduleId: id.moduleId, order: frontmatter.data.order, quizId: frontmatter.data.quiz });
  }
  modules.sort((a, b) => (courseOrder.get(a.courseId) ?? 0) - (courseOrder.get(b.courseId) ?? 0) || a.order - b.order);
  const courseModules = new Map<string, string[]>([...courseOrder.keys()].map((c) => [c, []]));
  for (const m of modules) courseModules.get(m.courseId)?.push(m.moduleId);
  const moduleQuiz = new Map(modules.filter((m) => m.quizId).map((m) => [m.moduleId, m.quizId!]));
  return { ladder: enabledLadder(levels, tracks), curriculum: { courseModules, moduleQuiz } };
}

/** The work index (which modules place each quiz and exercise) straight from content/ files. */
export function workIndexFromFiles(root: string): WorkIndex {
  const files = readContentTree(root);
  const modules: ModuleSource[] = [];
  const exercises: { id: string; module: string }[] = [];
  for (const f of files) {
    const id = f.path.startsWith('courses/') && f.path.endsWith('.mdx') ? parseModuleEntryId(f.path.slice('courses/'.length, -'.mdx'.length)) : null;
    const frontmatter = id ? moduleSchema.safeParse(f.data) : undefined;
    if (id && frontmatter?.success) {
      const { title, prerequisites, quiz } = frontmatter.data;
      modules.push({ moduleId: id.moduleId, lang: id.lang, title, prerequisites, quiz, body: f.body });
    }
    const exercise = /^exercises\/([^/]+)\.ya?ml$/.exec(f.path);
    const module = (f.data as { module?: unknown } | undefined)?.module;
    if (exercise && typeof module === 'string') exercises.push({ id: exercise[1]!, module });
  }
  return buildWorkIndex(modules, exercises);
}
