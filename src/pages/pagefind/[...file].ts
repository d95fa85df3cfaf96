import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

const indexRoot = join(process.env.ASTRO_OUT_DIR ?? 'dist', 'search-index');
const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  css: 'text/css; charset=utf-8',
  wasm: 'application/wasm',
};

/** Serves the Pagefind index to signed-in people only (the middleware has already checked). */
export const GET: APIRoute = async ({ params }) => {
  const relative = normalize(params.file ?? '');
  if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative.startsWith(sep)) {
    return new Response('Not found', { status: 404 });
  }
  try {
    const body = await readFile(join(indexRoot, relative));
    const extension = relative.split('.').pop() ?? '';
    return new Response(body, {
      headers: {
        'Content-Type': types[extension] ?? 'application/octet-stream',
        // Private: the index holds internal lessons; fingerprinted files may be reused for a day.
        'Cache-Control': 'private, max-age=86400',
      },
    });
  } catch {
    return new Response('The search index is not built. Run "npm run build".', { status: 404 });
  }
};
