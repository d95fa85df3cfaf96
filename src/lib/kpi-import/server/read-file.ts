/**
 * Reading a KPI file end to end, without a database: bytes → table → header → checked rows.
 * A file-level problem (wrong type, too large, no header) stops the reading; row problems are
 * listed with their lines and the good rows still shown, but nothing is written while any remain.
 */
import { checkKpiRows, readHeader, type KpiColumn, type KpiImportRow, type KpiRowProblem, type PeopleLookup } from '../rows';
import { readTable, type FileProblem } from './table';

export type KpiFileReading =
  | { ok: true; kind: 'csv' | 'xlsx'; rows: KpiImportRow[]; problems: KpiRowProblem[]; dataRows: number }
  | { ok: false; problem: FileProblem };

export async function readKpiFile(name: string, bytes: Uint8Array, people: PeopleLookup, zone: string, now: Date = new Date()): Promise<KpiFileReading> {
  const table = await readTable(name, bytes);
  if (!table.ok) return table;
  const header = readHeader(table.rows[0]!.cells);
  if (!header.ok) return { ok: false, problem: { code: 'file.missingColumns', columns: header.missing as KpiColumn[] } };
  const { rows, problems } = checkKpiRows(table.rows, header.columns, people, zone, now);
  return { ok: true, kind: table.kind, rows, problems, dataRows: table.rows.length - 1 };
}

export type { FileProblem } from './table';
export { MAX_DATA_ROWS, MAX_FILE_BYTES } from './table';
export { kpiKey, planKpiRows, normaliseEmployeeNumber, type KpiImportRow, type KpiRowProblem, type PlannedRow, type PeopleLookup } from '../rows';
