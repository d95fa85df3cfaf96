/** Read access to the content collections, shaped for pages. Content is immutable at run time. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Language } from '../../../schemas/common';
import { parseModuleEntryId } from '../module-ids';
import type { ScoringPolicy } from '../../../schemas/quiz';

export interface ModuleSummary {
  moduleId: string;
  courseId: string;
  slug: string;
  order: number;
  minutes: number;
  title: string;
  quizId: string | undefined;
  prerequisites: string[];
  entry: CollectionEntry<'modules'>;
}

export interface CourseSummary {
  id: string;
  order: number;
  title: string;
  summary: string;
  audience: string[];
  modules: ModuleSummary[];
}

function toModuleSummary(entry: CollectionEntry<'modules'>): ModuleSummary | null {
  const parsed = parseModuleEntryId(entry.id);
  if (!parsed) return null;
  return {
    moduleId: parsed.moduleId,
    courseId: parsed.courseId,
    slug: parsed.moduleSlug,
    order: entry.data.order,
    minutes: entry.data.minutes,
    title: entry.data.title,
    quizId: entry.data.quiz,
    prerequisites: entry.data.prerequisites,
    entry,
  };
}

const cache = new Map<Language, Promise<CourseSummary[]>>();

/** Every course in catalogue order with its modules in the given language, in module order. */
export function listCourses(lang: Language): Promise<CourseSummary[]> {
  let courses = cache.get(lang);
  if (!courses) {
    courses = (async () => {
      const [courseEntries, moduleEntries] = await Promise.all([getCollection('courses'), getCollection('modules')]);
      const modules = moduleEntries
        .map(toModuleSummary)
        .filter((m): m is ModuleSummary => m !== null && m.entry.id.endsWith(`.${lang}`));
      return courseEntries
        .map((c) => ({
          id: c.id,
          order: c.data.order,
          title: c.data.title[lang],
          summary: c.data.summary[lang],
          audience: c.data.audience,
          modules: modules.filter((m) => m.courseId === c.id).sort((a, b) => a.order - b.order),
        }))
        .sort((a, b) => a.order - b.order);
    })();
    // Only cache in production: in dev, content edits must show up on reload.
    if (import.meta.env.PROD) cache.set(lang, courses);
  }
  return courses;
}

export async function findCourse(lang: Language, courseId: string): Promise<CourseSummary | undefined> {
  return (await listCourses(lang)).find((c) => c.id === courseId);
}

export async function findQuiz(quizId: string) {
  return getEntry('quizzes', quizId);
}

/** Each quiz's scoring policy ("best" or "last"), for `quizScores`. */
export async function quizScoringPolicies(): Promise<Map<string, ScoringPolicy>> {
  const quizzes = await getCollection('quizzes');
  return new Map(quizzes.map((q) => [q.id, q.data.scoring]));
}
