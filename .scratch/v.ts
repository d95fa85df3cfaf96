import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { readContentTree } from '/work/wt/originality/src/lib/server/content-files';
import { prepareHandbooks, hanRuns } from '/work/wt/originality/src/lib/content-originality';
import { sharedRuns } from '/work/wt/originality/src/lib/content-originality/shared-runs';
const seeds = '/work/shared/seeds';
const min = Number(process.argv[2] ?? 15);
const mode = process.argv[3] ?? 'file';
const hb = prepareHandbooks(readdirSync(seeds).filter(f=>f.endsWith('.txt')).map(n=>({path:n,text:readFileSync(join(seeds,n),'utf8')})), Converter({from:'tw',to:'cn'}), min);
const root='/work/wt/originality/content';
const perFile = new Map<string, number>();
for (const f of readContentTree(root)) {
  const text = readFileSync(join(root,f.path),'utf8');
  const runs = mode==='file' ? hanRuns(text.split('\n'),1,false) : mode==='fileex' ? hanRuns(text.split('\n'),1,true) : hanRuns(text.split('\n'),1,true);
  for (const r of runs) for (const s of sharedRuns(r, hb)) { perFile.set(f.path,(perFile.get(f.path)??0)+1); if (process.argv[4]) console.log(f.path, s.line, s.text); }
}
console.log([...perFile].map(([k,v])=>`${v} ${k}`).join('\n'), '\nfiles', perFile.size);
