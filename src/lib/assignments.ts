/** Assigned courses and modules: when one is done, and when it is overdue. Pure. */
import type { CurriculumIndex } from './readiness';
import { endOfDay } from './dates';

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

/**
 * A due date as a manager picks it ("2026-07-01" from `<input type=date>`) means the end of that
 * working day in the company's zone, wherever the server runs; null for anything that is not a day.
 */
export function dueAtFromDate(date: string, zone: string): Date | null {
  return endOfDay(date, zone);
}
