import { mdxToJs } from 'satteri';
import type { GlossaryTerm } from '../../../schemas/glossary';
import { suggestId } from '../glossary';

/** Components a module may use without importing them (see docs/authoring.md). */
export const authoringComponents = ['Callout', 'Steps', 'Flow', 'RoleCard', 'KeyTerm', 'LadderRule', 'LadderTable', 'QuestionTypes', 'Quiz', 'Exercise'] as const;

function withoutCode(body: string): string {
  return body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

/**
 * Problems in a module body: MDX that does not compile, components that do not exist, and
 * `<Quiz id>` / `<Exercise id>` naming content that does not exist.
 */
export function componentProblems(
  body: string,
  known: { quizzes: ReadonlySet<string>; exercises: ReadonlySet<string>; glossary?: readonly GlossaryTerm[]; levels?: ReadonlySet<string> },
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  try {
    mdxToJs(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ field: '(body)', message: `is not valid MDX: ${reason} (line numbers count from the line after the frontmatter)` });
    return problems;
  }
  const text = withoutCode(body);
  // Module code runs on the server at render time: authors get components, never code of their own.
  if (/^\s*(import|export)\s/m.test(text)) {
    problems.push({ field: '(body)', message: 'contains an import or export line; modules may not run code. Remove it — the authoring components need no import' });
  }
  for (const match of text.matchAll(/<(script|iframe|object|embed|style|form)\b/gi)) {
    problems.push({ field: '(body)', message: `uses a <${match[1]!.toLowerCase()}> tag, which lessons may not contain; use the authoring components instead` });
  }
  if (/<[a-zA-Z][^>]*\son[a-z]+\s*=/.test(text)) {
    problems.push({ field: '(body)', message: 'has an inline event handler (on…=) on a tag; lessons may not contain scripts' });
  }
  for (const match of text.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
    const name = match[1]!;
    if (!(authoringComponents as readonly string[]).includes(name)) {
      problems.push({ field: '(body)', message: `uses <${name}>, which is not an authoring component; use one of ${authoringComponents.join(', ')}` });
    }
  }
  for (const match of text.matchAll(/<(Quiz|Exercise)\b([^>]*)>/g)) {
    const [, component, attributes] = match as unknown as [string, 'Quiz' | 'Exercise', string];
    const id = /\bid\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1];
    const pool = component === 'Quiz' ? known.quizzes : known.exercises;
    const folder = component === 'Quiz' ? 'quizzes' : 'exercises';
    if (!id) problems.push({ field: '(body)', message: `<${component}> needs an id, e.g. <${component} id="…" />` });
    else if (!pool.has(id)) problems.push({ field: '(body)', message: `<${component} id="${id}" /> names something that does not exist; add content/${folder}/${id}.yaml or fix the id` });
  }
  problems.push(...keyTermProblems(text, known.glossary ?? []), ...ladderRuleProblems(text, known.levels ?? new Set()));
  return problems;
}

const didYouMean = (suggestion: string | undefined) => (suggestion ? `did you mean "${suggestion}"? ` : '');

/** Every KeyTerm names a glossary entry and defines nothing itself: one term, one definition. */
function keyTermProblems(text: string, glossary: readonly GlossaryTerm[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const candidates = glossary.map((g) => ({ id: g.id, names: [g.term.zh, g.term.en] }));
  const ids = new Set(glossary.map((g) => g.id));
  for (const match of text.matchAll(/<KeyTerm\b([^>]*?)(\/?)>/g)) {
    const id = /\bid\s*=\s*["']([^"']*)["']/.exec(match[1]!)?.[1];
    if (!match[2]) {
      problems.push({ field: '(body)', message: `<KeyTerm${match[1]}> has a definition inside it; definitions live once, in content/glossary.yaml. Move it there and write <KeyTerm id="…" />` });
    } else if (!id) {
      problems.push({ field: '(body)', message: '<KeyTerm /> needs the id of a term in content/glossary.yaml, e.g. <KeyTerm id="close-rate" />' });
    } else if (!ids.has(id)) {
      problems.push({ field: '(body)', message: `<KeyTerm id="${id}" /> names no term in content/glossary.yaml; ${didYouMean(suggestId(id, candidates))}if the term is new, add it there` });
    }
  }
  return problems;
}

function ladderRuleProblems(text: string, levels: ReadonlySet<string>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const match of text.matchAll(/<LadderRule\b([^>]*)>/g)) {
    const level = /\blevel\s*=\s*["']([^"']*)["']/.exec(match[1]!)?.[1];
    const rule = /\brule\s*=\s*["']([^"']*)["']/.exec(match[1]!)?.[1];
    if (!level) problems.push({ field: '(body)', message: '<LadderRule /> needs a level, e.g. <LadderRule level="supervisor" />' });
    else if (!levels.has(level)) {
      problems.push({ field: '(body)', message: `<LadderRule level="${level}" /> names no level in content/levels/; ${didYouMean(suggestId(level, [...levels].map((id) => ({ id }))))}the levels are ${[...levels].join(', ')}` });
    }
    if (rule !== undefined && rule !== 'all' && rule !== 'quiz') problems.push({ field: '(body)', message: `<LadderRule rule="${rule}" /> must be rule="all" (the default) or rule="quiz"` });
  }
  return problems;
}
