/**
 * The import graph of src/ and the layering rules the house style promises (docs/architecture.md):
 *
 * - Browser code — every `.svelte` file, every `.svelte.ts` module and every `<script>` of an
 *   `.astro` file — and everything it imports, transitively, never reaches a `server/` folder, db/,
 *   a page, an action, the middleware, a Node built-in, a server-only `astro:` module or a
 *   server-only package. What a bundle imports is sent to every browser.
 * - Layers, top to bottom: pages, actions and the middleware; then `src/lib/<room>/server/`; then
 *   the pure rules in `src/lib/<room>/`. Nothing imports from a layer above its own: no lib module
 *   imports a page, an action or the middleware, and a pure module never imports a `server/` module,
 *   db/, a Node built-in (files, clocks of the process, crypto keys are I/O), a database package or
 *   an `astro:` module (the islands' action helpers may use `astro:actions`, which is browser
 *   code). src/ never imports scripts/ or tests/.
 *
 * Type-only imports (`import type`, `export type`) are erased by the compiler, reach no bundle
 * and run nothing, so they do not count.
 *
 * Pure functions over a map of path → source text, so that a test can hand them a deliberate
 * violation and see it caught.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

export interface ImportEdge {
  from: string;
  specifier: string;
  /** Repo-relative path of the file it resolves to, or the bare specifier for a package/module. */
  to: string;
  /** The edge starts in browser code: a .svelte file or an .astro file's <script>. */
  fromBrowserPart: boolean;
}

export interface Violation {
  rule: string;
  file: string;
  detail: string;
}

const RESOLVE_EXTENSIONS = ['.ts', '.js', '.mjs', '.svelte', '.astro', '.json'];
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Astro's virtual modules that exist only on the server. */
const SERVER_ASTRO_MODULES = /^astro:(content|env\/server|middleware|db|config\/server|container|assets|i18n)$/;
const SERVER_PACKAGES = /^(@libsql\/client|@node-rs\/argon2|drizzle-orm|drizzle-kit)(\/|$)/;

/** Runtime specifiers in a piece of module code; type-only imports and exports are left out. */
export function runtimeSpecifiers(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  // Static imports and re-exports, including multi-line specifier lists.
  for (const m of withoutComments.matchAll(/(?<![\w$.\/-])(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*(['"])([^'"]+)\4/g)) {
    if (m[2]) continue;
    const clause = m[3]!;
    // `import { type A, type B } from` imports nothing at run time either.
    if (/^\{[^}]*\}$/.test(clause.trim())) {
      const names = clause.trim().slice(1, -1).split(',').map((n) => n.trim()).filter(Boolean);
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    }
    found.push(m[5]!);
  }
  for (const m of withoutComments.matchAll(/(?<![\w$.\/-])import\s*(['"])([^'"]+)\1/g)) found.push(m[2]!);
  for (const m of withoutComments.matchAll(/(?<![\w$.\/-])import\s*\(\s*(['"])([^'"]+)\1\s*\)/g)) {
    // `import('./x').Type` in a type position is erased; a call is followed by `.then`, `;`, `)` …
    const after = withoutComments.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    if (after === '.' && !withoutComments.slice(m.index! + m[0].length).startsWith('.then')) continue;
    found.push(m[2]!);
  }
  return found;
}

/** The server part and the browser parts of a file, by its kind. */
export function fileParts(file: string, text: string): { server: string; browser: string } {
  if (file.endsWith('.svelte')) {
    // A component's scripts run in the browser when it is an island (and on the server when it
    // renders there): treat all of it as browser code.
    const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    return { server: '', browser: scripts };
  }
  if (file.endsWith('.svelte.ts') || file.endsWith('.svelte.js')) return { server: '', browser: text };
  if (file.endsWith('.astro')) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    const rest = text.slice(frontmatter.length);
    // `<script is:inline>` is not bundled and imports nothing; other scripts are bundled for the browser.
    const scripts = [...rest.matchAll(/<script\b(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    return { server: frontmatter, browser: scripts };
  }
  return { server: text, browser: '' };
}

function resolve(files: ReadonlyMap<string, string>, from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier.replace(/[?#].*$/, '')));
  if (files.has(base)) return base;
  const js = /\.m?js$/.exec(base);
  if (js && files.has(base.slice(0, -js[0].length) + '.ts')) return base.slice(0, -js[0].length) + '.ts';
  for (const ext of RESOLVE_EXTENSIONS) if (files.has(base + ext)) return base + ext;
  for (const ext of RESOLVE_EXTENSIONS) if (files.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
  return base;
}

export function importEdges(files: ReadonlyMap<string, string>): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [file, text] of files) {
    const parts = fileParts(file, text);
    for (const [code, fromBrowserPart] of [[parts.server, false], [parts.browser, true]] as const) {
      for (const specifier of runtimeSpecifiers(code)) edges.push({ from: file, specifier, to: resolve(files, file, specifier), fromBrowserPart });
    }
  }
  return edges;
}

const isServerPart = (p: string) => /^src\/lib\/(.+\/)?server\//.test(p);
const isPureLib = (p: string) => p.startsWith('src/lib/') && !isServerPart(p);
const isTopLayer = (p: string) => /^src\/(pages|actions)\//.test(p) || /^src\/middleware(\.[jt]s|\/)/.test(p);

/** Why browser code must not reach this module, or undefined if it may. */
function serverOnly(target: string): string | undefined {
  if (isServerPart(target)) return 'a server/ module';
  if (target.startsWith('db/')) return 'the database definition (db/)';
  if (isTopLayer(target)) return 'a page, an action or the middleware';
  if (target.startsWith('scripts/')) return 'a script';
  if (NODE_BUILTINS.has(target)) return 'a Node built-in';
  if (SERVER_ASTRO_MODULES.test(target)) return 'a server-only astro: module';
  if (SERVER_PACKAGES.test(target)) return 'a server-only package';
  return undefined;
}

export function violations(files: ReadonlyMap<string, string>): Violation[] {
  const edges = importEdges(files);
  const found: Violation[] = [];
  const runtimeEdges = new Map<string, ImportEdge[]>();
  for (const e of edges) {
    if (!e.fromBrowserPart) runtimeEdges.set(e.from, [...(runtimeEdges.get(e.from) ?? []), e]);
  }

  // 1. What browser code reaches.
  for (const start of edges.filter((e) => e.fromBrowserPart)) {
    const seen = new Set<string>();
    const queue: { node: string; chain: string[] }[] = [{ node: start.to, chain: [start.from, start.to] }];
    while (queue.length > 0) {
      const { node, chain } = queue.shift()!;
      if (seen.has(node)) continue;
      seen.add(node);
      const why = serverOnly(node);
      if (why) {
        found.push({ rule: 'browser code reaches server code', file: start.from, detail: `${chain.join(' → ')} is ${why}` });
        continue;
      }
      // A component imported by a component is browser code in its own right and checked as a start.
      if (node.endsWith('.svelte')) continue;
      for (const next of runtimeEdges.get(node) ?? []) queue.push({ node: next.to, chain: [...chain, next.to] });
    }
  }

  // 2. Layers.
  for (const e of edges) {
    if (e.fromBrowserPart) continue;
    if (e.from.startsWith('src/') && /^(scripts|tests)\//.test(e.to)) {
      found.push({ rule: 'src imports a script or a test', file: e.from, detail: `imports ${e.to}` });
    }
    if (e.from.startsWith('src/lib/') && isTopLayer(e.to)) {
      found.push({ rule: 'lib imports a page, an action or the middleware', file: e.from, detail: `imports ${e.to}` });
    }
    if (isPureLib(e.from) && !e.from.endsWith('.svelte')) {
      if (isServerPart(e.to)) found.push({ rule: 'pure module imports a server module', file: e.from, detail: `imports ${e.to}` });
      else if (e.to.startsWith('db/')) found.push({ rule: 'pure module imports db/', file: e.from, detail: `imports ${e.to}` });
      else if (NODE_BUILTINS.has(e.to)) found.push({ rule: 'pure module imports a Node built-in', file: e.from, detail: `imports ${e.to}` });
      else if (SERVER_PACKAGES.test(e.to)) found.push({ rule: 'pure module imports a server-only package', file: e.from, detail: `imports ${e.to}` });
      else if (e.to.startsWith('astro:') && !(e.to === 'astro:actions' && e.from.startsWith('src/lib/islands/'))) {
        found.push({ rule: 'pure module imports an astro: module', file: e.from, detail: `imports ${e.to}` });
      }
    }
  }
  return found;
}
