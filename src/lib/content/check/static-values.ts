/**
 * Reads the value of an MDX expression (`{…}` in prose or in a prop) without running it. Lessons
 * may not run code: an expression is fine only when it is plain data (text, numbers, true/false,
 * lists and objects of those). Anything else — a name like `{客户姓名}`, a call, a sum — would be
 * evaluated while the page renders and fail there (ReferenceError → 500), so it is refused here.
 */
import { parse } from 'acorn';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

export type StaticValue = { ok: true; value: unknown; empty?: boolean } | { ok: false; code: string; name?: string; syntax?: string };

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

export function staticValue(source: string): StaticValue {
  if (withoutComments(source).trim() === '') return { ok: true, value: undefined, empty: true };
  let expression: Node;
  try {
    const program = parse(`(${source}\n)`, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as { body: { type: string; expression?: Node }[] };
    if (program.body.length !== 1 || !program.body[0]!.expression) throw new Error('not one expression');
    expression = program.body[0]!.expression;
  } catch (error) {
    return { ok: false, code: source.trim(), syntax: error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error) };
  }
  const text = `(${source}\n)`;
  try {
    return { ok: true, value: evaluate(expression) };
  } catch (error) {
    const node = (error as { node?: Node }).node ?? expression;
    return { ok: false, code: text.slice(node.start, node.end), name: firstName(node) };
  }
}

function refuse(node: Node): never {
  throw Object.assign(new Error('not data'), { node });
}

function evaluate(node: Node): unknown {
  switch (node.type) {
    case 'Literal':
      if ('regex' in node && node.regex) refuse(node);
      return node.value;
    case 'TemplateLiteral': {
      if ((node.expressions as Node[]).length > 0) refuse((node.expressions as Node[])[0]!);
      return (node.quasis as { value: { cooked: string } }[])[0]!.value.cooked;
    }
    case 'ArrayExpression':
      return (node.elements as (Node | null)[]).map((element) => (element && element.type !== 'SpreadElement' ? evaluate(element) : refuse(element ?? node)));
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const property of node.properties as Node[]) {
        if (property.type !== 'Property' || property.computed || property.method || property.shorthand || property.kind !== 'init') refuse(property);
        const key = property.key as Node;
        const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : refuse(key);
        out[name] = evaluate(property.value as Node);
      }
      return out;
    }
    case 'UnaryExpression': {
      const argument = node.argument as Node;
      if ((node.operator === '-' || node.operator === '+') && argument.type === 'Literal' && typeof argument.value === 'number') {
        return node.operator === '-' ? -argument.value : argument.value;
      }
      return refuse(node);
    }
    default:
      return refuse(node);
  }
}

/** The first name the code refers to (what the ReferenceError would name), if any. */
function firstName(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as Node;
  if (n.type === 'Identifier') return n.name as string;
  for (const [key, child] of Object.entries(n)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    const found = Array.isArray(child) ? child.map(firstName).find(Boolean) : firstName(child);
    if (found) return found;
  }
  return undefined;
}
