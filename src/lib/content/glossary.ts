/**
 * The glossary's pure rules: which terms a lesson shows, and the nearest id when a trainer
 * misspells one. Definitions live once, in content/glossary.yaml.
 */
import type { Language } from '../../schemas/common';
import type { GlossaryTerm } from '../../schemas/glossary';

/** The ids of every `<KeyTerm id="…" />` in a module body, in order, each once. */
export function keyTermIds(mdx: string): string[] {
  return [...new Set([...mdx.matchAll(/<KeyTerm\b[^>]*?\bid\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!))];
}

/** What a KeyTerm shows on a page in `lang`: the term, its name in the other language, the definition. */
export function termInLanguage(term: GlossaryTerm, lang: Language) {
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  return { anchor: `term-${term.id}`, term: term.term[lang], other: term.term[other], otherLang: other, definition: term.definition[lang] };
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The id a trainer probably meant: an exact match on the term in either language (someone wrote
 * `id="成交率"`), else the closest id by edit distance if it is close enough to be a typo.
 */
export function suggestId(wanted: string, candidates: readonly { id: string; names?: readonly string[] }[]): string | undefined {
  const lower = wanted.toLowerCase();
  const byName = candidates.find((c) => c.names?.some((n) => n.toLowerCase() === lower));
  if (byName) return byName.id;
  let best: { id: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(lower, c.id);
    if (!best || distance < best.distance) best = { id: c.id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined;
}
