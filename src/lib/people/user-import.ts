/**
 * Importing people from a CSV file: reading the file (RFC 4180, as Excel and WPS save it) and
 * checking each row. Pure, so the browser can read the file for the progress display and the
 * server can check every row again before anything is written.
 *
 * Columns (header row required, any order, names case-insensitive; other columns are ignored):
 *   email  — required, unique
 *   name   — required, at most 100 characters
 *   role   — learner | trainer | manager | admin (or 学员 | 培训师 | 经理 | 管理员); blank = learner
 *   level  — a level id from content/levels (e.g. junior) or its name (初级销售 / Junior sales); blank = the entry level
 *   team   — a team id or name; blank = no team
 *   employee_number — optional column (also "employee number", 工号): the HR/CRM number KPI files name people by
 */
// The browser build: this module also runs in the import page's island, where Node's Buffer is missing.
import { parse, type Options } from 'csv-parse/browser/esm/sync';
import { hasHiddenCharacters } from '../forms/typed-text';
import type { Role } from '../../../db/schema';

// Spelled out rather than imported: this module runs in the browser, which must not load the schema.
const roles = ['learner', 'trainer', 'manager', 'admin'] as const satisfies readonly Role[];

export const importColumns = ['email', 'name', 'role', 'level', 'team'] as const;
export type ImportColumn = (typeof importColumns)[number];

/** One data row as written in the file, with the line it starts on (the header is line 1). */
export interface RawImportRow {
  line: number;
  email: string;
  name: string;
  role: string;
  level: string;
  team: string;
  /** Present when the file has an employee-number column. */
  employeeNumber?: string;
}

export interface ValidImportRow {
  line: number;
  email: string;
  name: string;
  role: Role;
  levelId: string;
  teamId: string | null;
  employeeNumber: string | null;
}

export type RowProblemCode =
  | 'email.missing'
  | 'email.invalid'
  | 'email.duplicate'
  | 'email.taken'
  | 'name.missing'
  | 'name.tooLong'
  | 'name.hidden'
  | 'role.unknown'
  | 'level.unknown'
  | 'team.unknown'
  | 'employee.invalid'
  | 'employee.duplicate'
  | 'employee.taken'
  | 'row.failed';

export interface RowProblem {
  field: ImportColumn | 'employeeNumber' | 'row';
  code: RowProblemCode;
  value: string;
}

export type RowCheck = { ok: true; row: ValidImportRow } | { ok: false; line: number; email: string; problems: RowProblem[] };

export type FileProblem =
  | { code: 'file.empty' }
  | { code: 'file.unclosedQuote'; line: number }
  | { code: 'file.unreadable'; line: number }
  | { code: 'file.missingColumns'; columns: ImportColumn[] }
  | { code: 'file.tooManyRows'; max: number };

export const MAX_IMPORT_ROWS = 20_000;
/** Rows per upload request: well inside the actions' 64 KB body limit, large enough to move quickly. */
export const IMPORT_BATCH_SIZE = 100;
export const MAX_NAME_LENGTH = 100;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const EMPLOYEE_COLUMN_NAMES = ['employeenumber', 'employeeno', 'employeeid', '工号', '员工编号'];
/** Employee numbers as HR systems print them: letters, digits, hyphens; compared in upper case. */
const EMPLOYEE_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export function normaliseImportEmployeeNumber(text: string | undefined): string {
  return (text ?? '').normalize('NFKC').trim().toUpperCase();
}

export interface CsvRecord {
  /** The line the record starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export type CsvReading = { ok: true; records: CsvRecord[] } | { ok: false; problem: { code: 'file.unclosedQuote' | 'file.unreadable'; line: number } };

// Files come from Excel, WPS, Numbers and hand editors: any line end, quotes where they should not
// be, spaces around quoted cells. All of that is read rather than refused; only a quote that never
// closes (which would swallow the rest of the file) stops the import.
const csvOptions: Options = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  trim: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
};

const lineBreaks = (cell: string) => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Splits CSV text (RFC 4180, as Excel and WPS save it) into records of cells with csv-parse. Each
 * record carries the line it starts on, counting line breaks inside quoted cells, so the report
 * can point at the line a person sees in their editor.
 */
export function parseCsv(text: string): CsvReading {
  const parsed: string[][] = [];
  const lineAfter = () => parsed.reduce((line, cells) => line + 1 + cells.reduce((n, c) => n + lineBreaks(c), 0), 1);
  try {
    parse(text, { ...csvOptions, on_record: (record: string[]) => (parsed.push(record), record) });
  } catch (error) {
    const code = (error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? 'file.unclosedQuote' : 'file.unreadable';
    return { ok: false, problem: { code, line: lineAfter() } };
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of parsed) {
    records.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + lineBreaks(c), 0);
  }
  return { ok: true, records };
}

/** Reads an import file into raw rows, or says why the file as a whole cannot be used. */
export function readImportFile(text: string, maxRows = MAX_IMPORT_ROWS): { ok: true; rows: RawImportRow[] } | { ok: false; problem: FileProblem } {
  const reading = parseCsv(text);
  if (!reading.ok) return { ok: false, problem: reading.problem };
  const nonEmpty = reading.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = nonEmpty;
  if (!header) return { ok: false, problem: { code: 'file.empty' } };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = importColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, problem: { code: 'file.missingColumns', columns: missing } };
  if (data.length > maxRows) return { ok: false, problem: { code: 'file.tooManyRows', max: maxRows } };
  const index = Object.fromEntries(importColumns.map((c) => [c, names.indexOf(c)])) as Record<ImportColumn, number>;
  const employeeColumn = names.findIndex((n) => EMPLOYEE_COLUMN_NAMES.includes(n.normalize('NFKC').replace(/[\s_-]/g, '')));
  const rows = data.map(({ line, cells }) => {
    const at = (c: ImportColumn) => (cells[index[c]] ?? '').trim();
    const row: RawImportRow = { line, email: at('email'), name: at('name'), role: at('role'), level: at('level'), team: at('team') };
    if (employeeColumn >= 0) row.employeeNumber = (cells[employeeColumn] ?? '').trim();
    return row;
  });
  return { ok: true, rows };
}

/** Names the server knows things by, all keys lower-cased: id or name → id. */
export interface ImportLookups {
  levels: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  defaultLevelId: string;
}

const roleNames: Record<string, Role> = { 学员: 'learner', 培训师: 'trainer', 经理: 'manager', 管理员: 'admin' };

function roleFrom(value: string): Role | null {
  if (value === '') return 'learner';
  const lower = value.toLowerCase();
  return (roles as readonly string[]).includes(lower) ? (lower as Role) : (roleNames[value] ?? null);
}

export function normaliseImportEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** Checks one row against the known levels and teams; every problem is reported, not only the first. */
export function checkImportRow(raw: RawImportRow, lookups: ImportLookups): RowCheck {
  const problems: RowProblem[] = [];
  const email = normaliseImportEmail(raw.email);
  if (email === '') problems.push({ field: 'email', code: 'email.missing', value: raw.email });
  else if (email.length > 254 || !EMAIL.test(email)) problems.push({ field: 'email', code: 'email.invalid', value: raw.email });
  const name = raw.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'name.missing', value: raw.name });
  else if ([...name].length > MAX_NAME_LENGTH) problems.push({ field: 'name', code: 'name.tooLong', value: raw.name });
  else if (hasHiddenCharacters(name)) problems.push({ field: 'name', code: 'name.hidden', value: raw.name });
  const role = roleFrom(raw.role.trim());
  if (!role) problems.push({ field: 'role', code: 'role.unknown', value: raw.role });
  const levelId = raw.level.trim() === '' ? lookups.defaultLevelId : lookups.levels.get(raw.level.trim().toLowerCase());
  if (!levelId) problems.push({ field: 'level', code: 'level.unknown', value: raw.level });
  const teamKey = raw.team.trim().toLowerCase();
  const teamId = teamKey === '' ? null : (lookups.teams.get(teamKey) ?? undefined);
  if (teamId === undefined) problems.push({ field: 'team', code: 'team.unknown', value: raw.team });
  const employeeNumber = normaliseImportEmployeeNumber(raw.employeeNumber);
  if (employeeNumber !== '' && !EMPLOYEE_NUMBER.test(employeeNumber)) problems.push({ field: 'employeeNumber', code: 'employee.invalid', value: raw.employeeNumber ?? '' });
  if (problems.length > 0 || !role || !levelId || teamId === undefined) return { ok: false, line: raw.line, email: raw.email, problems };
  return { ok: true, row: { line: raw.line, email, name, role, levelId, teamId, employeeNumber: employeeNumber === '' ? null : employeeNumber } };
}

/**
 * Checks a batch of rows. An email already in the database (`takenEmails`) or used by an earlier
 * row of the batch is a problem of the later row; the first row with it still lands.
 */
export function checkImportRows(
  rows: readonly RawImportRow[],
  lookups: ImportLookups,
  takenEmails: ReadonlySet<string>,
  takenEmployeeNumbers: ReadonlySet<string> = new Set(),
): RowCheck[] {
  const seen = new Set<string>();
  const seenNumbers = new Set<string>();
  return rows.map((raw) => {
    const check = checkImportRow(raw, lookups);
    const email = normaliseImportEmail(raw.email);
    const duplicate: RowProblem | null = takenEmails.has(email)
      ? { field: 'email', code: 'email.taken', value: raw.email }
      : seen.has(email)
        ? { field: 'email', code: 'email.duplicate', value: raw.email }
        : null;
    if (email !== '') seen.add(email);
    const number = normaliseImportEmployeeNumber(raw.employeeNumber);
    const numberTaken: RowProblem | null =
      number === '' ? null
      : takenEmployeeNumbers.has(number) ? { field: 'employeeNumber', code: 'employee.taken', value: raw.employeeNumber ?? '' }
      : seenNumbers.has(number) ? { field: 'employeeNumber', code: 'employee.duplicate', value: raw.employeeNumber ?? '' }
      : null;
    if (number !== '') seenNumbers.add(number);
    const extra = [duplicate, numberTaken].filter((p): p is RowProblem => p !== null);
    if (extra.length === 0) return check;
    return { ok: false, line: raw.line, email: raw.email, problems: [...extra, ...(check.ok ? [] : check.problems)] };
  });
}

/** Lookup maps from levels and teams, keyed by lower-cased id and every name. */
export function importLookups(
  levels: readonly { id: string; order: number; names: readonly string[] }[],
  teams: readonly { id: string; name: string }[],
): ImportLookups {
  const levelMap = new Map<string, string>();
  for (const l of levels) for (const key of [l.id, ...l.names]) levelMap.set(key.trim().toLowerCase(), l.id);
  const teamMap = new Map<string, string>();
  for (const t of teams) {
    teamMap.set(t.name.trim().toLowerCase(), t.id);
    teamMap.set(t.id.toLowerCase(), t.id);
  }
  const entry = [...levels].sort((a, b) => a.order - b.order)[0];
  return { levels: levelMap, teams: teamMap, defaultLevelId: entry?.id ?? 'junior' };
}

/**
 * Splits rows into upload batches of at most `maxRows` rows and about `maxBytes` of JSON each, so
 * progress moves steadily and no request outgrows the server's body limit, even with long cells.
 */
export function batches<T>(items: readonly T[], maxRows: number, maxBytes = 48 * 1024): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = new TextEncoder().encode(JSON.stringify(item)).length + 1;
    if (current.length > 0 && (current.length >= maxRows || size + itemSize > maxBytes)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) out.push(current);
  return out;
}
