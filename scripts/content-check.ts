/**
 * `npm run content:check`: validates everything in content/ without a full build.
 * `npm run content:practice` (or `--practice`) also prints how much of it is practice: modules
 * with an exercise and the scenario/application share of every quiz.
 */
import { relative, resolve } from 'node:path';
import { readContentTree } from '../src/lib/content/server/content-files';
import { checkContent, formatProblem } from '../src/lib/content/check';
import { formatPracticeReport, practiceReport } from '../src/lib/content/check/practice';

const args = process.argv.slice(2);
const showPractice = args.includes('--practice');
const root = resolve(args.find((a) => !a.startsWith('--')) ?? process.env.CONTENT_DIR ?? 'content');
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
const practice = formatPracticeReport(practiceReport(files));
console.log(showPractice ? `\n${practice.join('\n')}` : `${practice[0]}; ${practice.find((l) => l.startsWith('Scenario'))}`);
