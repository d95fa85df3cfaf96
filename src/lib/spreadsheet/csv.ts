/**
 * CSV that Excel opens right: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), CRLF line ends, RFC 4180 quoting by csv-stringify, and every text cell kept as text.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { FORMULA_START, spreadsheetWouldConvert, type Cell, type Row } from './cells';

// Excel caps a string literal inside a formula at 255 characters.
const MAX_FORMULA_TEXT = 255;

/** What one cell becomes in the file, before CSV quoting. */
export function csvCellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'object') return 'percent' in cell ? `${Math.round(cell.percent * 1000) / 10}%` : cell.day;
  // Text Excel would convert ("1/2", "00123", "3-4") is written as the formula ="…", which shows
  // the text as it is; the quotes inside are doubled, so no text can break out of the literal.
  if (spreadsheetWouldConvert(cell) && cell.length <= MAX_FORMULA_TEXT && !/[\r\n]/.test(cell)) return `="${cell.replace(/"/g, '""')}"`;
  // Any other text starting like a formula gets a leading apostrophe (OWASP's advice), so a name
  // such as "=HYPERLINK(…)" or "@SUM(…)" is shown, never run.
  if (FORMULA_START.test(cell)) return `'${cell}`;
  return cell;
}

export function toCsv(rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => row.map(csvCellText)),
    // A lone LF or CR inside a cell would start a new row in Excel unless the cell is quoted.
    { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
