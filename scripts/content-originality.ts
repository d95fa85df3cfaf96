/**
 * `npm run content:originality`: fails when any content text shares a run of 15+ Chinese
 * characters with a source handbook (see src/lib/content/originality). The handbooks live in
 * shared/seeds/ beside the repository (CI clones the repo with a copy of shared/ next to it);
 * SEEDS_DIR points elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/t2cn';
import { readContentTree } from '../src/lib/content/server/content-files';
import { checkOriginality, formatFinding, MIN_SHARED_CHARACTERS, prepareHandbooks } from '../src/lib/content/originality';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared/seeds first (CI's layout), then further up for a worktree nested below the checkout. */
function findSeeds(): string | undefined {
  if (process.env.SEEDS_DIR) return resolve(process.env.SEEDS_DIR);
  for (let dir = dirname(repoRoot); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

const seeds = findSeeds();
const handbookFiles = seeds && existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort() : [];
if (!seeds || handbookFiles.length === 0) {
  console.error(`No handbooks found (looked for *.txt in ${seeds ?? `shared/seeds/ beside ${repoRoot} and above it`}).`);
  console.error('Put a copy of shared/ beside the repository, or set SEEDS_DIR to the folder of the handbooks, then run "npm run content:originality" again.');
  process.exit(1);
}

const contentRoot = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? join(repoRoot, 'content'));
const started = performance.now();
const handbooks = prepareHandbooks(
  handbookFiles.map((name) => ({ path: name, text: readFileSync(join(seeds, name), 'utf8') })),
  Converter({ from: 'tw', to: 'cn' }),
);
const files = readContentTree(contentRoot).map((f) => {
  const path = join(contentRoot, f.path);
  return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
});
const findings = checkOriginality(files, handbooks);
const ms = Math.round(performance.now() - started);

if (findings.length === 0) {
  console.log(`Originality OK: ${files.length} content files share no run of ${MIN_SHARED_CHARACTERS}+ Chinese characters with the ${handbookFiles.length} handbooks in ${seeds} (${ms} ms).`);
} else {
  console.error(`${findings.length} passage(s) share a run of ${MIN_SHARED_CHARACTERS}+ Chinese characters with a handbook:\n`);
  for (const f of findings) console.error(`${formatFinding(f)}\n`);
  console.error('Rewrite each passage in your own words, keeping the facts (plain 、-separated lists of terms may stay); then run "npm run content:originality" again. docs/authoring.md, "Our own words", explains the rule.');
  process.exitCode = 1;
}
