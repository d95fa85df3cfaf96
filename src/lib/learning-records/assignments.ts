/** Assigned courses and modules: when one is done, and when it is overdue. Pure. */
import type { CurriculumIndex } from '../promotion/readiness';
import { endOfDay } from '../dates';

export type AssignmentTargetType = 'course' | 'module';
export type AssignmentStatus = 'done' | 'overdue' | 'open';

export interface AssignmentInput {
  targetType: AssignmentTargetType;
  targetId: string;
  dueAt: Date;
  /**
   * The modules the target held when it was assigned. Null (or missing) for assignments made
   * before this was recorded: those can only be judged against the target's current modules.
   */
  moduleIds?: readonly string[] | null;
}

export interface AssignmentProgress {
  done: number;
  total: number;
  /** When the last required module was completed, once all are. */
  completedAt: Date | null;
  status: AssignmentStatus;
  /** Done, but after the due date. */
  late: boolean;
  /** Modules the course has gained since it was assigned; they are not part of this assignment. */
  addedSince: number;
}

/** The modules a target holds now. */
export function currentModules(targetType: AssignmentTargetType, targetId: string, curriculum: CurriculumIndex): readonly string[] {
  return targetType === 'course' ? (curriculum.courseModules.get(targetId) ?? []) : [targetId];
}

/**
 * What an assignment asks for: the modules its target held when it was assigned, so that a trainer
 * adding a module to a course cannot turn finished, on-time work into "overdue". A module that has
 * since left the curriculum can no longer be done, so it only counts if it was done. Assignments
 * older than the snapshot fall back to the target's current modules.
 */
export function assignmentModules(a: AssignmentInput, curriculum: CurriculumIndex, completions: ReadonlyMap<string, Date> = new Map()): readonly string[] {
  if (!a.moduleIds) return currentModules(a.targetType, a.targetId, curriculum);
  const existing = new Set([...curriculum.courseModules.values()].flat());
  return a.moduleIds.filter((m) => existing.has(m) || completions.has(m));
}

/** Where one assignment stands: done once every module it asked for is complete, overdue after its due time. */
export function assignmentProgress(
  a: AssignmentInput,
  completions: ReadonlyMap<string, Date>,
  curriculum: CurriculumIndex,
  now: Date,
): AssignmentProgress {
  const modules = assignmentModules(a, curriculum, completions);
  const times = modules.map((m) => completions.get(m));
  const done = times.filter((t) => t !== undefined).length;
  const complete = done === modules.length;
  const completedAt = complete && modules.length > 0 ? new Date(Math.max(...times.map((t) => t!.getTime()))) : null;
  const status: AssignmentStatus = complete ? 'done' : now.getTime() > a.dueAt.getTime() ? 'overdue' : 'open';
  const asked = new Set(a.moduleIds ?? []);
  const addedSince = a.moduleIds ? currentModules(a.targetType, a.targetId, curriculum).filter((m) => !asked.has(m)).length : 0;
  return { done, total: modules.length, completedAt, status, late: completedAt !== null && completedAt.getTime() > a.dueAt.getTime(), addedSince };
}

/**
 * A due date as a manager picks it ("2026-07-01" from `<input type=date>`) means the end of that
 * working day in the company's zone, wherever the server runs; null for anything that is not a day.
 */
export function dueAtFromDate(date: string, zone: string): Date | null {
  return endOfDay(date, zone);
}
