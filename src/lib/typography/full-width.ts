/**
 * Finds Chinese (full-width) punctuation that English text picked up: "：not started",
 * "Reports to：", "A、B", "（Single choice）". A mark that belongs to Chinese text is fine — a name
 * such as 刘洋（销售）, a quoted line 客户说：“太贵了。” — so a mark counts as Chinese when the
 * text it punctuates is Chinese: for an opening bracket the character after it, for every other
 * mark the character before it (spaces skipped), is a Han character or another full-width mark.
 */
const MARKS = '，。：；（）、';
const CHINESE = /[\p{Script=Han}，。：；（）、“”‘’《》！？…—]/u;

export interface MisplacedMark {
  mark: string;
  /** Up to 20 characters either side, to find it on the page. */
  context: string;
}

function neighbour(text: string, from: number, step: 1 | -1): string {
  for (let i = from + step; i >= 0 && i < text.length; i += step) {
    if (!/\s/.test(text[i]!)) return text[i]!;
  }
  return '';
}

export function misplacedFullWidth(text: string): MisplacedMark[] {
  const found: MisplacedMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i]!;
    if (!MARKS.includes(mark)) continue;
    const owner = mark === '（' ? neighbour(text, i, 1) : neighbour(text, i, -1);
    if (owner !== '' && CHINESE.test(owner)) continue;
    found.push({ mark, context: text.slice(Math.max(0, i - 20), i + 21).replace(/\s+/g, ' ') });
  }
  return found;
}

/**
 * A "·" separator spaced on one side only ("completed ·9"): in both languages it stands between
 * spaces, or (inside a transliterated name such as 约翰·史密斯) between no spaces at all.
 */
export function lopsidedSeparators(text: string): MisplacedMark[] {
  const found: MisplacedMark[] = [];
  for (const match of text.matchAll(/\S·\s|\s·\S/g)) {
    found.push({ mark: '·', context: text.slice(Math.max(0, match.index - 20), match.index + 21).replace(/\s+/g, ' ') });
  }
  return found;
}
