import type { GlossaryTerm } from '../../../schemas/glossary';
import { mdxToJs, mdxToMdast } from 'satteri';
import { suggestId } from '../glossary';
import { authoringComponents, componentProps, wrappingComponents, type AuthoringComponent } from './component-props';
import { didYouMean } from './did-you-mean';
import { describeIssue } from './format';
import { flowProblems, type FlowStep } from '../flow';
import { staticValue } from './static-values';
import { mdxSyntaxAdvice } from './mdx-syntax';

export { authoringComponents };

export interface BodyProblem {
  field: string;
  message: string;
}

export interface KnownContent {
  quizzes: ReadonlySet<string>;
  exercises: ReadonlySet<string>;
  glossary?: readonly GlossaryTerm[];
  levels?: ReadonlySet<string>;
}

interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
}

const forbiddenTags = new Set(['script', 'iframe', 'object', 'embed', 'style', 'form']);

/**
 * Problems in a module body, each on the line of the file where it is (`firstLine` is the file's
 * line number of the body's first line, after the frontmatter): MDX that does not compile, code in
 * `{…}` that would fail while the page renders, components that do not exist or get props they do
 * not take, and `<Quiz id>` / `<Exercise id>` / `<KeyTerm id>` / `<LadderRule level>` naming
 * content that does not exist.
 */
export function componentProblems(body: string, known: KnownContent, firstLine = 1): BodyProblem[] {
  const at = (line: number | undefined) => (line === undefined ? '(body)' : `line ${line + firstLine - 1}`);
  try {
    mdxToJs(body);
  } catch (error) {
    const { line, message } = mdxSyntaxAdvice(error instanceof Error ? error.message : String(error), body);
    return [{ field: at(line), message }];
  }
  const problems: BodyProblem[] = [];
  const tree = mdxToMdast(body) as unknown as MdxNode;
  const visit = (node: MdxNode) => {
    const line = node.position?.start.line;
    const report = (message: string) => problems.push({ field: at(line), message });
    if (node.type === 'mdxjsEsm') {
      // Module code runs on the server at render time: authors get components, never code of their own.
      report('contains an import or export line; modules may not run code. Remove it — the authoring components need no import');
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const message = proseExpressionProblem(String(node.value ?? ''));
      if (message) report(message);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const message of elementProblems(node, known)) report(message);
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

function proseExpressionProblem(code: string): string | undefined {
  const value = staticValue(code);
  if (value.ok && (value.empty || typeof value.value === 'string' || typeof value.value === 'number')) return undefined;
  const shown = `{${code}}`;
  const why = !value.ok && value.name ? ` (${value.name} is not defined)` : '';
  return `"${shown}" is read as code: in MDX, "{" and "}" run JavaScript, and this lesson would fail to render${why}. To show the braces as text, write \\{${code}\\} or {'{${code.replace(/'/g, "\\'")}}'}; to show "<" as text, write \\<`;
}

function elementProblems(node: MdxNode, known: KnownContent): string[] {
  const name = node.name ?? '';
  if (name === '') return [];
  const problems: string[] = [];
  const attributes = node.attributes ?? [];
  if (forbiddenTags.has(name.toLowerCase())) problems.push(`uses a <${name.toLowerCase()}> tag, which lessons may not contain; use the authoring components instead`);
  if (attributes.some((a) => a.type === 'mdxJsxAttribute' && /^on[a-z]/i.test(a.name ?? ''))) {
    problems.push(`has an inline event handler (on…=) on <${name}>; lessons may not contain scripts`);
  }
  if (!/^[A-Z]/.test(name)) return problems;
  if (!(authoringComponents as string[]).includes(name)) {
    return [...problems, `uses <${name}>, which is not an authoring component; ${didYouMean(name, authoringComponents)}use one of ${authoringComponents.join(', ')}`];
  }
  const component = name as AuthoringComponent;
  const hasChildren = (node.children ?? []).some((c) => !(c.type === 'text' && String(c.value).trim() === ''));
  if (component === 'KeyTerm' && hasChildren) {
    return [...problems, 'a <KeyTerm> has a definition inside it; definitions live once, in content/glossary.yaml. Move it there and write <KeyTerm id="…" />'];
  }
  const props: Record<string, unknown> = {};
  let readable = true;
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      problems.push(`<${name}> has {…} among its props, which is code; write each prop as name="text"`);
      readable = false;
      continue;
    }
    const prop = attribute.name!;
    const raw = attribute.value;
    if (raw === null || raw === undefined) props[prop] = true;
    else if (typeof raw === 'string') props[prop] = raw;
    else {
      const code = String((raw as { value?: unknown }).value ?? '');
      const value = staticValue(code);
      if (value.ok) props[prop] = value.value;
      else {
        readable = false;
        problems.push(propCodeProblem(name, prop, code, value));
      }
    }
  }
  const schema = componentProps[component];
  const allowed = Object.keys(schema.shape);
  for (const prop of Object.keys(props)) {
    if (!allowed.includes(prop) && !/^on[a-z]/i.test(prop)) {
      problems.push(`<${name}> has no prop "${prop}"; ${didYouMean(prop, allowed)}${allowed.length ? `its props are ${allowed.join(', ')}` : 'it takes no props'}`);
    }
  }
  if (!readable) return problems;
  const parsed = schema.safeParse(props);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { field, message } = describeIssue(issue, props, schema);
      problems.push(`<${name}> ${field}: ${message}`);
    }
    return problems;
  }
  if (component === 'Flow') {
    const flow = flowProblems(props.steps as FlowStep[]);
    if (flow.length > 0) problems.push(`<Flow title="${String(props.title)}">: ${flow.join('; ')}`);
  }
  if (component === 'Quiz' || component === 'Exercise') {
    const id = String(props.id);
    const pool = component === 'Quiz' ? known.quizzes : known.exercises;
    const folder = component === 'Quiz' ? 'quizzes' : 'exercises';
    if (!pool.has(id)) problems.push(`<${component} id="${id}" /> names something that does not exist; ${didYouMean(id, pool)}add content/${folder}/${id}.yaml or fix the id`);
  }
  if (component === 'KeyTerm') {
    const glossary = known.glossary ?? [];
    const id = String(props.id);
    if (!glossary.some((g) => g.id === id)) {
      const suggestion = suggestId(id, glossary.map((g) => ({ id: g.id, names: [g.term.zh, g.term.en] })));
      problems.push(`<KeyTerm id="${id}" /> names no term in content/glossary.yaml; ${suggestion ? `did you mean "${suggestion}"? ` : ''}if the term is new, add it there with its zh and en wording`);
    }
  }
  if (component === 'LadderRule') {
    const levels = known.levels ?? new Set<string>();
    const level = String(props.level);
    if (!levels.has(level)) problems.push(`<LadderRule level="${level}" /> names no level in content/levels/; ${didYouMean(level, levels)}the levels are ${[...levels].join(', ')}`);
  }
  if (hasChildren && !wrappingComponents.has(component) && component !== 'KeyTerm') {
    problems.push(`<${name}> shows nothing written inside it; write it as <${name} … /> and put the text around it`);
  }
  return problems;
}

function propCodeProblem(component: string, prop: string, code: string, value: { name?: string; syntax?: string }): string {
  const example = `${prop}={["first item", "second item"]}`;
  if (value.syntax) {
    return `<${component} ${prop}={…}> cannot be read (${value.syntax}). Write text in double quotes, and a list as ${example}; an apostrophe inside single quotes ('managers' time') ends the text early, so use double quotes ("managers' time")`;
  }
  return `<${component} ${prop}={${code.length > 40 ? `${code.slice(0, 37)}…` : code}}> is code the lesson cannot run${value.name ? ` (${value.name} is not defined)` : ''}, so the page would fail to render. Write the value itself: text in double quotes, or a list such as ${example}`;
}
