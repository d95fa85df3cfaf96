/**
 * Reads an uploaded KPI file into rows of cells, whatever made it: CSV (csv-parse; UTF-8 with or
 * without BOM, or GB18030) or XLSX (exceljs; the first sheet). Cells keep what the file knew about
 * them: text, a number, a number shown as a percentage, or a date cell. The line of each row is
 * the one a person sees in Excel (the header is line 1), so a problem can be found in the file.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeCsvBytes } from '../decode';
import { MAX_UNPACKED_BYTES, xlsxLimitProblem } from './xlsx-limits';

/** One cell: text as written, a number (with whether Excel shows it as %), or a date cell. */
export type TableCell = string | { number: number; percent: boolean } | { date: Date };

export interface TableRow {
  line: number;
  cells: TableCell[];
}

export type FileProblem =
  | { code: 'file.empty' }
  | { code: 'file.type' }
  | { code: 'file.tooLarge'; maxMegabytes: number }
  | { code: 'file.tooManyRows'; max: number }
  | { code: 'file.unreadable'; line: number | null }
  | { code: 'file.missingColumns'; columns: string[] };

export type TableReading = { ok: true; kind: 'csv' | 'xlsx'; rows: TableRow[] } | { ok: false; problem: FileProblem };

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Data rows: a year of monthly KPIs for a large sales force, with room to spare. */
export const MAX_DATA_ROWS = 50_000;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// Old Excel (.xls) files are OLE compound documents; exceljs cannot read them.
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Whether the name and the content agree on a type this reader takes; the content decides. */
export function fileKind(name: string, bytes: Uint8Array): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (isZip(bytes)) return lower.endsWith('.xlsx') || lower.endsWith('.xlsm') ? 'xlsx' : null;
  if (isOle(bytes) || lower.endsWith('.xls') || lower.endsWith('.xlsx')) return null;
  if (!(lower.endsWith('.csv') || lower.endsWith('.txt'))) return null;
  // A CSV is text: a NUL byte means some binary file was renamed.
  return bytes.subarray(0, 8192).includes(0) ? null : 'csv';
}

export async function readTable(name: string, bytes: Uint8Array): Promise<TableReading> {
  if (bytes.length === 0) return { ok: false, problem: { code: 'file.empty' } };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: { code: 'file.tooLarge', maxMegabytes: MAX_FILE_BYTES / 1024 / 1024 } };
  const kind = fileKind(name, bytes);
  if (!kind) return { ok: false, problem: { code: 'file.type' } };
  const reading = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  if (!reading.ok) return reading;
  const rows = reading.rows.filter((r) => r.cells.some((c) => typeof c !== 'string' || c.trim() !== ''));
  if (rows.length <= 1) return { ok: false, problem: { code: 'file.empty' } };
  if (rows.length - 1 > MAX_DATA_ROWS) return { ok: false, problem: { code: 'file.tooManyRows', max: MAX_DATA_ROWS } };
  return { ok: true, kind, rows };
}

function readCsv(bytes: Uint8Array): TableReading {
  const { text } = decodeCsvBytes(bytes);
  // Excel in some locales separates with semicolons or tabs; the header line tells which.
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  try {
    const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as {
      record: string[];
      info: { lines: number; records: number };
    }[];
    // csv-parse reports the line a record ends on; a record with line breaks inside quotes starts earlier.
    return {
      ok: true,
      kind: 'csv',
      rows: records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0), cells: record })),
    };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problem: { code: 'file.unreadable', line: typeof line === 'number' ? line : null } };
  }
}

function cellOf(cell: ExcelJS.Cell): TableCell {
  let value: ExcelJS.CellValue = cell.value;
  if (value && typeof value === 'object' && 'result' in value) value = (value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return { date: value };
  if (typeof value === 'number') return { number: value, percent: /%/.test(cell.numFmt ?? '') };
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && 'error' in value) return '';
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<TableReading> {
  // Counted in the zip before exceljs builds the workbook in memory. Header plus MAX_DATA_ROWS,
  // with as many again for blank formatted rows (Excel writes <row> for those; they are dropped).
  const limit = xlsxLimitProblem(bytes, 2 * MAX_DATA_ROWS + 1);
  if (limit?.code === 'tooManyRows') return { ok: false, problem: { code: 'file.tooManyRows', max: MAX_DATA_ROWS } };
  if (limit?.code === 'tooLarge') return { ok: false, problem: { code: 'file.tooLarge', maxMegabytes: MAX_UNPACKED_BYTES / 1024 / 1024 } };
  if (limit) return { ok: false, problem: { code: 'file.unreadable', line: null } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { ok: false, problem: { code: 'file.unreadable', line: null } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: { code: 'file.empty' } };
  if (sheet.rowCount - 1 > MAX_DATA_ROWS) return { ok: false, problem: { code: 'file.tooManyRows', max: MAX_DATA_ROWS } };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TableCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c)));
    rows.push({ line: rowNumber, cells });
  });
  return { ok: true, kind: 'xlsx', rows };
}
