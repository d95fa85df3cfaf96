import { statusAfterRender } from '../../lesson-errors/report';

/**
 * Astro writes `<style>astro-island,…{display:contents}</style>` into the body just before the
 * first island of a page, and the HTML standard allows <style> only in <head>. The same rule ships
 * in src/styles/global.css (linked from <head>), so the inline copy is taken out of every page.
 */

// Astro's own text (astro/dist/runtime/server/astro-island-styles.js); tests/e2e/valid-html.spec.ts
// fails if a later Astro writes it differently.
export const ASTRO_ISLAND_STYLE_ELEMENT = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

export function withoutIslandStyleElement(html: string): string {
  return html.replace(ASTRO_ISLAND_STYLE_ELEMENT, '');
}

/** The same response, its HTML without the inline island style; anything that is not HTML as it is. */
export async function stripIslandStyle(response: Response): Promise<Response> {
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  // A lesson whose content failed to render is served with its plain page, as a 500 (LessonBoundary).
  const status = statusAfterRender(html, response.status);
  return new Response(withoutIslandStyleElement(html), { status, statusText: status === response.status ? response.statusText : '', headers: response.headers });
}
