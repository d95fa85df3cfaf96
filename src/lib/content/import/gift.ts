/**
 * GIFT (Moodle's text format for question banks), read with the maintained `gift-pegjs` parser.
 * Format reference: https://docs.moodle.org/en/GIFT_format
 */
import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import { BankCollector, BankSyntaxError, hasEmbeddedMedia, plainText, type BankReading } from './bank';
import { choiceQuestion, matchingQuestion, numericQuestion, trueFalseQuestion } from './shapes';

/** Start line of each question block: GIFT separates questions by blank lines; `//` lines are comments. */
function blockStartLines(source: string): number[] {
  const starts: number[] = [];
  let inBlock = false;
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') inBlock = false;
    else if (!line.startsWith('//') && !inBlock) {
      starts.push(i + 1);
      inBlock = true;
    }
  });
  return starts;
}

function text(t: TextFormat | null | undefined): string {
  if (!t) return '';
  return t.format === 'html' ? plainText(t.text) : t.text.replace(/\s+/g, ' ').trim();
}

const media = (t: TextFormat | null | undefined) => !!t && (hasEmbeddedMedia(t.text) || /!\[[^\]]*\]\(/.test(t.text));

/** Reads a GIFT bank. Throws BankSyntaxError with the line of the first syntax error. */
export function readGift(source: string): BankReading {
  let parsed: GIFTQuestion[];
  try {
    parsed = parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const e = error as { location?: { start: { line: number } }; message: string };
    throw new BankSyntaxError(e.location?.start.line ?? 1, `${e.message} (in GIFT, write the characters ~ = # { } : as \\~ \\= \\# \\{ \\} \\: inside text)`);
  }
  const starts = blockStartLines(source);
  const lineOf = (i: number) => (starts.length === parsed.length ? starts[i]! : 1);
  const out = new BankCollector();
  parsed.forEach((q, i) => {
    const line = lineOf(i);
    if (q.type === 'Category') return;
    const title = q.title ?? text(q.stem).slice(0, 40);
    if (q.type === 'Description') return out.skip(line, title, 'a description is text between questions, not a question; put it in the lesson instead');
    if (q.type === 'Essay') return out.skip(line, title, 'essay questions need a person to mark them; the platform grades quizzes automatically');
    if (q.type === 'Short') return out.skip(line, title, 'short-answer questions (typed words) have no question type here; rewrite as single choice');
    const prompt = text(q.stem);
    if (media(q.stem) || ('choices' in q && Array.isArray(q.choices) && q.choices.some((c) => media(c.text as TextFormat)))) {
      return out.skip(line, title, 'the question shows an image or other file, which quiz texts here cannot hold; describe it in words');
    }
    const id = out.nextId(q.title);
    const general = text(q.globalFeedback);
    switch (q.type) {
      case 'MC': {
        const weighted = q.choices.some((c) => c.weight !== null);
        const choices = q.choices.map((c) => ({
          text: text(c.text),
          fraction: c.weight ?? (c.isCorrect ? 100 : 0),
          feedback: text(c.feedback),
        }));
        return out.add(line, title, choiceQuestion(id, prompt, choices, general, weighted && choices.filter((c) => c.fraction > 0).length > 1));
      }
      case 'TF':
        return out.add(line, title, trueFalseQuestion(id, prompt, q.isTrue, text(q.trueFeedback), text(q.falseFeedback), general));
      case 'Matching':
        return out.add(line, title, matchingQuestion(id, prompt, q.matchPairs.map((p) => ({ left: text(p.subquestion), right: p.subanswer })), general));
      case 'Numerical': {
        const choices = Array.isArray(q.choices) ? q.choices : [{ isCorrect: true, weight: null, text: q.choices, feedback: null }];
        const full = choices.find((c) => c.weight === null || c.weight >= 100) ?? choices[0];
        if (!full) return out.skip(line, title, 'the numeric question has no answer');
        const n = full.text;
        const [answer, tolerance] =
          n.type === 'high-low' ? [((n.numberHigh ?? 0) + (n.numberLow ?? 0)) / 2, ((n.numberHigh ?? 0) - (n.numberLow ?? 0)) / 2] : [n.number ?? NaN, n.range ?? 0];
        const built = numericQuestion(id, prompt, answer, tolerance, text(full.feedback) || general);
        if ('question' in built && choices.length > 1) built.changes.push('only the full-mark answer was kept; answers for partial marks were dropped');
        return out.add(line, title, built);
      }
    }
  });
  return out.reading;
}
