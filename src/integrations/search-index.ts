/**
 * Builds the Pagefind full-text index of every module at the end of `astro build`. The index is
 * written beside the server build, not into the public client folder: lessons are internal, so
 * the index is served only to signed-in people by src/pages/pagefind/[...file].ts.
 */
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { readContentTree } from '../lib/server/content-files';
import { parseModuleEntryId } from '../lib/module-ids';
import { mdxToPlainText } from '../lib/mdx-text';

export function searchIndex(): AstroIntegration {
  return {
    name: 'sales-academy-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const contentRoot = resolve(process.env.CONTENT_DIR ?? 'content');
        const files = readContentTree(contentRoot);
        const courseTitles = new Map<string, { zh: string; en: string }>();
        const glossary = new Map<string, { term: { zh: string; en: string }; definition: { zh: string; en: string } }>();
        for (const entry of (files.find((f) => f.path === 'glossary.yaml')?.data ?? []) as { id: string; term: { zh: string; en: string }; definition: { zh: string; en: string } }[]) {
          glossary.set(entry.id, entry);
        }
        for (const f of files) {
          const m = /^courses\/([^/]+)\/course\.yaml$/.exec(f.path);
          if (m) courseTitles.set(m[1]!, (f.data as { title: { zh: string; en: string } }).title);
        }
        const { index } = await pagefind.createIndex({});
        if (!index) throw new Error('Pagefind could not start; reinstall dependencies with npm ci.');
        let count = 0;
        for (const f of files) {
          const id = f.path.startsWith('courses/') && f.path.endsWith('.mdx') ? parseModuleEntryId(f.path.slice(8, -4)) : null;
          if (!id || !f.body) continue;
          const title = String((f.data as { title?: string })?.title ?? id.moduleSlug);
          const course = courseTitles.get(id.courseId)?.[id.lang] ?? id.courseId;
          await index.addCustomRecord({
            url: `/${id.lang}/courses/${id.courseId}/${id.moduleSlug}/`,
            content: `${title} ${mdxToPlainText(f.body, (termId) => {
              const entry = glossary.get(termId);
              return entry && `${entry.term[id.lang]} ${entry.definition[id.lang]}`;
            })}`,
            language: id.lang,
            meta: { title, course },
            filters: { course: [course] },
          });
          count++;
        }
        const outputPath = join(fileURLToPath(dir), '..', 'search-index');
        rmSync(outputPath, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Writing the search index failed: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${count} module pages indexed in ${outputPath}`);
      },
    },
  };
}
