/**
 * Question-bank import: a GIFT, Moodle XML or Aiken file in, one quiz (as YAML that passes
 * content:check) and a list of what could not be converted out. Pure: the CLI
 * (scripts/content-import.ts) reads and writes the files.
 */
import { stringify } from 'yaml';
import { quizSchema } from '../../../schemas/quiz';
import type { Language } from '../../../schemas/common';
import { detectLanguage, type BankFormat, type BankReading } from './bank';
import { readAiken } from './aiken';
import { readGift } from './gift';
import { readMoodleXml } from './moodle-xml';

export { BankSyntaxError, type BankFormat, type BankReading } from './bank';

/** The format a file name suggests: .gift, .xml (Moodle XML), .aiken or .txt (Aiken). */
export function formatForFile(name: string): BankFormat | undefined {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'gift') return 'gift';
  if (ext === 'xml') return 'moodle-xml';
  if (ext === 'aiken' || ext === 'txt') return 'aiken';
  return undefined;
}

const readers: Record<BankFormat, (source: string) => BankReading> = {
  gift: readGift,
  'moodle-xml': readMoodleXml,
  aiken: readAiken,
};

export interface QuizImport {
  /** The quiz as its YAML holds it (validated by quizSchema). */
  quiz: Record<string, unknown>;
  reading: BankReading;
  /** The bank's language; the other language's fields hold the same text until translated. */
  language: Language;
}

/**
 * Reads a bank into a quiz. Throws BankSyntaxError for a file that cannot be read, and an Error
 * when no question converts or the result would not pass the quiz schema (a bug, not a trainer's).
 */
export function importQuestionBank(source: string, format: BankFormat, options: { title: string }): QuizImport {
  const reading = readers[format](source);
  if (reading.questions.length === 0) {
    throw new Error('no question in this bank could be converted; the list above says why for each');
  }
  const prompts = reading.questions.map((q) => (q.prompt as { zh: string }).zh);
  const language = detectLanguage(prompts);
  const quiz = { title: { zh: options.title, en: options.title }, passPercent: 70, questions: reading.questions };
  const checked = quizSchema.safeParse(quiz);
  if (!checked.success) {
    const first = checked.error.issues[0]!;
    throw new Error(`the converted quiz does not pass the quiz schema at ${first.path.join('.')}: ${first.message}`);
  }
  return { quiz, reading, language };
}

/** YAML for content/quizzes/<id>.yaml, with a header saying where it came from and what to do next. */
export function quizYaml(imported: QuizImport, sourceName: string): string {
  const other = imported.language === 'zh' ? 'en' : 'zh';
  const header = [
    `# Imported from ${sourceName}. Every text is in ${imported.language === 'zh' ? 'Chinese' : 'English'} only:`,
    `# translate each "${other}:" field, then place the quiz in a module with quiz: <id> and <Quiz id="…" />.`,
  ].join('\n');
  return `${header}\n${stringify(imported.quiz, { lineWidth: 0 })}`;
}
