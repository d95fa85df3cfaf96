/**
 * Moodle XML question banks, checked with `fast-xml-validator` and read with `fast-xml-parser`.
 * Format reference: https://docs.moodle.org/en/Moodle_XML_format
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { BankCollector, BankSyntaxError, hasEmbeddedMedia, lineAt, plainText, type BankReading } from './bank';
import { choiceQuestion, matchingQuestion, numericQuestion, orderingQuestion, trueFalseQuestion } from './shapes';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['question', 'answer', 'subquestion', 'file'].includes(name),
});

/** Question types Moodle has and this platform cannot ask, with the reason a trainer reads. */
const unsupported: Record<string, string> = {
  shortanswer: 'short-answer questions (typed words) have no question type here; rewrite as single choice',
  essay: 'essay questions need a person to mark them; the platform grades quizzes automatically',
  description: 'a description is text between questions, not a question; put it in the lesson instead',
  cloze: 'embedded-answer (cloze) questions hold several questions in one text; split them into separate questions',
  multianswer: 'embedded-answer (cloze) questions hold several questions in one text; split them into separate questions',
  calculated: 'calculated questions draw random numbers per learner, which the platform does not do; write a numeric question with fixed numbers',
  calculatedsimple: 'calculated questions draw random numbers per learner, which the platform does not do; write a numeric question with fixed numbers',
  calculatedmulti: 'calculated questions draw random numbers per learner, which the platform does not do; write a numeric question with fixed numbers',
  randomsamatch: 'random short-answer matching draws questions from elsewhere in the bank; write a matching question with fixed pairs',
  ddwtos: 'drag-and-drop into text has no question type here',
  gapselect: 'select-missing-words has no question type here',
  ddimageortext: 'drag-and-drop onto an image needs an image, which quiz texts here cannot hold',
  ddmarker: 'drag-and-drop markers need an image, which quiz texts here cannot hold',
};

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  const t = (node as Node).text;
  return typeof t === 'string' ? t : t === undefined ? '' : String(t);
}

const html = (node: unknown) => plainText(textOf(node));
const hasMedia = (node: unknown) => {
  if (node && typeof node === 'object' && Array.isArray((node as Node).file)) return true;
  return hasEmbeddedMedia(textOf(node));
};

/** Reads a Moodle XML bank. Throws BankSyntaxError with the line of the first XML error. */
export function readMoodleXml(source: string): BankReading {
  const xml = source.replace(/^\uFEFF/, '');
  try {
    SyntaxValidator.validate(xml);
  } catch (error) {
    const e = error as { line?: number; message: string };
    throw new BankSyntaxError(e.line ?? 1, `${e.message} (the file is not well-formed XML)`);
  }
  const root = parser.parse(xml) as Node;
  const quiz = root.quiz as Node | undefined;
  if (!quiz) throw new BankSyntaxError(1, 'a Moodle XML bank starts with <quiz>; this file has no <quiz> element');
  const questions = (quiz.question as Node[] | undefined) ?? [];
  const lines = [...xml.matchAll(/<question\b/g)].map((m) => lineAt(xml, m.index));

  const out = new BankCollector();
  questions.forEach((q, i) => {
    const line = lines[i] ?? 1;
    const type = String(q['@_type'] ?? '');
    if (type === 'category') return;
    const name = html(q.name);
    const title = name || html(q.questiontext).slice(0, 40);
    if (type in unsupported) return out.skip(line, title, unsupported[type]!);
    const answers = (q.answer as Node[] | undefined) ?? [];
    const subquestions = (q.subquestion as Node[] | undefined) ?? [];
    if (hasMedia(q.questiontext) || answers.some(hasMedia) || subquestions.some(hasMedia)) {
      return out.skip(line, title, 'the question shows an image or other file, which quiz texts here cannot hold; describe it in words');
    }
    const id = out.nextId(name);
    const prompt = html(q.questiontext);
    const general = html(q.generalfeedback);
    const fraction = (a: Node) => Number(a['@_fraction'] ?? 0);
    switch (type) {
      case 'multichoice': {
        const single = textOf(q.single).trim() !== 'false';
        const choices = answers.map((a) => ({ text: html(a), fraction: fraction(a), feedback: html(a.feedback) }));
        return out.add(line, title, choiceQuestion(id, prompt, choices, general, !single));
      }
      case 'truefalse': {
        const right = answers.find((a) => fraction(a) >= 100);
        if (!right) return out.skip(line, title, 'neither "true" nor "false" earns marks, so the question has no right answer');
        const feedback = (value: string) => html(answers.find((a) => textOf(a).trim() === value)?.feedback);
        return out.add(line, title, trueFalseQuestion(id, prompt, textOf(right).trim() === 'true', feedback('true'), feedback('false'), general));
      }
      case 'numerical': {
        const full = answers.find((a) => fraction(a) >= 100);
        if (!full) return out.skip(line, title, 'no numeric answer earns full marks');
        const built = numericQuestion(id, prompt, Number(textOf(full)), Number(textOf(full.tolerance) || 0), html(full.feedback) || general);
        if ('question' in built && answers.length > 1) built.changes.push('only the full-mark answer was kept; answers for partial marks were dropped');
        return out.add(line, title, built);
      }
      case 'matching':
        return out.add(line, title, matchingQuestion(id, prompt, subquestions.map((s) => ({ left: html(s), right: html((s.answer as Node[] | undefined)?.[0]) })), general));
      case 'ordering':
        // qtype_ordering lists the items in their right order.
        return out.add(line, title, orderingQuestion(id, prompt, answers.map((a) => html(a)), general));
      default:
        return out.skip(line, title, `"${type}" questions have no question type here`);
    }
  });
  return out.reading;
}
