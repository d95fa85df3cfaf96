/**
 * Finding the stretches a text shares with the handbooks. Every handbook window of `minLength`
 * characters goes into a hash map once (linear in the handbooks' size); a course text then looks
 * up each of its own windows, so the whole check is linear in the size of both, not their product.
 */
import type { HanRun } from './text';

export interface HandbookText {
  /** File name, e.g. "000_dcebf1fbd8e9c300.txt". */
  name: string;
  runs: HanRun[];
}

interface Place {
  handbook: number;
  run: number;
  offset: number;
}

export interface HandbookIndex {
  minLength: number;
  handbooks: readonly HandbookText[];
  windows: Map<string, Place>;
}

export function indexHandbooks(handbooks: readonly HandbookText[], minLength: number): HandbookIndex {
  const windows = new Map<string, Place>();
  handbooks.forEach((book, handbook) =>
    book.runs.forEach((r, run) => {
      for (let offset = 0; offset + minLength <= r.text.length; offset++) {
        const key = r.text.slice(offset, offset + minLength);
        if (!windows.has(key)) windows.set(key, { handbook, run, offset });
      }
    }),
  );
  return { minLength, handbooks, windows };
}

export interface SharedRun {
  /** The shared characters, as long as they go on matching. */
  text: string;
  /** Line in the course file where the shared stretch starts. */
  line: number;
  /** Line where it ends (a run may cross lines: a flow's labels, a wrapped sentence). */
  endLine: number;
  handbook: string;
  handbookLine: number;
  /** The handbook's characters around the shared stretch (Simplified, glosses removed). */
  handbookExcerpt: string;
}

const CONTEXT = 8;

/** Every maximal stretch of `run` that shares at least `minLength` characters with a handbook. */
export function sharedRuns(run: HanRun, index: HandbookIndex): SharedRun[] {
  const { minLength, windows, handbooks } = index;
  const found: SharedRun[] = [];
  let start = 0;
  while (start + minLength <= run.text.length) {
    const place = windows.get(run.text.slice(start, start + minLength));
    if (!place) {
      start++;
      continue;
    }
    // Extend along the handbook as far as both texts agree.
    const source = handbooks[place.handbook]!.runs[place.run]!;
    let length = minLength;
    while (start + length < run.text.length && place.offset + length < source.text.length && run.text[start + length] === source.text[place.offset + length]) length++;
    // The first handbook place may diverge earlier than another would; later windows still match
    // and are folded into this finding rather than reported again.
    let end = start + length;
    while (end < run.text.length && windows.has(run.text.slice(end + 1 - minLength, end + 1))) end++;
    found.push({
      text: run.text.slice(start, end),
      line: run.lines[start]!,
      endLine: run.lines[end - 1]!,
      handbook: handbooks[place.handbook]!.name,
      handbookLine: source.lines[place.offset]!,
      handbookExcerpt: `${place.offset > CONTEXT ? '…' : ''}${source.text.slice(Math.max(0, place.offset - CONTEXT), place.offset + length + CONTEXT)}${place.offset + length + CONTEXT < source.text.length ? '…' : ''}`,
    });
    start = end;
  }
  return found;
}
