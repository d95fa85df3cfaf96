/**
 * Plain text from a module's MDX source, for the search index. Component tags
 * go, but the strings inside their props stay: a RoleCard's duties and a Flow's labels are
 * lesson text too.
 */
export function mdxToPlainText(mdx: string, keyTermText: (id: string) => string | undefined = () => undefined): string {
  return mdx
    .replace(/```[\s\S]*?```/g, ' ')
    // A KeyTerm's words live in the glossary; the caller passes them in so that search finds them here.
    .replace(/<KeyTerm\b[^>]*?\bid\s*=\s*["']([^"']+)["'][^>]*\/>/g, (_, id: string) => ` ${keyTermText(id) ?? ''} `)
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
