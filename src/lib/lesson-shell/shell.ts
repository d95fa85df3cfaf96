/**
 * A lesson page rendered once with named holes where per-person HTML goes, then filled per
 * request. Content is immutable while the server runs, so the expensive part (MDX, layout,
 * islands' static HTML) is rendered once per page and process instead of once per request.
 */

export const HOLE_NAMES = ['nav', 'user-name', 'preview', 'progress', 'completion'] as const;
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

/** A shell with its static parts encoded once, so a request encodes only its personal parts. */
export interface EncodedShell {
  parts: Buffer[];
  holes: HoleName[];
}

export function encodeShell({ parts, holes }: Shell): EncodedShell {
  return { parts: parts.map((part) => Buffer.from(part)), holes };
}

export function fillShell({ parts, holes }: EncodedShell, fill: Record<HoleName, string>): Buffer {
  const pieces: Buffer[] = [parts[0]!];
  for (let i = 0; i < holes.length; i++) pieces.push(Buffer.from(fill[holes[i]!]), parts[i + 1]!);
  return Buffer.concat(pieces);
}

/** Facts about the page needed to fill its shell, left in `locals.shellFacts` by the shell render. */
export interface ShellFacts {
  moduleId: string;
  prerequisites: string[];
  courseModuleIds: string[];
  progressLabel: string;
  formAction: string;
}

