/**
 * Aiken: the simplest bank format (one question, lettered options, an `ANSWER:` line), single
 * choice only. Small enough that no package reads it; format reference:
 * https://docs.moodle.org/en/Aiken_format
 */
import { BankCollector, BankSyntaxError, type BankReading } from './bank';
import { choiceQuestion } from './shapes';

const optionLine = /^([A-Z])\s*[.)．）、]\s*(.+)$/;
const answerLine = /^ANSWER\s*[:：]\s*([A-Z])\s*$/i;

/** Reads an Aiken bank. Throws BankSyntaxError naming the line of a question without a valid answer. */
export function readAiken(source: string): BankReading {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out = new BankCollector();
  let start = 0;
  let prompt: string[] = [];
  let options: { letter: string; text: string }[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (prompt.length > 0 || options.length > 0) {
        throw new BankSyntaxError(start, 'this question has no "ANSWER: X" line; end each question with one, after its options');
      }
      return;
    }
    if (prompt.length === 0 && options.length === 0) start = i + 1;
    const answer = answerLine.exec(line);
    if (answer) {
      const letter = answer[1]!.toUpperCase();
      if (options.length < 2) throw new BankSyntaxError(i + 1, 'an Aiken question needs at least two options (A. …, B. …) before its ANSWER line');
      if (!options.some((o) => o.letter === letter)) throw new BankSyntaxError(i + 1, `the answer is ${letter}, but the question has no option ${letter}`);
      const text = prompt.join(' ');
      const choices = options.map((o) => ({ text: o.text, fraction: o.letter === letter ? 100 : 0 }));
      out.add(start, text.slice(0, 40), choiceQuestion(out.nextId(null), text, choices));
      prompt = [];
      options = [];
      return;
    }
    const option = optionLine.exec(line);
    if (option && prompt.length > 0) options.push({ letter: option[1]!, text: option[2]!.trim() });
    else if (options.length === 0) prompt.push(line);
    else throw new BankSyntaxError(i + 1, 'after the options only the "ANSWER: X" line may follow; is a line of the question below its options?');
  });
  if (prompt.length > 0 || options.length > 0) throw new BankSyntaxError(start, 'the last question has no "ANSWER: X" line');
  return out.reading;
}
