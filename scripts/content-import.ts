/**
 * `npm run content:import -- <bank> [--id quiz-id] [--title "…"] [--format gift|moodle-xml|aiken] [--out dir] [--force]`
 * Converts a GIFT, Moodle XML or Aiken question bank into content/quizzes/<id>.yaml and lists,
 * with their lines, the questions it could not convert. Writes nothing when the bank cannot be read.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BankSyntaxError, formatForFile, importQuestionBank, quizYaml, type BankFormat } from '../src/lib/content/import';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    title: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', default: 'content/quizzes' },
    force: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const file = positionals[0] ?? fail('Usage: npm run content:import -- <bank.gift|bank.xml|bank.txt> [--id quiz-id] [--title "…"] [--format gift|moodle-xml|aiken] [--force]');
if (!existsSync(file)) fail(`There is no file ${file}. Give the path of a GIFT (.gift), Moodle XML (.xml) or Aiken (.txt) bank.`);
const format = (values.format ?? formatForFile(file)) as BankFormat | undefined;
if (!format || !['gift', 'moodle-xml', 'aiken'].includes(format)) {
  fail(`Cannot tell the format of ${file}; add --format gift, --format moodle-xml or --format aiken.`);
}
const id = values.id ?? basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`"${id}" is not a usable quiz id; give one with --id, in lowercase letters, digits and hyphens.`);
const target = join(values.out!, `${id}.yaml`);
if (existsSync(target) && !values.force) fail(`${target} exists already. Choose another --id, or add --force to replace it.`);

// Older Chinese systems export GB18030; anything that is not valid UTF-8 is read as that.
const bytes = readFileSync(file);
let source: string;
try {
  source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
  source = new TextDecoder('gb18030').decode(bytes);
}

try {
  const imported = importQuestionBank(source, format, { title: values.title ?? id });
  const { reading } = imported;
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(target, quizYaml(imported, basename(file)));
  console.log(`Wrote ${relative(process.cwd(), target)}: ${reading.questions.length} question(s) from ${file}.`);
  if (reading.changed.length > 0) {
    console.log(`\nConverted with a change (${reading.changed.length}):`);
    for (const c of reading.changed) console.log(`  ${file}:${c.line}  ${c.title} — ${c.change}`);
  }
  if (reading.skipped.length > 0) {
    console.log(`\nNot converted (${reading.skipped.length}):`);
    for (const s of reading.skipped) console.log(`  ${file}:${s.line}  ${s.title} — ${s.reason}`);
  }
  const other = imported.language === 'zh' ? 'en' : 'zh';
  console.log(`\nNext: translate every "${other}:" text (they hold the ${imported.language} text for now), place the quiz in a module, then run npm run content:check.`);
} catch (error) {
  if (error instanceof BankSyntaxError) fail(`${file}:${error.line}: ${error.message.replace(/^line \d+: /, '')}\nNothing was written. Fix that line and run the import again.`);
  fail(`${file}: ${(error as Error).message}\nNothing was written.`);
}
