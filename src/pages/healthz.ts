import type { APIRoute } from 'astro';

export const GET: APIRoute = async ({ locals }) => {
  try {
    await locals.db.$client.execute('SELECT 1');
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'database unavailable' }, { status: 503 });
  }
};
