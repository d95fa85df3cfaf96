/**
 * An Excel workbook of one sheet, written by exceljs: typed cells (text stays text, numbers stay
 * numbers, shares as percentages, days as dates), the header in bold and frozen, columns as wide
 * as their content. String cells are never evaluated, so no formula from a name can run.
 */
import ExcelJS from 'exceljs';
import { displayWidth, type Cell, type Row } from './cells';
import { parseDayKey } from '../dates/days';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  const clean = [...name.replace(/[:\\/?*[\]]/g, ' ').trim()].slice(0, 31).join('').trim();
  return clean === '' ? 'Sheet1' : clean;
}

// XML 1.0 cannot hold most control characters; a cell with one would make the file unreadable.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function cellValue(cell: Cell): { value: ExcelJS.CellValue; numFmt?: string; text: string } {
  if (cell === null || cell === undefined) return { value: null, text: '' };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, text: String(cell) } : { value: null, text: '' };
  if (typeof cell === 'object') {
    if ('percent' in cell) return { value: cell.percent, numFmt: '0%', text: '100%' };
    const d = parseDayKey(cell.day);
    // exceljs turns a Date into Excel's day count from its UTC value: midnight UTC is the day itself.
    return d ? { value: new Date(Date.UTC(d.year, d.month - 1, d.day)), numFmt: 'yyyy-mm-dd', text: cell.day } : { value: cell.day, text: cell.day };
  }
  const text = cell.replace(XML_INVALID, '');
  return { value: text, text };
}

export async function toXlsx(name: string, rows: readonly Row[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: number[] = [];
  rows.forEach((row, r) => {
    const target = sheet.getRow(r + 1);
    row.forEach((raw, c) => {
      const { value, numFmt, text } = cellValue(raw);
      const cell = target.getCell(c + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      const longestLine = Math.max(0, ...text.split(/\r\n|\r|\n/).map(displayWidth));
      widths[c] = Math.max(widths[c] ?? 0, longestLine);
    });
    if (r === 0) target.font = { bold: true };
  });
  widths.forEach((w, c) => {
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
  });
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  // A copy on a plain ArrayBuffer, which a Response body accepts.
  const bytes = new Uint8Array(written.byteLength);
  bytes.set(written);
  return bytes;
}
