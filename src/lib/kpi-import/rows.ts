/**
 * Checks the rows of a KPI file and says, for each bad one, its line and why. Pure: the server
 * passes in who may be named (the uploader's team, or everyone for an admin), so the same check
 * runs in unit tests without a database.
 *
 * Columns (header row required, any order, names in English or Chinese, case and spacing ignored;
 * other columns are ignored):
 *   email / 邮箱, or employee number / 工号 — who (at least one column; both must agree when both are filled)
 *   kpi / 指标 — a KPI id (target-attainment …) or its name in either language
 *   value / 数值 — in percent: 104, 104%, １０４．５, 1,040 (thousands separators), or a percentage cell
 *   period / 期间 — see period.ts
 */
import { kpiMetricIds, type KpiMetric } from '../../schemas/level';
import { readNumber } from '../numbers/read-number';
import { periodOutOfWindow, readPeriod } from './period';
import type { TableCell, TableRow } from './server/table';

export type KpiColumn = 'email' | 'employee' | 'kpi' | 'value' | 'period';

const HEADER_NAMES: Record<KpiColumn, readonly string[]> = {
  email: ['email', 'e-mail', 'mail', 'emailaddress', '邮箱', '电子邮箱', '邮件', '邮箱地址', '电子邮件'],
  employee: ['employeenumber', 'employeeno', 'employeeid', 'employee', 'staffno', 'staffid', 'empno', 'empid', '工号', '员工编号', '员工号', '员工工号', '职工号'],
  kpi: ['kpi', 'kpikey', 'kpiid', 'metric', 'indicator', '指标', 'kpi指标', '指标代码', '指标名称', '考核指标'],
  value: ['value', 'valuepercent', 'actual', 'result', '值', '数值', '完成值', '结果', '实际值', '完成率'],
  period: ['period', 'month', 'date', '期间', '周期', '月份', '考核期', '考核周期', '日期', '统计期间'],
};

const folded = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s_\-().:#*]/g, '');

/** Names people and CRMs give each KPI, beside its id and its names on screen. */
const KPI_ALIASES: Record<KpiMetric, readonly string[]> = {
  'target-attainment': ['target-attainment', 'targetattainment', 'attainment', 'target', 'quotaattainment', '销售目标达成率', '目标达成率', '达成率', 'sales target attainment'],
  'customer-satisfaction': ['customer-satisfaction', 'customersatisfaction', 'csat', 'satisfaction', '客户满意度', '满意度'],
  'lead-conversion': ['lead-conversion', 'leadconversion', 'conversion', 'lead conversion rate', 'conversionrate', '线索转化率', '转化率'],
  'growth-rate': ['growth-rate', 'growthrate', 'growth', '业绩增长率', '增长率', 'revenuegrowth'],
};
const kpiByName = new Map<string, KpiMetric>(kpiMetricIds.flatMap((id) => KPI_ALIASES[id].map((a) => [folded(a), id] as const)));

export function readKpiKey(text: string): KpiMetric | null {
  return kpiByName.get(folded(text)) ?? null;
}

/** The same bounds as a KPI typed on the person's page (actions/team.ts). */
export const MIN_VALUE = -100;
export const MAX_VALUE = 1000;

export type KpiRowProblemCode =
  | 'person.missing'
  | 'person.unknown'
  | 'person.mismatch'
  | 'kpi.missing'
  | 'kpi.unknown'
  | 'value.missing'
  | 'value.unreadable'
  | 'value.range'
  | 'period.missing'
  | 'period.unreadable'
  | 'period.outOfRange'
  | 'row.conflict';

export interface KpiRowProblem {
  line: number;
  code: KpiRowProblemCode;
  /** The cell as written (or the other line, for a conflict), to show beside the reason. */
  value: string;
}

export interface KpiImportRow {
  line: number;
  userId: string;
  metric: KpiMetric;
  valuePercent: number;
  period: string;
}

export type HeaderReading = { ok: true; columns: Partial<Record<KpiColumn, number>> } | { ok: false; missing: KpiColumn[] };

export function readHeader(cells: readonly TableCell[]): HeaderReading {
  const columns: Partial<Record<KpiColumn, number>> = {};
  cells.forEach((cell, index) => {
    const name = folded(cellText(cell));
    const column = (Object.keys(HEADER_NAMES) as KpiColumn[]).find((c) => HEADER_NAMES[c].some((n) => folded(n) === name));
    if (column && columns[column] === undefined) columns[column] = index;
  });
  const missing: KpiColumn[] = [];
  if (columns.email === undefined && columns.employee === undefined) missing.push('email', 'employee');
  for (const c of ['kpi', 'value', 'period'] as const) if (columns[c] === undefined) missing.push(c);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

/** A cell as text, for messages and for text columns. */
export function cellText(cell: TableCell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if ('date' in cell) return cell.date.toISOString().slice(0, 10);
  return cell.percent ? `${roundOff(cell.number * 100)}%` : String(cell.number);
}

const roundOff = (n: number) => Number.parseFloat(n.toPrecision(12));

/** A value in percent: a percentage cell (0.95 shown as 95%) is 95; typed text goes through the one number reader. */
export function readValue(cell: TableCell | undefined): { ok: true; value: number } | { ok: false; code: 'value.missing' | 'value.unreadable' } {
  if (cell === undefined) return { ok: false, code: 'value.missing' };
  if (typeof cell === 'object') {
    if ('date' in cell) return { ok: false, code: 'value.unreadable' };
    return { ok: true, value: cell.percent ? roundOff(cell.number * 100) : cell.number };
  }
  const reading = readNumber(cell, '%');
  if (reading.ok) return reading;
  return { ok: false, code: reading.problem === 'empty' ? 'value.missing' : 'value.unreadable' };
}

/** Who may be named: by lower-case email and by employee number, each to a person id. */
export interface PeopleLookup {
  byEmail: ReadonlyMap<string, string>;
  byEmployeeNumber: ReadonlyMap<string, string>;
}

export const normaliseEmployeeNumber = (text: string) => text.normalize('NFKC').trim().toUpperCase();

export interface RowsCheck {
  rows: KpiImportRow[];
  problems: KpiRowProblem[];
}

/**
 * Every data row (the first row is the header) either becomes a KPI row or a problem. Two rows for
 * the same person, KPI and period with different values conflict (which one is meant?); the same
 * row twice is read once.
 */
export function checkKpiRows(table: readonly TableRow[], columns: Partial<Record<KpiColumn, number>>, people: PeopleLookup, zone: string, now: Date = new Date()): RowsCheck {
  const rows: KpiImportRow[] = [];
  const problems: KpiRowProblem[] = [];
  const seen = new Map<string, KpiImportRow>();
  const at = (row: TableRow, column: KpiColumn) => (columns[column] === undefined ? undefined : row.cells[columns[column]!]);
  for (const row of table.slice(1)) {
    const before = problems.length;
    const problem = (code: KpiRowProblemCode, value: string) => problems.push({ line: row.line, code, value });

    const email = cellText(at(row, 'email')).normalize('NFKC').toLowerCase();
    const employee = normaliseEmployeeNumber(cellText(at(row, 'employee')));
    const byEmail = email ? people.byEmail.get(email) : undefined;
    const byNumber = employee ? people.byEmployeeNumber.get(employee) : undefined;
    let userId: string | undefined;
    if (!email && !employee) problem('person.missing', '');
    else if ((email && !byEmail) || (employee && !byNumber)) problem('person.unknown', email && !byEmail ? email : employee);
    else if (byEmail && byNumber && byEmail !== byNumber) problem('person.mismatch', `${email} · ${employee}`);
    else userId = byEmail ?? byNumber;

    const kpiText = cellText(at(row, 'kpi'));
    const metric = kpiText ? readKpiKey(kpiText) : null;
    if (!kpiText) problem('kpi.missing', '');
    else if (!metric) problem('kpi.unknown', kpiText);

    const value = readValue(at(row, 'value'));
    if (!value.ok) problem(value.code, cellText(at(row, 'value')));
    else if (value.value < MIN_VALUE || value.value > MAX_VALUE) problem('value.range', cellText(at(row, 'value')));

    const periodCell = at(row, 'period');
    const period = periodCell === undefined || cellText(periodCell) === '' ? null : readPeriod(periodCell, zone);
    if (periodCell === undefined || cellText(periodCell) === '') problem('period.missing', '');
    else if (!period) problem('period.unreadable', cellText(periodCell));
    // A period that parses but cannot be meant (2099-05; 99999 read as an Excel day in 2173).
    else if (periodOutOfWindow(period, now, zone)) problem('period.outOfRange', cellText(periodCell) === period ? period : `${cellText(periodCell)} → ${period}`);

    if (problems.length > before || !userId || !metric || !value.ok || !period) continue;
    const checked: KpiImportRow = { line: row.line, userId, metric, valuePercent: value.value, period };
    const key = `${userId}\u0000${metric}\u0000${period}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.valuePercent !== checked.valuePercent) problem('row.conflict', String(earlier.line));
      continue;
    }
    seen.set(key, checked);
    rows.push(checked);
  }
  return { rows, problems };
}

/** What confirming would do to one row: a new period, a changed value, or nothing. */
export interface PlannedRow extends KpiImportRow {
  before: number | null;
  status: 'new' | 'changed' | 'same';
}

/** `current` holds the latest recorded value per person, KPI and period (key as in `kpiKey`). */
export function planKpiRows(rows: readonly KpiImportRow[], current: ReadonlyMap<string, number>): PlannedRow[] {
  return rows.map((row) => {
    const before = current.get(kpiKey(row)) ?? null;
    return { ...row, before, status: before === null ? 'new' : before === row.valuePercent ? 'same' : 'changed' };
  });
}

export const kpiKey = (row: { userId: string; metric: string; period: string }) => `${row.userId}\u0000${row.metric}\u0000${row.period}`;
