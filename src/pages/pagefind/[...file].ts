import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { workIndex } from '../../lib/learning-records/server/work-index';
import { completedModuleIds } from '../../lib/learning-records/server/progress';
import { bypassesLocks } from '../../lib/learning-records/module-locks';
import { searchIndexKind } from '../../lib/learning-records/work-locks';

const indexRoot = join(process.env.ASTRO_OUT_DIR ?? 'dist', 'search-index');
const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  css: 'text/css; charset=utf-8',
  wasm: 'application/wasm',
};

/**
 * Serves a Pagefind index to signed-in people only (the middleware has already checked): the full
 * one to people who can open every module, otherwise the one without locked lessons' text (see
 * src/integrations/search-index.ts for why there are two).
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const relative = normalize(params.file ?? '');
  if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative.startsWith(sep)) {
    return new Response('Not found', { status: 404 });
  }
  const user = locals.user;
  if (!user) return new Response('Not found', { status: 404 });
  const completed = bypassesLocks(user.role) ? new Set<string>() : new Set((await completedModuleIds(locals.db, user.id)).keys());
  const kind = searchIndexKind(await workIndex(), completed, user.role);
  try {
    const body = await readFile(join(indexRoot, kind, relative));
    const extension = relative.split('.').pop() ?? '';
    return new Response(body, {
      headers: {
        'Content-Type': types[extension] ?? 'application/octet-stream',
        // Which index a person gets changes as they unlock modules, and it holds internal lessons.
        'Cache-Control': 'no-store',
      },
    });
  } catch {
    return new Response('The search index is not built. Run "npm run build".', { status: 404 });
  }
};
