/**
 * The server side of KPI import: who the uploader may name, what each row would change, the draft
 * kept between preview and confirmation, and the one transaction that writes every row with its
 * audit entry. A file with any bad row is never stored as a draft, so it cannot be confirmed.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { auditLog, kpiEvidence, kpiImportDrafts, teamMembers, users } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import type { Actor } from '../../people/server/team-scope';
import { kpiKey, normaliseEmployeeNumber, planKpiRows, readKpiFile, type KpiFileReading, type KpiImportRow, type KpiRowProblem, type PeopleLookup, type PlannedRow } from './read-file';

/** How long a preview can be confirmed: time to read it, short enough that the numbers are still today's. */
export const DRAFT_TTL_MS = 30 * 60_000;

export class KpiImportError extends Error {
  constructor(readonly code: 'expired' | 'stale' | 'forbidden', message: string) {
    super(message);
    this.name = 'KpiImportError';
  }
}

const managedTeamIds = (managerId: string) => sql`(
  WITH RECURSIVE managed(id) AS (
    SELECT id FROM teams WHERE manager_id = ${managerId}
    UNION
    SELECT t.id FROM teams t JOIN managed m ON t.parent_team_id = m.id
  )
  SELECT id FROM managed)`;

/**
 * The people the actor may record KPIs for, as the team pages decide (team-scope.ts): an admin
 * everyone but themselves, a manager the members of the teams they lead. Anyone else is "not
 * found", so a file cannot be used to probe who exists outside one's team.
 */
export async function peopleFor(db: Pick<Database, 'select'>, actor: Actor): Promise<PeopleLookup & { ids: Set<string> }> {
  const columns = { id: users.id, email: users.email, employeeNumber: users.employeeNumber };
  const rows =
    actor.role === 'admin'
      ? await db.select(columns).from(users)
      : actor.role === 'manager'
        ? await db.select(columns).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(inArray(teamMembers.teamId, managedTeamIds(actor.id)))
        : [];
  const mine = rows.filter((r) => r.id !== actor.id);
  return {
    ids: new Set(mine.map((r) => r.id)),
    byEmail: new Map(mine.map((r) => [r.email.toLowerCase(), r.id])),
    byEmployeeNumber: new Map(mine.filter((r) => r.employeeNumber).map((r) => [normaliseEmployeeNumber(r.employeeNumber!), r.id])),
  };
}

/** The latest recorded value of every (person, KPI, period) the rows name. */
async function currentValues(db: Pick<Database, 'select'>, rows: readonly KpiImportRow[]): Promise<Map<string, number>> {
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const current = new Map<string, { value: number; at: number }>();
  // SQLite allows some thousands of bound values per statement; ask in slices.
  for (let i = 0; i < userIds.length; i += 500) {
    const found = await db
      .select({ userId: kpiEvidence.userId, metric: kpiEvidence.metric, period: kpiEvidence.period, value: kpiEvidence.valuePercent, at: kpiEvidence.recordedAt })
      .from(kpiEvidence)
      .where(inArray(kpiEvidence.userId, userIds.slice(i, i + 500)));
    for (const f of found) {
      const key = kpiKey(f);
      const known = current.get(key);
      if (!known || f.at.getTime() >= known.at) current.set(key, { value: f.value, at: f.at.getTime() });
    }
  }
  return new Map([...current].map(([k, v]) => [k, v.value]));
}

export type KpiPreview =
  | { ok: false; reading: Extract<KpiFileReading, { ok: false }> }
  | { ok: true; kind: 'csv' | 'xlsx'; dataRows: number; planned: PlannedRow[]; problems: KpiRowProblem[]; draftId: string | null; fileHash: string };

/** A file name fit for a note and the audit log: no control or direction-changing characters, at most 200 characters. */
const plainFileName = (name: string) => [...name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')].slice(0, 200).join('') || 'upload';

export const fileHashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads and checks the file and works out every row's before → after. When there is something to
 * write and no bad row, keeps the checked rows as a draft the same actor may confirm.
 */
export async function previewKpiImport(db: Database, actor: Actor, fileName: string, bytes: Uint8Array, zone: string, now: Date): Promise<KpiPreview> {
  const people = await peopleFor(db, actor);
  const reading = await readKpiFile(fileName, bytes, people, zone, now);
  if (!reading.ok) return { ok: false, reading };
  const planned = planKpiRows(reading.rows, await currentValues(db, reading.rows));
  const fileHash = fileHashOf(bytes);
  let draftId: string | null = null;
  if (reading.problems.length === 0 && planned.some((p) => p.status !== 'same')) {
    draftId = crypto.randomUUID();
    // Expired drafts of anyone are cleared on the way; they hold KPI figures nobody needs any more.
    await db.delete(kpiImportDrafts).where(lt(kpiImportDrafts.expiresAt, now));
    await db.insert(kpiImportDrafts).values({ id: draftId, actorId: actor.id, fileName: plainFileName(fileName), fileHash, rows: reading.rows, createdAt: now, expiresAt: new Date(now.getTime() + DRAFT_TTL_MS) });
  }
  return { ok: true, kind: reading.kind, dataRows: reading.dataRows, planned, problems: reading.problems, draftId, fileHash };
}

/**
 * Writes a previewed file: every new or changed row, each with its audit entry ('kpi.recorded',
 * as for evidence typed on the person's page, marked with the file and line), in one transaction.
 * Values are compared again inside it, so a second confirmation, or the same file uploaded again,
 * writes nothing. Anyone who left the actor's teams since the preview refuses the whole file.
 */
export async function confirmKpiImport(db: Database, actor: Actor, draftId: string, fileHash: string, now: Date): Promise<{ written: number; unchanged: number }> {
  return db.transaction(async (tx) => {
    const draft = await tx
      .select()
      .from(kpiImportDrafts)
      .where(and(eq(kpiImportDrafts.id, draftId), eq(kpiImportDrafts.actorId, actor.id), eq(kpiImportDrafts.fileHash, fileHash), gt(kpiImportDrafts.expiresAt, now)))
      .get();
    if (!draft) throw new KpiImportError('expired', 'This preview has expired or was already confirmed; upload the file again.');
    const rows = draft.rows as KpiImportRow[];
    const people = await peopleFor(tx, actor);
    if (rows.some((r) => !people.ids.has(r.userId))) throw new KpiImportError('stale', 'Someone in the file is no longer in your teams; upload the file again.');
    const planned = planKpiRows(rows, await currentValues(tx, rows)).filter((p) => p.status !== 'same');
    const note = `import: ${draft.fileName}`.slice(0, 500);
    for (let i = 0; i < planned.length; i += 200) {
      const slice = planned.slice(i, i + 200);
      const evidence = slice.map((p) => ({ id: crypto.randomUUID(), userId: p.userId, metric: p.metric, valuePercent: p.valuePercent, period: p.period, note, recordedBy: actor.id, recordedAt: now }));
      await tx.insert(kpiEvidence).values(evidence);
      await tx.insert(auditLog).values(
        slice.map((p) => ({
          actorId: actor.id,
          action: 'kpi.recorded',
          subjectUserId: p.userId,
          before: p.before === null ? null : { metric: p.metric, valuePercent: p.before, period: p.period },
          after: { metric: p.metric, valuePercent: p.valuePercent, period: p.period, note, line: p.line },
          at: now,
        })),
      );
    }
    await tx.delete(kpiImportDrafts).where(eq(kpiImportDrafts.id, draftId));
    return { written: planned.length, unchanged: rows.length - planned.length };
  });
}
