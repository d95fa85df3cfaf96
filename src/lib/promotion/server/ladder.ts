/**
 * The career ladder and the curriculum shaped for the readiness engine and the team pages, read
 * from the content collections. Content is immutable at run time, so production caches it.
 */
import { getCollection } from 'astro:content';
import type { BilingualText, Language } from '../../../schemas/common';
import type { TitleLookup } from '../criterion-text';
import { enabledLadder, levelById, type Ladder, type LadderLevel } from '../ladder';
import { serverEnv } from '../../platform/server/env';
import { parseModuleEntryId } from '../../content/module-ids';
import type { CurriculumIndex } from '../readiness';

export interface CatalogueModule {
  moduleId: string;
  courseId: string;
  slug: string;
  order: number;
  title: BilingualText;
  quizId: string | undefined;
}

export interface CatalogueCourse {
  id: string;
  order: number;
  title: BilingualText;
  modules: CatalogueModule[];
}

export interface Catalogue extends CurriculumIndex {
  courses: CatalogueCourse[];
  modules: ReadonlyMap<string, CatalogueModule>;
  /** The module whose lesson holds each exercise (else the one it practises), for "practise it here" links. */
  exerciseModule: ReadonlyMap<string, string>;
  quizTitles: ReadonlyMap<string, BilingualText>;
  exerciseTitles: ReadonlyMap<string, BilingualText>;
  /** Coaching rubrics' names, for rubric criteria. */
  rubricTitles: ReadonlyMap<string, BilingualText>;
}

let ladderCache: Promise<LadderLevel[]> | undefined;
let catalogueCache: Promise<Catalogue> | undefined;

/** The levels of the tracks LADDER_TRACKS switches on (office alone by default), track by track. */
export function loadLadder(): Promise<LadderLevel[]> {
  const ladder =
    ladderCache ??
    getCollection('levels').then((entries) =>
      enabledLadder(
        entries.map((e) => ({ id: e.id, track: e.data.track, order: e.data.order, name: e.data.name, description: e.data.description, criteria: e.data.criteria })),
        serverEnv().LADDER_TRACKS,
      ),
    );
  // Only cache in production: in dev, content edits must show up on reload.
  if (import.meta.env.PROD) ladderCache = ladder;
  return ladder;
}

const EXERCISE_TAG = /<Exercise\s+[^>]*id=["']([a-z0-9-]+)["']/g;

async function buildCatalogue(): Promise<Catalogue> {
  const [courseEntries, moduleEntries, quizEntries, exerciseEntries, rubricEntries] = await Promise.all([
    getCollection('courses'),
    getCollection('modules'),
    getCollection('quizzes'),
    getCollection('exercises'),
    getCollection('rubrics'),
  ]);
  const modules = new Map<string, CatalogueModule>();
  const exerciseModule = new Map<string, string>();
  for (const entry of moduleEntries) {
    const id = parseModuleEntryId(entry.id);
    if (!id) continue;
    const known = modules.get(id.moduleId);
    const title = { ...(known?.title ?? { zh: entry.data.title, en: entry.data.title }), [id.lang]: entry.data.title };
    modules.set(id.moduleId, { moduleId: id.moduleId, courseId: id.courseId, slug: id.moduleSlug, order: entry.data.order, title, quizId: entry.data.quiz });
    for (const match of (entry.body ?? '').matchAll(EXERCISE_TAG)) {
      if (!exerciseModule.has(match[1]!)) exerciseModule.set(match[1]!, id.moduleId);
    }
  }
  // An exercise not (yet) placed in a lesson links to the module it says it practises.
  for (const e of exerciseEntries) if (!exerciseModule.has(e.id) && modules.has(e.data.module)) exerciseModule.set(e.id, e.data.module);
  const courses = courseEntries
    .map((c) => ({
      id: c.id,
      order: c.data.order,
      title: c.data.title,
      modules: [...modules.values()].filter((m) => m.courseId === c.id).sort((a, b) => a.order - b.order),
    }))
    .sort((a, b) => a.order - b.order);
  const moduleQuiz = new Map<string, string>();
  for (const m of modules.values()) if (m.quizId) moduleQuiz.set(m.moduleId, m.quizId);
  return {
    courses,
    modules,
    courseModules: new Map(courses.map((c) => [c.id, c.modules.map((m) => m.moduleId)])),
    moduleQuiz,
    exerciseModule,
    quizTitles: new Map(quizEntries.map((q) => [q.id, q.data.title])),
    exerciseTitles: new Map(exerciseEntries.map((e) => [e.id, e.data.title])),
    rubricTitles: new Map(rubricEntries.map((r) => [r.id, r.data.name])),
  };
}

export function loadCatalogue(): Promise<Catalogue> {
  const catalogue = catalogueCache ?? buildCatalogue();
  if (import.meta.env.PROD) catalogueCache = catalogue;
  return catalogue;
}

/** Titles in one language, for criterion labels; an id stands in for anything content no longer has. */
export function titlesIn(catalogue: Catalogue, lang: Language, ladder: Ladder = []): TitleLookup {
  return {
    course: (id) => catalogue.courses.find((c) => c.id === id)?.title[lang] ?? id,
    module: (id) => catalogue.modules.get(id)?.title[lang] ?? id,
    exercise: (id) => catalogue.exerciseTitles.get(id)?.[lang] ?? id,
    level: (id) => levelById(ladder, id)?.name[lang] ?? id,
    rubric: (id) => catalogue.rubricTitles.get(id)?.[lang] ?? id,
  };
}

export function moduleHref(catalogue: Catalogue, lang: Language, moduleId: string): string | null {
  const m = catalogue.modules.get(moduleId);
  return m ? `/${lang}/courses/${m.courseId}/${m.slug}/` : null;
}
