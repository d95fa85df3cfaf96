/**
 * A lesson page rendered once with named holes where per-person HTML goes, then filled per
 * request. Content is immutable while the server runs, so the expensive part (MDX, layout,
 * islands' static HTML) is rendered once per page and process instead of once per request.
 */

export const HOLE_NAMES = ['nav', 'user-name', 'progress', 'completion'] as const;
export type HoleName = (typeof HOLE_NAMES)[number];

/** What a hole looks like in the shell: an HTML comment no content can produce by accident. */
export function holeMarker(name: HoleName): string {
  return `<!--academy-hole:${name}-->`;
}

/** Marker a component leaves when its HTML depends on the person, so the page must not be cached. */
export const UNCACHEABLE_MARKER = '<!--academy-uncacheable-->';

export interface Shell {
  /** Static text between holes: always one more than holes. */
  parts: string[];
  holes: HoleName[];
}

const markerPattern = /<!--academy-hole:([a-z-]+)-->/g;

/** Splits a rendered shell at its holes; null when it cannot be reused for someone else. */
export function parseShell(html: string): Shell | null {
  if (html.includes(UNCACHEABLE_MARKER)) return null;
  const parts: string[] = [];
  const holes: HoleName[] = [];
  let last = 0;
  for (const match of html.matchAll(markerPattern)) {
    const name = match[1] as HoleName;
    if (!HOLE_NAMES.includes(name)) return null;
    parts.push(html.slice(last, match.index));
    holes.push(name);
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return { parts, holes };
}

export function fillShell(shell: Shell, fill: Record<HoleName, string>): string {
  let out = shell.parts[0]!;
  for (let i = 0; i < shell.holes.length; i++) out += fill[shell.holes[i]!] + shell.parts[i + 1]!;
  return out;
}

/** Facts about the page the fast path needs to fill it, sent by the shell render in a header. */
export interface ShellFacts {
  moduleId: string;
  prerequisites: string[];
  courseModuleIds: string[];
  progressLabel: string;
  formAction: string;
}

export const SHELL_REQUEST_HEADER = 'x-academy-shell';
export const SHELL_FACTS_HEADER = 'x-academy-shell-facts';
