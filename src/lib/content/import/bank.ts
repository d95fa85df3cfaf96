/**
 * What every question-bank reader produces, and the helpers they share: turning a question as an
 * old LMS stored it into one of this platform's question shapes (src/schemas/quiz.ts), or into a
 * reason it cannot be converted.
 *
 * Banks are written in one language. The platform's texts are bilingual, so the bank's language
 * fills both fields and the import says which fields need translating; explanations the bank lacks
 * get a neutral bilingual sentence rather than an invented reason.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Language } from '../../../schemas/common';

export type BankFormat = 'gift' | 'moodle-xml' | 'aiken';

/** A bilingual text as quiz YAML holds it. */
export interface Text2 {
  zh: string;
  en: string;
}

/** One question in the quiz schema's input shape (ids, texts, answers), before validation. */
export type ImportedQuestion = Record<string, unknown> & { id: string; type: string };

/** A question the import left out, with the 1-based line where it starts in the bank file. */
export interface SkippedQuestion {
  line: number;
  title: string;
  reason: string;
}

/** A question converted with a change a trainer should know about (e.g. partial marks dropped). */
export interface ChangedQuestion {
  line: number;
  title: string;
  change: string;
}

/** The result of reading one bank: converted questions, and what could not be converted. */
export interface BankReading {
  questions: ImportedQuestion[];
  skipped: SkippedQuestion[];
  changed: ChangedQuestion[];
}

/** Collects a reader's output question by question. */
export class BankCollector {
  readonly reading: BankReading = { questions: [], skipped: [], changed: [] };
  private readonly ids = new Set<string>();

  nextId(title: string | null | undefined): string {
    return questionId(title, this.reading.questions.length + this.reading.skipped.length, this.ids);
  }

  skip(line: number, title: string, reason: string): void {
    this.reading.skipped.push({ line, title, reason });
  }

  add(line: number, title: string, built: { question: ImportedQuestion; changes: string[] } | { reason: string }): void {
    if ('reason' in built) return this.skip(line, title, built.reason);
    this.reading.questions.push(built.question);
    for (const change of built.changes) this.reading.changed.push({ line, title, change });
  }
}

/** A bank that cannot be read at all (broken syntax): nothing is written. */
export class BankSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const cjk = /[\u3400-\u9fff]/;

/** The bank's language: Chinese when any question text holds a Chinese character. */
export function detectLanguage(texts: readonly string[]): Language {
  return texts.some((t) => cjk.test(t)) ? 'zh' : 'en';
}

/** The same text in both languages; the import reports the other language as to be translated. */
export function both(text: string): Text2 {
  return { zh: text, en: text };
}

/** Default explanations: true to what the bank says (this option is or is not the key), nothing more. */
export const defaultExplanation = {
  right: { zh: '这是正确答案。', en: 'This is the right answer.' },
  wrong: { zh: '这不是正确答案。', en: 'This is not the right answer.' },
  general: { zh: '题库中没有为此题提供解析。', en: 'The question bank gave no explanation for this question.' },
} as const satisfies Record<string, Text2>;

export function explanationOr(text: string | null | undefined, fallback: Text2): Text2 {
  const plain = text?.trim();
  return plain ? both(plain) : { ...fallback };
}

/** Whether HTML shows an image (or another embedded file): the platform's quiz texts are plain. */
export function hasEmbeddedMedia(html: string): boolean {
  return /<(img|video|audio|object|embed|iframe)\b/i.test(html) || /@@PLUGINFILE@@/.test(html);
}

/** Plain text of an HTML fragment, whitespace folded (paragraphs become one space). */
export function plainText(html: string): string {
  return toText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();
}

/**
 * Option and item ids are a, b, c…: they reach the browser, so they must say nothing about the
 * answer, and a bank's texts (often Chinese) make no useful slug.
 */
export function letterId(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return index < 26 ? letters[index]! : `o${index + 1}`;
}

/** A question id from the bank's title when it makes a slug, else q1, q2… in file order. */
export function questionId(title: string | null | undefined, index: number, taken: Set<string>): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  let id = /^[a-z0-9]/.test(slug) ? slug : `q${index + 1}`;
  for (let n = 2; taken.has(id); n++) id = `${slug || 'q'}-${n}`;
  taken.add(id);
  return id;
}

/** 1-based line number of a character offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
