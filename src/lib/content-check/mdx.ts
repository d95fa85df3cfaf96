import { mdxToJs } from 'satteri';

/** Components a module may use without importing them (see docs/authoring.md). */
export const authoringComponents = ['Callout', 'Steps', 'Flow', 'RoleCard', 'KeyTerm', 'Quiz', 'Exercise'] as const;

function withoutCode(body: string): string {
  return body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

/**
 * Problems in a module body: MDX that does not compile, components that do not exist, and
 * `<Quiz id>` / `<Exercise id>` naming content that does not exist.
 */
export function componentProblems(
  body: string,
  known: { quizzes: ReadonlySet<string>; exercises: ReadonlySet<string> },
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
  return problems;
}
