/**
 * Plain text from a module's MDX source, for the search index: the MDX parser (satteri, the one
 * Astro compiles lessons with) turns the source into an mdast tree, and a walk keeps what a reader
 * sees. Component tags go, but the strings inside their props stay: a RoleCard's duties and a
 * Flow's labels are lesson text too. Code blocks and expressions are code, not lesson text.
 */
import { mdxToMdast } from 'satteri';

// The few fields of mdast (and its MDX extension) the walk reads.
interface Node {
  type: string;
  children?: Node[];
  value?: unknown;
  alt?: string | null;
  name?: string | null;
  attributes?: Attribute[];
}
interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

// Nodes a reader sees as separate blocks: their text must not run into the next block's.
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'mdxJsxFlowElement', 'break', 'thematicBreak', 'definition', 'footnoteDefinition']);
// Nodes whose content is code or markup, not lesson text.
const SKIPPED = new Set(['code', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'yaml', 'toml']);

// Ids, kinds and types ("lead-grading", "tip") are not text.
const isIdLike = (s: string) => /^[a-z0-9-]+$/.test(s);

/** The string literals of a prop's JavaScript expression, e.g. duties={['分解月度目标', '辅导组员']}. */
function expressionStrings(expression: string): string[] {
  return [...expression.matchAll(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((m) => m[2]!.replace(/\\(.)/g, '$1'));
}

function propStrings(attributes: readonly Attribute[]): string[] {
  const strings: string[] = [];
  for (const a of attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.value === null || a.value === undefined) continue;
    strings.push(...(typeof a.value === 'string' ? [a.value] : expressionStrings(a.value.value)));
  }
  return strings.filter((s) => s.trim() !== '' && !isIdLike(s));
}

export function mdxToPlainText(mdx: string, keyTermText: (id: string) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (SKIPPED.has(node.type)) return;
    const block = BLOCKS.has(node.type);
    if (block) parts.push(' ');
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(String(node.value ?? ''));
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(node.alt ?? '');
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const attributes = node.attributes ?? [];
      if (node.name === 'KeyTerm') {
        // A KeyTerm's words live in the glossary; the caller passes them in so that search finds them here.
        const id = attributes.find((a) => a.name === 'id')?.value;
        parts.push(' ', (typeof id === 'string' ? keyTermText(id) : undefined) ?? '', ' ');
      } else parts.push(' ', propStrings(attributes).join(' '), ' ');
    }
    for (const child of node.children ?? []) walk(child);
    if (block) parts.push(' ');
  };
  walk(mdxToMdast(mdx) as unknown as Node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
