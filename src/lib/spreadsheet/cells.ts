/**
 * What a cell of a downloaded table holds, and when a spreadsheet program would misread it. Pure,
 * shared by the CSV writer (which runs in the browser too) and the XLSX writer.
 */

/**
 * A cell by what it means:
 * - a string is text and stays text in every program ("1/2" is a fraction of criteria, not 2 January);
 * - a number is a real number;
 * - `{ percent }` is a share (0.67 shows as 67%), `{ day }` a calendar day ("2026-03-02");
 * - null or undefined is an empty cell.
 */
export type Cell = string | number | { percent: number } | { day: string } | null | undefined;

export type Row = readonly Cell[];

// Cells spreadsheet programs run as formulas (OWASP "CSV injection").
export const FORMULA_START = /^[=+\-@\t\r]/;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const PATTERNS: readonly RegExp[] = [
  // Digits with the punctuation of numbers, fractions, dates, times, money and percentages:
  // "1/2", "3-4", "1e5", "00123", "12:30", "50%", "(5)", "1,234", "+86 138 0000 0000".
  /^(?=.*\d)[\d\s.,:/\-+()%$¥€£eE]+$/,
  new RegExp(`^(?=.*\\d)(?:\\d{1,4}[\\s\\-/.,]*)?${MONTH}(?:[\\s\\-/.,]*\\d{1,4}){0,2}$`, 'i'),
  /^\d{1,2}(?::\d{1,2}){1,2}\s*(?:am|pm|a|p)$/i,
  // What Excel in zh-CN reads as dates: "2026年3月", "3月2日", "2026年3月2日".
  /^\d{1,4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?$|^\d{1,2}\s*月\s*\d{1,2}\s*日$/,
  /^(?:true|false)$/i,
];

/**
 * Whether Excel (or WPS, LibreOffice) would turn this text into a number, date, time or boolean
 * when it opens a CSV. It errs on the side of yes: keeping a text that would have stayed text
 * anyway costs nothing, while "1/2" turned into 1月2日 cannot be undone by the reader.
 */
export function spreadsheetWouldConvert(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && PATTERNS.some((p) => p.test(trimmed));
}

/** Display width in Latin-letter columns: Chinese, Japanese, Korean and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}
