import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEdges, runtimeSpecifiers, violations } from './import-graph';

const root = path.resolve(import.meta.dirname, '../..');

function sourceTree(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (/\.(ts|js|mjs|svelte|astro)$/.test(entry.name)) files.set(child, fs.readFileSync(path.join(root, child), 'utf8'));
    }
  };
  walk('src');
  walk('db');
  return files;
}

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('the import graph of src/', () => {
  it('keeps browser code away from server code and every layer below the one above it', () => {
    const files = sourceTree();
    // The parser must see the graph for an empty list to mean anything.
    const edges = importEdges(files);
    expect(edges.filter((e) => e.fromBrowserPart).length).toBeGreaterThan(20);
    expect(edges.filter((e) => /^src\/lib\/.+\/server\//.test(e.to)).length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });
});

describe('the import-graph rules', () => {
  it('catches a component that reaches the database through a pure module', () => {
    const found = violations(
      tree({
        'src/components/Score.svelte': `<script lang="ts">\n  import { score } from '../lib/quiz/score';\n</script>`,
        'src/lib/quiz/score.ts': `import { recordAttempt } from './server/attempts';\nexport const score = 1;`,
        'src/lib/quiz/server/attempts.ts': `import { createClient } from '@libsql/client';\nexport const recordAttempt = 1;`,
      }),
    );
    expect(found).toContainEqual({
      rule: 'browser code reaches server code',
      file: 'src/components/Score.svelte',
      detail: 'src/components/Score.svelte → src/lib/quiz/score.ts → src/lib/quiz/server/attempts.ts is a server/ module',
    });
    expect(found).toContainEqual({ rule: 'pure module imports a server module', file: 'src/lib/quiz/score.ts', detail: 'imports src/lib/quiz/server/attempts.ts' });
  });

  it('catches a bundled page script that imports a Node built-in, and lets an inline one be', () => {
    const found = violations(
      tree({
        'src/pages/a.astro': `---\nimport fs from 'node:fs';\n---\n<script>\n  import { readFileSync } from 'node:fs';\n</script>`,
        'src/pages/b.astro': `---\n---\n<script is:inline>\n  import x from 'node:fs';\n</script>`,
      }),
    );
    expect(found).toEqual([{ rule: 'browser code reaches server code', file: 'src/pages/a.astro', detail: 'src/pages/a.astro → node:fs is a Node built-in' }]);
  });

  it('catches a lib module that imports an action, and a pure one that imports astro:content, db/, node:fs or drizzle', () => {
    const found = violations(
      tree({
        'src/actions/quiz.ts': 'export const quiz = 1;',
        'db/schema.ts': 'export const users = 1;',
        'src/lib/quiz/server/lane.ts': `import { quiz } from '../../../actions/quiz';`,
        'src/lib/content/pages.ts': `import { getCollection } from 'astro:content';\nimport { users } from '../../../db/schema';`,
        'src/lib/content/files.ts': `import { readFileSync } from 'node:fs';\nimport { eq } from 'drizzle-orm';`,
        'src/lib/content/server/files.ts': `import { readFileSync } from 'node:fs';\nimport { getCollection } from 'astro:content';`,
      }),
    );
    expect(found.map((v) => `${v.rule}: ${v.file}`)).toEqual([
      'lib imports a page, an action or the middleware: src/lib/quiz/server/lane.ts',
      'pure module imports an astro: module: src/lib/content/pages.ts',
      'pure module imports db/: src/lib/content/pages.ts',
      'pure module imports a Node built-in: src/lib/content/files.ts',
      'pure module imports a server-only package: src/lib/content/files.ts',
    ]);
  });

  it('lets browser and pure code import types from server modules, which the compiler erases', () => {
    const found = violations(
      tree({
        'src/components/Row.svelte': `<script lang="ts">\n  import type { Database } from '../lib/platform/server/db';\n  import { type Role, type Level } from '../../db/schema';\n</script>`,
        'src/lib/people/roles.ts': `import type { Role } from '../../../db/schema';\nexport type { Database } from '../platform/server/db';`,
        'src/lib/platform/server/db.ts': `import { createClient } from '@libsql/client';`,
        'db/schema.ts': '',
      }),
    );
    expect(found).toEqual([]);
  });

  it('reads imports across lines and leaves out those in comments and type positions', () => {
    const code = [
      `import {\n  a,\n  b,\n} from './multi';`,
      `// import { c } from './commented';`,
      `/* import d from './blocked'; */`,
      `type T = import('./type-only').T;`,
      `const lazy = await import('./lazy');`,
      `import './side-effect';`,
      `export * from './re-export';`,
      `import { userImport } from './user-import';`,
    ].join('\n');
    expect(runtimeSpecifiers(code)).toEqual(['./multi', './re-export', './user-import', './side-effect', './lazy']);
  });
});
