/**
 * Which module(s) place a quiz or an exercise, and whether a learner may work on it. A module's
 * lock is enforced where the work is done (the quiz.view/submit and exercise.open/save/submit
 * actions), not only by the page: otherwise a locked quiz could be fetched
 * and answered straight through the action endpoint. Pure: callers bring the content and the
 * learner's completions.
 */
import { t } from '../../i18n/ui';
import type { Language } from '../../schemas/common';
import { bypassesLocks, missingPrerequisites } from './module-locks';

export type Titles = Record<Language, string>;

/** One module as the content index needs it (from either language file of the module). */
export interface ModuleSource {
  moduleId: string;
  lang: Language;
  title: string;
  prerequisites: readonly string[];
  /** The frontmatter `quiz`. */
  quiz?: string | undefined;
  /** The MDX body, where `<Quiz id="…" />` and `<Exercise id="…" />` place more work. */
  body?: string | undefined;
}

export interface WorkIndex {
  modules: Map<string, { title: Titles; prerequisites: string[] }>;
  /** Work id → the modules that place it. */
  quizzes: Map<string, string[]>;
  exercises: Map<string, string[]>;
}

/** A module that places a piece of work, with its prerequisites' titles for the refusal. */
export interface Placement {
  moduleId: string;
  title: Titles;
  prerequisites: { moduleId: string; title: Titles }[];
}

export type WorkKind = 'quiz' | 'exercise';

// The same tag shapes content:check accepts: `id` anywhere among the props, spaces around `=`.
const placedIds = (body: string | undefined, component: 'Quiz' | 'Exercise') =>
  [...(body ?? '').matchAll(new RegExp(`<${component}\\b[^>]*?\\bid\\s*=\\s*["']([a-z0-9-]+)["']`, 'g'))].map((m) => m[1]!);

function add(map: Map<string, string[]>, workId: string, moduleId: string) {
  const list = map.get(workId) ?? [];
  if (!list.includes(moduleId)) list.push(moduleId);
  map.set(workId, list);
}

/** The index from the module files (both languages) and the exercises' own `module` field. */
export function buildWorkIndex(modules: readonly ModuleSource[], exercises: readonly { id: string; module: string }[]): WorkIndex {
  const index: WorkIndex = { modules: new Map(), quizzes: new Map(), exercises: new Map() };
  for (const m of modules) {
    const known = index.modules.get(m.moduleId) ?? { title: { zh: m.moduleId, en: m.moduleId }, prerequisites: [...m.prerequisites] };
    known.title[m.lang] = m.title;
    index.modules.set(m.moduleId, known);
    if (m.quiz) add(index.quizzes, m.quiz, m.moduleId);
    for (const id of placedIds(m.body, 'Quiz')) add(index.quizzes, id, m.moduleId);
    for (const id of placedIds(m.body, 'Exercise')) add(index.exercises, id, m.moduleId);
  }
  for (const e of exercises) add(index.exercises, e.id, e.module);
  return index;
}

/** The modules placing one quiz or exercise, each with its prerequisites. */
export function placementsOf(index: WorkIndex, kind: WorkKind, workId: string): Placement[] {
  const titleOf = (moduleId: string): Titles => index.modules.get(moduleId)?.title ?? { zh: moduleId, en: moduleId };
  return ((kind === 'quiz' ? index.quizzes : index.exercises).get(workId) ?? []).map((moduleId) => ({
    moduleId,
    title: titleOf(moduleId),
    prerequisites: (index.modules.get(moduleId)?.prerequisites ?? []).map((p) => ({ moduleId: p, title: titleOf(p) })),
  }));
}

/**
 * Why this person may not work on it yet, in their language, or null when they may: someone who
 * reviews content, work placed in no module, or work placed in at least one unlocked module.
 */
export function lockedWorkMessage(placements: readonly Placement[], completed: ReadonlySet<string>, role: string, lang: Language): string | null {
  if (bypassesLocks(role) || placements.length === 0) return null;
  const locked = placements.map((p) => ({ p, missing: missingPrerequisites(p.prerequisites.map((x) => x.moduleId), completed) }));
  if (locked.some(({ missing }) => missing.length === 0)) return null;
  const { p, missing } = locked[0]!;
  const titles = p.prerequisites.filter((x) => missing.includes(x.moduleId)).map((x) => `“${x.title[lang]}”`);
  return t(lang, 'work.locked', { module: p.title[lang], modules: titles.join(lang === 'zh' ? '、' : ', ') });
}

/**
 * Which search index a person gets (src/integrations/search-index.ts): the full text only when
 * they can open every module; otherwise the one that shows locked modules' titles and objectives only.
 */
export function searchIndexKind(index: WorkIndex, completed: ReadonlySet<string>, role: string): 'full' | 'open' {
  if (bypassesLocks(role)) return 'full';
  for (const { prerequisites } of index.modules.values()) {
    if (missingPrerequisites(prerequisites, completed).length > 0) return 'open';
  }
  return 'full';
}
