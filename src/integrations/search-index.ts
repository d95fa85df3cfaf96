/**
 * Builds the Pagefind full-text indexes of the modules at the end of `astro build`. They are
 * written beside the server build, not into the public client folder: lessons are internal, so
 * an index is served only to signed-in people by src/pages/pagefind/[...file].ts.
 *
 * Two indexes, because a search index must not reveal a locked lesson's text to someone who
 * cannot open it, and Pagefind's index is static files the browser reads whole (it cannot be
 * filtered per person on the server):
 * - `full`: every module's whole text, for people who can open every module (trainers, managers,
 *   admins, and learners who have finished every prerequisite);
 * - `open`: the whole text of modules that nobody has to unlock, and only the title and
 *   objectives of modules behind a prerequisite — what a learner may know before unlocking it.
 */
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { readContentTree } from '../lib/content/server/content-files';
import { parseModuleEntryId } from '../lib/content/module-ids';
import { mdxToPlainText } from '../lib/content/mdx-text';

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
        const outputRoot = join(fileURLToPath(dir), '..', 'search-index');
        rmSync(outputRoot, { recursive: true, force: true });
        for (const kind of ['full', 'open'] as const) {
          const { index } = await pagefind.createIndex({});
          if (!index) throw new Error('Pagefind could not start; reinstall dependencies with npm ci.');
          let count = 0;
          for (const f of files) {
            const id = f.path.startsWith('courses/') && f.path.endsWith('.mdx') ? parseModuleEntryId(f.path.slice(8, -4)) : null;
            if (!id || !f.body) continue;
            const data = (f.data ?? {}) as { title?: string; objectives?: string[]; prerequisites?: string[] };
            const title = String(data.title ?? id.moduleSlug);
            const course = courseTitles.get(id.courseId)?.[id.lang] ?? id.courseId;
            const lockable = (data.prerequisites ?? []).length > 0;
            const text =
              kind === 'open' && lockable
                ? (data.objectives ?? []).join(' ')
                : mdxToPlainText(f.body, (termId) => {
                    const entry = glossary.get(termId);
                    return entry && `${entry.term[id.lang]} ${entry.definition[id.lang]}`;
                  });
            await index.addCustomRecord({
              url: `/${id.lang}/courses/${id.courseId}/${id.moduleSlug}/`,
              content: `${title} ${text}`,
              language: id.lang,
              meta: { title, course },
              filters: { course: [course] },
            });
            count++;
          }
          const outputPath = join(outputRoot, kind);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Writing the search index failed: ${written.errors.join('; ')}`);
          logger.info(`search index (${kind}): ${count} module pages indexed in ${outputPath}`);
        }
        await pagefind.close();
      },
    },
  };
}
