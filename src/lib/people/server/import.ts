/**
 * Lands one batch of CSV rows. Every row is checked again here (the browser's reading is only for
 * the progress display), then each valid row is written in its own transaction: the account, its
 * team membership and its audit row land together or not at all, and one row's failure (say, an
 * email taken a moment ago by someone else) never undoes another row. Imported accounts have no
 * password until the person uses an invite link.
 */
import type { Database } from '../../platform/server/db';
import { checkImportRows, normaliseImportEmployeeNumber, type ImportLookups, type RawImportRow, type RowProblem } from '../user-import';
import { existingEmails, existingEmployeeNumbers, insertUserWithAudit } from './admin-users';

export type ImportRowOutcome =
  | { line: number; email: string; status: 'created'; userId: string }
  | { line: number; email: string; status: 'failed'; problems: RowProblem[] };

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? '') + String(error);
  return /UNIQUE constraint failed/i.test(text);
}

export async function importUserRows(
  db: Database,
  actorId: string,
  rows: readonly RawImportRow[],
  lookups: ImportLookups,
  now: Date,
): Promise<ImportRowOutcome[]> {
  const emails = rows.map((r) => r.email.trim().toLowerCase()).filter((e) => e !== '');
  const numbers = rows.map((r) => normaliseImportEmployeeNumber(r.employeeNumber)).filter((n) => n !== '');
  const checks = checkImportRows(rows, lookups, await existingEmails(db, emails), await existingEmployeeNumbers(db, numbers));
  const outcomes: ImportRowOutcome[] = [];
  for (const check of checks) {
    if (!check.ok) {
      outcomes.push({ line: check.line, email: check.email, status: 'failed', problems: check.problems });
      continue;
    }
    const { row } = check;
    try {
      const userId = await db.transaction((tx) =>
        insertUserWithAudit(
          tx,
          actorId,
          { email: row.email, name: row.name, role: row.role, levelId: row.levelId, teamId: row.teamId, locale: 'zh', passwordHash: null, employeeNumber: row.employeeNumber },
          'user.imported',
          now,
        ),
      );
      outcomes.push({ line: row.line, email: row.email, status: 'created', userId });
    } catch (error) {
      const problem: RowProblem = isUniqueViolation(error)
        ? /employee_number/.test(String((error as { cause?: unknown })?.cause ?? '') + String(error))
          ? { field: 'employeeNumber', code: 'employee.taken', value: row.employeeNumber ?? '' }
          : { field: 'email', code: 'email.taken', value: row.email }
        : { field: 'row', code: 'row.failed', value: '' };
      outcomes.push({ line: row.line, email: row.email, status: 'failed', problems: [problem] });
    }
  }
  return outcomes;
}
