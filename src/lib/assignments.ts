/** Assigned courses and modules: when one is done, and when it is overdue. Pure. */
import type { CurriculumIndex } from './readiness';

export type AssignmentTargetType = 'course' | 'module';
export type AssignmentStatus = 'done' | 'overdue' | 'open';

export interface AssignmentInput {
  targetType: AssignmentTargetType;
  targetId: string;
  dueAt: Date;
}

export interface AssignmentProgress {
  done: number;
  total: number;
  /** When the last required module was completed, once all are. */
  completedAt: Date | null;
  status: AssignmentStatus;
  /** Done, but after the due date. */
  late: boolean;
}

export function assignmentModules(a: AssignmentInput, curriculum: CurriculumIndex): readonly string[] {
  return a.targetType === 'course' ? (curriculum.courseModules.get(a.targetId) ?? []) : [a.targetId];
}

/** Where one assignment stands: done once every module of its target is complete, overdue after its due time. */
export function assignmentProgress(
  a: AssignmentInput,
  completions: ReadonlyMap<string, Date>,
  curriculum: CurriculumIndex,
  now: Date,
): AssignmentProgress {
  const modules = assignmentModules(a, curriculum);
  const times = modules.map((m) => completions.get(m));
  const done = times.filter((t) => t !== undefined).length;
  const complete = done === modules.length;
  const completedAt = complete && modules.length > 0 ? new Date(Math.max(...times.map((t) => t!.getTime()))) : null;
  const status: AssignmentStatus = complete ? 'done' : now.getTime() > a.dueAt.getTime() ? 'overdue' : 'open';
  return { done, total: modules.length, completedAt, status, late: completedAt !== null && completedAt.getTime() > a.dueAt.getTime() };
}

// The company works on China Standard Time (UTC+8, no daylight saving): a due date means the end
// of that working day there, wherever the server runs.
const COMPANY_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
export const COMPANY_TIME_ZONE = 'Asia/Shanghai';

/** "2026-07-01" → the last millisecond of 1 July 2026 in company time; null for anything else. */
export function dueAtFromDate(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const startUtc = Date.UTC(year, month - 1, day);
  const check = new Date(startUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(startUtc + 24 * 60 * 60 * 1000 - 1 - COMPANY_UTC_OFFSET_MS);
}

/** The company-time calendar date of an instant, as "YYYY-MM-DD" (for date inputs). */
export function companyDate(at: Date): string {
  return new Date(at.getTime() + COMPANY_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
