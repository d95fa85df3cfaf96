/** `npm run content:check`: validates everything in content/ without a full build. */
import { relative, resolve } from 'node:path';
import { readContentTree } from '../src/lib/server/content-files';
import { checkContent, formatProblem } from '../src/lib/content-check';

const root = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const files = readContentTree(root);
const problems = checkContent(files, relative(process.cwd(), root) || '.');
if (problems.length === 0) {
  console.log(`Content OK: ${files.length} files checked in ${root}.`);
} else {
  console.error(`Found ${problems.length} problem(s) in ${root}:\n`);
  for (const p of problems) console.error(`  ✗ ${formatProblem(p)}`);
  console.error('\nFix each file and field above, then run "npm run content:check" again. docs/authoring.md describes every field.');
  process.exitCode = 1;
}
