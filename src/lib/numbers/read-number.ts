/**
 * One reader for every number a person types: quiz numeric answers, exercise calculations, KPI
 * evidence. People type on Chinese and English keyboards, so the reader accepts what either
 * produces — full-width digits and signs, the IME's 。 or ． for a decimal point, ， for a thousands
 * comma, spaces, the question's own unit ("24份", "¥1,200.50", "3.5%") and 万/亿 as ×10⁴/×10⁸ —
 * and refuses, with a reason, anything it would have to guess at. A refusal is never a wrong
 * answer: callers ask the person to type it again. Pure: no DOM, no server.
 */
import type { UiKey } from '../../i18n/ui';

/** A unit as content gives it: one text, or one per language (both are accepted whichever page is open). */
export type UnitText = string | { zh: string; en: string } | null | undefined;

/**
 * Why a text is not one number: nothing typed; a comma that does not group thousands ("1,20" could
 * be 1.2 or 120); a unit or sign that is not this question's ("24个" where the unit is 份, "12%"
 * where it is 元); or simply not a number ("abc", "1.2.3").
 */
export type NumberProblem = 'empty' | 'comma' | 'unit' | 'unreadable';

export type NumberReading = { ok: true; value: number } | { ok: false; problem: NumberProblem };

type Family = 'percent' | 'currency' | 'other' | 'none';

const CURRENCY_SUFFIXES = ['人民币', 'rmb', 'cny', 'yuan', '元', '块'];
const CURRENCY_PREFIXES = ['¥', 'rmb', 'cny', '人民币'];
const SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8 };
// Longest text a person could reasonably type for one number; anything longer is not one.
const MAX_LENGTH = 60;

/** NFKC folds full-width digits, ％, ，, ．, ￥ and the ideographic space; the rest is what IMEs add. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[。｡]/g, '.')
    .replace(/[\u2212\u2012\u2013\u2014\uFE63]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
}

function unitTexts(unit: UnitText): string[] {
  if (!unit) return [];
  const texts = (typeof unit === 'string' ? [unit] : [unit.zh, unit.en]).map(normalise).filter((u) => u !== '');
  // "quotes" also as "quote": one is as right as the other.
  const singular = texts.filter((u) => /^[a-z]{3,}s$/.test(u)).map((u) => u.slice(0, -1));
  return [...new Set([...texts, ...singular])].sort((a, b) => b.length - a.length);
}

function familyOf(units: readonly string[]): Family {
  if (units.length === 0) return 'none';
  if (units.some((u) => u.includes('%'))) return 'percent';
  if (units.some((u) => /元|¥|yuan|rmb|cny/.test(u))) return 'currency';
  return 'other';
}

/** How many base units one of the question's unit is worth: 万元 is 10⁴ 元. */
function unitScale(units: readonly string[]): number {
  const zh = units.find((u) => /^[万亿]/.test(u));
  return zh ? SCALES[zh[0]!]! : 1;
}

const stripSuffix = (text: string, suffixes: readonly string[]): [string, boolean] => {
  const found = suffixes.find((s) => text.length > s.length && text.endsWith(s));
  return found ? [text.slice(0, -found.length), true] : [text, false];
};

const stripPrefix = (text: string, prefixes: readonly string[]): [string, boolean] => {
  const sign = /^[+-]/.test(text) ? text[0]! : '';
  const body = text.slice(sign.length);
  const found = prefixes.find((p) => body.length > p.length && body.startsWith(p));
  return found ? [sign + body.slice(found.length), true] : [text, false];
};

/** "1,200.5", "-3", ".5", "3." — commas only as thousands separators between groups of three. */
function readPlain(text: string): NumberReading {
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(text)) {
    // One number with something before or after it ("24个", "¥12" where there is no unit) is a
    // unit this question does not take; anything else is no number at all.
    const wrapped = /^[^\d.,+-]*[+-]?[\d.,]*\d[\d.,]*[^\d.,]*$/.test(text);
    return { ok: false, problem: wrapped ? 'unit' : 'unreadable' };
  }
  if (text.includes(',') && !/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
    return { ok: false, problem: /^[+-]?[\d,]*\.?\d*$/.test(text) && (text.match(/\./g) ?? []).length <= 1 ? 'comma' : 'unreadable' };
  }
  const bare = text.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(bare)) return { ok: false, problem: 'unreadable' };
  const value = Number(bare);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'unreadable' };
}

/**
 * Reads `typed` as a value in `unit`. "12万" with unit 元 is 120000; with unit 万元, "12", "12万" and
 * "120,000元" are all 12. A % is accepted only where the unit is %, because "12%" typed for a
 * question in 元 means the person misread the question, not 12 元.
 */
export function readNumber(typed: string | number, unit?: UnitText): NumberReading {
  if (typeof typed === 'number') return Number.isFinite(typed) ? { ok: true, value: typed } : { ok: false, problem: 'unreadable' };
  if (typed.length > MAX_LENGTH) return { ok: false, problem: 'unreadable' };
  let text = normalise(typed);
  if (text === '') return { ok: false, problem: 'empty' };
  const units = unitTexts(unit);
  const family = familyOf(units);
  const [withoutUnit, sawUnit] = stripSuffix(text, units);
  if (sawUnit) return readPlain(family === 'currency' ? stripPrefix(withoutUnit, CURRENCY_PREFIXES)[0] : withoutUnit);
  // Without the question's own unit, the person may still have written its family's signs.
  let explicit = false;
  let strippedCurrency = false;
  if (family === 'percent') {
    [text] = stripSuffix(text, ['%']);
  } else if (family === 'currency') {
    [text, strippedCurrency] = stripSuffix(text, CURRENCY_SUFFIXES);
    let prefixed: boolean;
    [text, prefixed] = stripPrefix(text, CURRENCY_PREFIXES);
    explicit = strippedCurrency || prefixed;
  }
  let typedScale = 1;
  if (family !== 'percent') {
    const scaleWord = Object.keys(SCALES).find((w) => text.length > 1 && text.endsWith(w));
    if (scaleWord) {
      text = text.slice(0, -1);
      typedScale = SCALES[scaleWord]!;
      explicit = true;
    }
  }
  const plain = readPlain(text);
  if (!plain.ok) return plain;
  // A bare number is already in the question's unit; a number with 元 or 万 says its own scale.
  const value = explicit ? (plain.value * typedScale) / unitScale(units) : plain.value;
  return Number.isFinite(value) ? { ok: true, value: roundOff(value) } : { ok: false, problem: 'unreadable' };
}

/** 1.2 × 10⁴ / 10⁴ must be 1.2 again, not 1.2000000000000002. */
const roundOff = (value: number) => Number.parseFloat(value.toPrecision(12));

/** The UI string that tells a person what to type instead; `{unit}` is filled with the question's unit. */
export function numberProblemKey(problem: NumberProblem, unit: UnitText): UiKey & `number.${string}` {
  if (problem === 'unit') return unitTexts(unit).length > 0 ? 'number.unitOf' : 'number.noUnit';
  return `number.${problem}`;
}

/**
 * The position of the first numeric question whose typed answer cannot be read, or null: the quiz
 * island checks before submitting what the server would refuse. A blank box is left unanswered.
 */
export function firstUnreadableNumber(
  questions: readonly { id: string; type: string; unit?: UnitText }[],
  answers: Readonly<Record<string, unknown>>,
): number | null {
  const index = questions.findIndex((q) => {
    const typed = answers[q.id];
    if (q.type !== 'numeric' || typeof typed !== 'string') return false;
    const reading = readNumber(typed, q.unit);
    return !reading.ok && reading.problem !== 'empty';
  });
  return index < 0 ? null : index;
}

/** The number, or null when the text is not one: for callers that only need the value. */
export function numberOrNull(typed: string | number, unit?: UnitText): number | null {
  const reading = readNumber(typed, unit);
  return reading.ok ? reading.value : null;
}
