/**
 * Validates the whole of content/ as trainers wrote it: every file against its schema, then the
 * links between files (quiz and exercise ids, prerequisites, level requirements, language twins).
 * Pure: files in, problems out.
 */
import type { z } from 'astro/zod';
import { courseSchema } from '../../../schemas/course';
import { moduleSchema, type ModuleFrontmatter } from '../../../schemas/module';
import { quizSchema } from '../../../schemas/quiz';
import { levelSchema, type Level } from '../../../schemas/level';
import { trackChainProblems } from '../../promotion/ladder';
import { exerciseSchema, type Exercise } from '../../../schemas/exercise';
import { glossarySchema, type GlossaryTerm } from '../../../schemas/glossary';
import { rubricSchema, type Rubric } from '../../../schemas/rubric';
import { skillsSchema, type Skill } from '../../../schemas/skills';
import { didYouMean } from './did-you-mean';
import { parseModuleEntryId, type ModuleEntryId } from '../module-ids';
import { describeIssue, fieldPath } from './format';
import { componentProblems } from './mdx';

export interface ContentFileInput {
  path: string;
  data: unknown;
  body?: string;
  /** The file's line number of the body's first line (after the frontmatter); 1 when unknown. */
  bodyLine?: number;
  error?: string;
  errorLine?: number;
}

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

type Kind = 'course' | 'module' | 'quiz' | 'exercise' | 'level' | 'glossary' | 'rubric' | 'skills';

function kindOf(path: string): Kind | null {
  if (/^courses\/[^/]+\/course\.ya?ml$/.test(path)) return 'course';
  if (/^courses\/[^/]+\/[^/]+\.mdx$/.test(path)) return 'module';
  if (/^quizzes\/[^/]+\.ya?ml$/.test(path)) return 'quiz';
  if (/^exercises\/[^/]+\.ya?ml$/.test(path)) return 'exercise';
  if (/^levels\/[^/]+\.ya?ml$/.test(path)) return 'level';
  if (/^rubrics\/[^/]+\.ya?ml$/.test(path)) return 'rubric';
  if (path === 'glossary.yaml') return 'glossary';
  if (path === 'skills.yaml') return 'skills';
  return null;
}

const schemas: Record<Kind, z.ZodType> = {
  course: courseSchema,
  module: moduleSchema,
  quiz: quizSchema,
  exercise: exerciseSchema,
  level: levelSchema,
  glossary: glossarySchema,
  rubric: rubricSchema,
  skills: skillsSchema,
};

const baseName = (path: string) => path.split('/').pop()!.replace(/\.(ya?ml|mdx)$/, '');

/** `root` is how problems name the content folder, e.g. "content". */
export function checkContent(files: readonly ContentFileInput[], root = 'content'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, field: string, message: string) => problems.push({ file: `${root}/${file}`, field, message });

  const courses = new Set<string>();
  const quizzes = new Set<string>();
  const exercises = new Set<string>();
  const exerciseModules: { path: string; id: string; moduleId: string }[] = [];
  const modules: { path: string; id: ModuleEntryId; data: ModuleFrontmatter; body: string; bodyLine: number }[] = [];
  const levels: { path: string; data: Level }[] = [];
  const glossary: GlossaryTerm[] = [];
  const rubrics = new Map<string, Rubric>();
  const levelIds = new Set<string>();
  const moduleFiles = new Set<string>();
  let skills: Skill[] | undefined;
  const roleplays: { path: string; data: Exercise }[] = [];

  for (const file of files) {
    const kind = kindOf(file.path);
    if (!kind) {
      report(file.path, '(file)', 'is not where content belongs: courses/<course>/course.yaml, courses/<course>/<module>.<zh|en>.mdx, quizzes/, exercises/, levels/, rubrics/ or glossary.yaml');
      report(file.path, '(file)', 'is not where content belongs: courses/<course>/course.yaml, courses/<course>/<module>.<zh|en>.mdx, quizzes/, exercises/, levels/, glossary.yaml or skills.yaml');
      continue;
    }
    // The id exists as soon as the file does: a mistake inside a quiz is reported once, in the quiz,
    // and never again as "there is no content/quizzes/….yaml" in every lesson that places it.
    if (kind === 'quiz') quizzes.add(baseName(file.path));
    if (kind === 'exercise') exercises.add(baseName(file.path));
    if (kind === 'course') courses.add(file.path.split('/')[1]!);
    if (kind === 'level') levelIds.add(baseName(file.path));
    const moduleFileId = kind === 'module' ? parseModuleEntryId(file.path.slice('courses/'.length).replace(/\.mdx$/, '')) : null;
    if (moduleFileId) moduleFiles.add(`${moduleFileId.moduleId}.${moduleFileId.lang}`);
    if (file.error) {
      report(file.path, file.errorLine ? `line ${file.errorLine}` : '(file)', file.error);
      continue;
    }
    const parsed = schemas[kind].safeParse(file.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { field, message } = describeIssue(issue, file.data, schemas[kind]);
        report(file.path, field, message);
      }
      continue;
    }
    if (kind === 'exercise') {
      exerciseModules.push({ path: file.path, id: baseName(file.path), moduleId: (parsed.data as Exercise).module });
    }
    if (kind === 'level') levels.push({ path: file.path, data: parsed.data as Level });
    if (kind === 'rubric') rubrics.set(baseName(file.path), parsed.data as Rubric);
    if (kind === 'glossary') glossary.push(...(parsed.data as GlossaryTerm[]));
    if (kind === 'skills') skills = parsed.data as Skill[];
    if (kind === 'exercise' && (parsed.data as Exercise).type === 'roleplay') roleplays.push({ path: file.path, data: parsed.data as Exercise });
    if (kind === 'module') {
      const id = parseModuleEntryId(file.path.slice('courses/'.length).replace(/\.mdx$/, ''));
      if (!id) {
        report(file.path, '(file name)', 'a module file is named <module-id>.zh.mdx or <module-id>.en.mdx, with a lowercase kebab-case id');
        continue;
      }
      modules.push({ path: file.path, id, data: parsed.data as ModuleFrontmatter, body: file.body ?? '', bodyLine: file.bodyLine ?? 1 });
    }
  }

  const moduleIds = new Set([...moduleFiles].map((key) => key.replace(/\.(zh|en)$/, '')));
  const known = { quizzes, exercises, glossary, levels: levelIds };
  const byKey = new Map(modules.map((m) => [`${m.id.moduleId}.${m.id.lang}`, m]));

  for (const m of modules) {
    if (!courses.has(m.id.courseId)) {
      report(m.path, '(folder)', `course "${m.id.courseId}" has no course.yaml; add content/courses/${m.id.courseId}/course.yaml`);
    }
    const twinLang = m.id.lang === 'zh' ? 'en' : 'zh';
    const twin = byKey.get(`${m.id.moduleId}.${twinLang}`);
    if (!twin && !moduleFiles.has(`${m.id.moduleId}.${twinLang}`)) {
      report(m.path, '(file)', `has no ${twinLang === 'en' ? 'English' : 'Chinese'} twin; add courses/${m.id.moduleId}.${twinLang}.mdx`);
    } else if (twin && m.id.lang === 'zh') {
      for (const field of ['order', 'minutes', 'quiz'] as const) {
        if (m.data[field] !== twin.data[field]) {
          report(twin.path, field, `is ${JSON.stringify(twin.data[field])} but the Chinese twin says ${JSON.stringify(m.data[field])}; the twins must agree`);
        }
      }
      if (m.data.prerequisites.join() !== twin.data.prerequisites.join()) {
        report(twin.path, 'prerequisites', 'differ from the Chinese twin; the twins must list the same prerequisites');
      }
    }
    if (m.data.quiz && quizzes.has(m.data.quiz) && !placesQuiz(m.body, m.data.quiz)) {
      report(m.path, 'quiz', `is "${m.data.quiz}", but this lesson never shows it; add <Quiz id="${m.data.quiz}" /> where learners should take it (usually at the end)`);
    }
    if (twin && m.id.lang === 'zh') {
      const terms = (body: string) => new Set([...body.matchAll(/<KeyTerm\s[^>]*id=["']([^"']+)["']/g)].map((x) => x[1]!));
      const zhTerms = terms(m.body);
      const enTerms = terms(twin.body);
      for (const id of zhTerms) if (!enTerms.has(id)) report(twin.path, '(body)', `has no <KeyTerm id="${id}" />, which the Chinese twin shows; the twins show the same terms, so add it where the English text explains that term`);
      for (const id of enTerms) if (!zhTerms.has(id)) report(m.path, '(body)', `has no <KeyTerm id="${id}" />, which the English twin shows; the twins show the same terms, so add it where the Chinese text explains that term`);
    }
    if (m.data.quiz && !quizzes.has(m.data.quiz)) {
      report(m.path, 'quiz', `names quiz "${m.data.quiz}", but there is no content/quizzes/${m.data.quiz}.yaml`);
    }
    m.data.prerequisites.forEach((p, i) => {
      if (!moduleIds.has(p)) report(m.path, `prerequisites[${i}]`, `names module "${p}", which does not exist; use course-id/module-id of an existing module`);
      if (p === m.id.moduleId) report(m.path, `prerequisites[${i}]`, 'a module cannot be its own prerequisite');
    });
    for (const problem of componentProblems(m.body, known, m.bodyLine)) report(m.path, problem.field, problem.message);
  }

  // Two modules at one position would swap places from build to build; each course numbers 1, 2, 3 ….
  const byPosition = new Map<string, string>();
  for (const m of modules.filter((x) => x.id.lang === 'zh').sort((a, b) => a.path.localeCompare(b.path))) {
    const key = `${m.id.courseId}#${m.data.order}`;
    const other = byPosition.get(key);
    if (other) report(m.path, 'order', `is ${m.data.order}, the same as ${other} in the same course; give every module of a course its own order (and change it in both twins)`);
    else byPosition.set(key, `courses/${m.id.moduleId}`);
  }

  // An exercise practises one module's flow or skill, so it must appear in both of that module's lessons.
  for (const e of exerciseModules) {
    if (!moduleIds.has(e.moduleId)) {
      report(e.path, 'module', `names module "${e.moduleId}", which does not exist; use course-id/module-id of the module the exercise practises`);
      continue;
    }
    for (const lang of ['zh', 'en'] as const) {
      const lesson = byKey.get(`${e.moduleId}.${lang}`);
      if (lesson && !new RegExp(`<Exercise\\s[^>]*id=["']${e.id}["']`).test(lesson.body)) {
        report(e.path, 'module', `is "${e.moduleId}", but courses/${e.moduleId}.${lang}.mdx does not place it; add <Exercise id="${e.id}" /> to that lesson`);
      }
    }
  }

  // Role-plays score skills that content/skills.yaml names (with their zh/en labels).
  const skillIds = new Set((skills ?? []).map((s) => s.id));
  const skillsFileExists = files.some((f) => f.path === 'skills.yaml');
  for (const r of roleplays) {
    if (r.data.type !== 'roleplay') continue;
    r.data.nodes.forEach((node, n) =>
      (node.choices ?? []).forEach((choice, c) => {
        for (const skill of Object.keys(choice.effects)) {
          if (skillIds.has(skill)) continue;
          if (!skillsFileExists) {
            report(r.path, fieldPath(['nodes', n, 'choices', c, 'effects'], r.data), `scores skill "${skill}", but there is no content/skills.yaml; add it with every skill's id and zh/en label`);
          } else if (skills) {
            report(r.path, fieldPath(['nodes', n, 'choices', c, 'effects'], r.data), `scores skill "${skill}", which content/skills.yaml does not list; ${didYouMean(skill, skillIds)}use one of ${[...skillIds].join(', ')}, or add the skill there with its zh and en label`);
          }
        }
      }),
    );
  }

  for (const level of levels) {
    const c = level.data.criteria;
    c.modules.forEach((id, i) => {
      if (!moduleIds.has(id)) report(level.path, `criteria.modules[${i}]`, `names module "${id}", which does not exist`);
    });
    c.courses.forEach((id, i) => {
      if (!courses.has(id)) report(level.path, `criteria.courses[${i}]`, `names course "${id}", which does not exist`);
    });
    c.exercises.forEach((e, i) => {
      if (!exercises.has(e.id)) report(level.path, `criteria.exercises[${i}].id`, `names exercise "${e.id}", but there is no content/exercises/${e.id}.yaml`);
    });
    (c.rubrics ?? []).forEach((r, i) => {
      const rubric = rubrics.get(r.id);
      if (!rubric) report(level.path, `criteria.rubrics[${i}].id`, `names rubric "${r.id}", but there is no content/rubrics/${r.id}.yaml`);
      else {
        const top = rubric.criteria[0]?.levels.length ?? 0;
        if (r.minAverage > top) report(level.path, `criteria.rubrics[${i}].minAverage`, `is ${r.minAverage}, but rubric "${r.id}" has only ${top} levels; ask for ${top} or less`);
      }
    });
  }
  // Each track (office, field) must be a chain 1, 2, 3 … so "the level above" is always one level.
  const levelPaths = new Map(levels.map((l) => [baseName(l.path), l]));
  const chain = trackChainProblems(levels.map((l) => ({ id: baseName(l.path), track: l.data.track, order: l.data.order })));
  for (const problem of chain) report(levelPaths.get(problem.id)!.path, 'order', problem.message);
  for (const level of levels) {
    level.data.criteria.tenure?.in.forEach((id, i) => {
      const counted = levelPaths.get(id);
      if (!counted && levelIds.has(id)) return;
      if (!counted) report(level.path, `criteria.tenure.in[${i}]`, `names level "${id}", but there is no content/levels/${id}.yaml`);
      else if (counted.data.track !== level.data.track) {
        report(level.path, `criteria.tenure.in[${i}]`, `names "${id}" on the ${counted.data.track} track, but this level is on the ${level.data.track} track; count time on one track`);
      }
    });
  }
  return problems;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file} › ${p.field}: ${p.message}`;
}

function placesQuiz(body: string, id: string): boolean {
  return new RegExp(`<Quiz\\s[^>]*id=["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(body);
}
