import { readFileSync, writeFileSync } from 'node:fs';
import { readContentTree } from '../src/lib/server/content-files';
import { mdxToPlainText } from '../src/lib/mdx-text';
const root = 'content';
const files = readContentTree(root).filter((f) => f.path.endsWith('.mdx'));
const re = /<KeyTerm\b([^>]*)>([\s\S]*?)<\/KeyTerm>/g;
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];
const slug = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
type T = { module: string; lang: string; term: string; other: string; def: string; raw: string };
const all: T[] = [];
for (const f of files) {
  const lang = f.path.endsWith('.zh.mdx') ? 'zh' : 'en';
  for (const m of f.body!.matchAll(re)) {
    all.push({ module: f.path.replace(/\.(zh|en)\.mdx$/, ''), lang, term: attr(m[1]!, 'term')!, other: attr(m[1]!, lang === 'zh' ? 'en' : 'zh') ?? '', def: mdxToPlainText(m[2]!), raw: m[0] });
  }
}
// pair
const entries = new Map<string, { id: string; zh: T; en: T | undefined; modules: string[] }[]>();
const out: any[] = [];
for (const z of all.filter((t) => t.lang === 'zh')) {
  const en = all.find((t) => t.lang === 'en' && t.module === z.module && (t.term === z.other || t.other === z.term));
  if (!en) console.error('NO EN PAIR', z.module, z.term, z.other);
  const id = slug(en?.term ?? z.other);
  out.push({ id, module: z.module, zhTerm: z.term, enTerm: en?.term ?? z.other, zh: z.def, en: en?.def ?? '' });
}
const enOrphans = all.filter((t) => t.lang === 'en' && !out.some((o) => o.module === t.module && o.enTerm === t.term));
for (const o of enOrphans) console.error('EN ORPHAN', o.module, o.term);
writeFileSync('.scratch/terms.json', JSON.stringify(out, null, 1));
const byId = new Map<string, any[]>();
for (const o of out) byId.set(o.id, [...(byId.get(o.id) ?? []), o]);
for (const [id, list] of byId) if (list.length > 1) console.log('DUP', id, list.map((l) => `${l.module} ${l.zhTerm}`).join(' | '));
const byZh = new Map<string, any[]>();
for (const o of out) byZh.set(o.zhTerm, [...(byZh.get(o.zhTerm) ?? []), o]);
for (const [zh, list] of byZh) if (new Set(list.map((l) => l.id)).size > 1) console.log('ZH SAME, IDS DIFFER', zh, list.map((l) => l.id).join(' | '));
console.log(out.length, byId.size);
