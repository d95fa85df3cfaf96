import { readFileSync, writeFileSync } from 'node:fs';
const usage: { module: string; zhTerm: string; enTerm: string; ids: string[] }[] = JSON.parse(readFileSync('.scratch/usage.json', 'utf8'));
const re = /<KeyTerm\b([^>]*)>([\s\S]*?)<\/KeyTerm>/g;
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];
let count = 0;
for (const module of new Set(usage.map((u) => u.module))) {
  for (const lang of ['zh', 'en'] as const) {
    const path = `content/${module}.${lang}.mdx`;
    const text = readFileSync(path, 'utf8');
    const next = text.replace(re, (whole, attrs: string) => {
      const term = attr(attrs, 'term');
      const u = usage.find((x) => x.module === module && (lang === 'zh' ? x.zhTerm === term : x.enTerm === term));
      if (!u) { console.error('no usage for', path, term); return whole; }
      count++;
      return u.ids.map((id) => `<KeyTerm id="${id}" />`).join('\n\n');
    });
    writeFileSync(path, next);
  }
}
console.log(count, 'replaced');
