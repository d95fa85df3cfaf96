/**
 * Turning handbook and course text into what the originality check compares: runs of Chinese
 * characters, each remembering the line it came from. Punctuation, spaces, Latin letters and
 * digits are dropped, so a copied sentence is still found after its commas were changed.
 */

const HAN = /\p{Script=Han}/u;

/**
 * The scraped Traditional handbooks carry pinyin after many characters, e.g. `版權(quán)`. A gloss
 * is lowercase Latin letters, most with tone marks, in ASCII or full-width brackets; English in
 * brackets such as `(CRM)` is upper case or has spaces, so it is left alone.
 */
const PINYIN_GLOSS = /[(（][a-z\u00e0-\u00fc\u0101-\u01dc\u0300-\u036f]{1,8}[)）]/g;

export function stripPinyinGlosses(text: string): string {
  return text.replace(PINYIN_GLOSS, '');
}

/** A stretch of Chinese characters with no break inside; `lines[i]` is the 1-based line of `text[i]`. */
export interface HanRun {
  text: string;
  lines: number[];
}

/**
 * A plain enumeration of terms: two or more items separated by 、, each item 1–6 Chinese
 * characters standing on its own (no Chinese character right before the first item or right after
 * the last). "需求、购买力、信用" is one; in "客户资料包括姓名、电话" only "电话" is an item's
 * neighbour, because "客户资料包括姓名" is a phrase, not a term, so nothing is exempt there.
 */
const ENUMERATION = /(?<!\p{Script=Han})\p{Script=Han}{1,6}(?:、\p{Script=Han}{1,6})+(?!\p{Script=Han})/gu;

/** Offsets in `line` of the Chinese characters that belong to a plain 、-enumeration. */
export function enumerationOffsets(line: string): Set<number> {
  const offsets = new Set<number>();
  for (const match of line.matchAll(ENUMERATION)) {
    for (let i = 0; i < match[0].length; i++) offsets.add(match.index + i);
  }
  return offsets;
}

/**
 * The Chinese-character runs of `lines` (the first of which is line `firstLine`). Non-Chinese
 * characters are skipped without breaking a run, so one run may span several lines; a run breaks
 * only at an exempt enumeration (when `exemptEnumerations` is set) and at the end of `lines`.
 */
export function hanRuns(lines: readonly string[], firstLine = 1, exemptEnumerations = false): HanRun[] {
  const runs: HanRun[] = [];
  let current: HanRun = { text: '', lines: [] };
  const close = () => {
    if (current.text) runs.push(current);
    current = { text: '', lines: [] };
  };
  lines.forEach((line, i) => {
    const exempt = exemptEnumerations ? enumerationOffsets(line) : undefined;
    let offset = 0;
    for (const char of line) {
      if (HAN.test(char)) {
        if (exempt?.has(offset)) close();
        else {
          current.text += char;
          // One entry per UTF-16 unit, so that offsets into `text` index `lines` too.
          for (let unit = 0; unit < char.length; unit++) current.lines.push(firstLine + i);
        }
      }
      offset += char.length;
    }
  });
  close();
  return runs;
}
