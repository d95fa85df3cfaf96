/**
 * Plain text from a module's MDX source, for the search index and the glossary. Component tags
 * go, but the strings inside their props stay: a RoleCard's duties and a Flow's labels are
 * lesson text too.
 */
export function mdxToPlainText(mdx: string): string {
  return mdx
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[A-Z][A-Za-z]*\b([^>]*?)\/?>/gs, (_, props: string) => ` ${quotedStrings(props).join(' ')} `)
    .replace(/<\/[A-Z][A-Za-z]*>/g, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ')
    .replace(/[#>*_`|]/g, ' ')
    .replace(/^\s*\d+\.\s+/gm, ' ')
    .replace(/^\s*-\s+/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function quotedStrings(text: string): string[] {
  return [...text.matchAll(/(["'])((?:\\.|(?!\1).)*)\1/g)]
    .map((m) => m[2]!)
    .filter((s) => !/^[a-z0-9-]+$/.test(s)); // ids, kinds and types are not text
}

export interface KeyTermDefinition {
  term: string;
  /** The term in the other language, if the author gave it. */
  other: string | undefined;
  definition: string;
}

/** Every `<KeyTerm term="…" en|zh="…">definition</KeyTerm>` in a module body. */
export function extractKeyTerms(mdx: string): KeyTermDefinition[] {
  return [...mdx.matchAll(/<KeyTerm\b([^>]*)>([\s\S]*?)<\/KeyTerm>/g)].map((m) => {
    const attrs = m[1]!;
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];
    return { term: attr('term') ?? '', other: attr('en') ?? attr('zh'), definition: mdxToPlainText(m[2]!) };
  }).filter((t) => t.term);
}
