/**
 * Promotion readiness: where one person stands against the criteria of the next rung of the
 * ladder. Pure: the level, the person's record, the curriculum and the time in; a verdict out.
 */
import type { KpiMetric, LevelCriteria } from '../../schemas/level';
import { newerFirst } from './periods';
import { levelStints, timeInLevels, type PromotionStep } from './level-history';
import { addMonths, wholeMonthsBetween } from './tenure';
import { retentionOver30Days } from '../boosters/retention';
import { rubricStanding, type ObservationRecord } from './rubric';

export { addMonths, wholeMonthsBetween } from './tenure';
export { levelStints, timeInLevels, type LevelStint, type PromotionStep, type TimeInLevels } from './level-history';
export { isPeriod, newerFirst, periodEnd, PERIOD_PATTERN } from './periods';
export { latestFirst, rubricStanding, type ObservationRecord, type RubricStanding } from './rubric';

/** What the engine needs of the curriculum: which modules make a course, which quiz checks a module. */
export interface CurriculumIndex {
  /** Module ids ("course/module") of each course, in course order. */
  courseModules: ReadonlyMap<string, readonly string[]>;
  /** The quiz id of each module that has one. */
  moduleQuiz: ReadonlyMap<string, string>;
}

/** A learner's standing on one quiz, summarised over their attempts. */
export interface QuizScore {
  best: number;
  average: number;
  attempts: number;
  lastAt: Date;
}

/** A learner's standing on one exercise; `best` is over submitted attempts only. */
export interface ExerciseScore {
  best: number | null;
  attempts: number;
  lastAt: Date;
}

export interface KpiRecord {
  id: string;
  metric: KpiMetric;
  valuePercent: number;
  period: string;
  note: string;
  recordedAt: Date;
  recordedBy: string;
}

export interface SignOffRecord {
  id: string;
  levelId: string;
  managerId: string;
  note: string;
  at: Date;
}

/** Everything about one person that bears on promotion. */
export interface LearnerRecord {
  userId: string;
  levelId: string;
  levelSince: Date;
  completions: ReadonlyMap<string, Date>;
  quizzes: ReadonlyMap<string, QuizScore>;
  exercises: ReadonlyMap<string, ExerciseScore>;
  kpis: readonly KpiRecord[];
  signOffs: readonly SignOffRecord[];
  /** Recorded promotions, any order: the history that time across several levels is counted from. */
  promotions: readonly PromotionStep[];
  /** Booster review answers of (at least) the last 30 days; absent means none. See lib/boosters. */
  reviewAnswers?: readonly { correct: boolean; at: Date }[];
  /** Coaching observations by managers (any order); absent counts as none. */
  observations?: readonly ObservationRecord[];
}

/** A level as the engine sees it: its id and criteria (names are for pages). */
export interface TargetLevel {
  id: string;
  criteria: LevelCriteria;
}

export type CriterionStatus = 'met' | 'in-progress' | 'not-started';
export type CriterionKind = 'course' | 'module' | 'quiz' | 'exercise' | 'kpi' | 'rubric' | 'tenure' | 'sign-off' | 'retention';
export const criterionKinds: readonly CriterionKind[] = ['course', 'module', 'quiz', 'exercise', 'kpi', 'rubric', 'tenure', 'sign-off', 'retention'];

interface Common {
  /** Stable key within a level, e.g. "course:onboarding" or "kpi:growth-rate". */
  key: string;
  status: CriterionStatus;
  /** 0–1, for a progress bar: how far the value has got towards the threshold. */
  progress: number;
}

export type CriterionResult = Common &
  (
    | { kind: 'course'; courseId: string; value: number; threshold: number; completed: { moduleId: string; at: Date }[]; missing: string[] }
    | { kind: 'module'; moduleId: string; value: number; threshold: 1; completedAt: Date | null }
    | {
        kind: 'quiz';
        mode: 'best' | 'average';
        /** Mean over the quizzes in scope; a quiz not taken counts as 0. Null when no quiz is in scope. */
        value: number | null;
        threshold: number;
        quizzes: { quizId: string; moduleId: string; score: number | null; attempts: number }[];
      }
    | { kind: 'exercise'; exerciseId: string; value: number | null; threshold: number; attempts: number }
    | { kind: 'kpi'; metric: KpiMetric; value: number | null; threshold: number; latest: KpiRecord | null; history: KpiRecord[] }
    | {
        kind: 'tenure';
        value: number;
        threshold: number;
        /** Null: months at the current level (the level below the target). Else the levels whose time counts. */
        levels: string[] | null;
        since: Date;
        /** Null when the threshold is not reached and the level held now does not count, so no date can be given. */
        eligibleAt: Date | null;
      }
    | { kind: 'sign-off'; value: number; threshold: 1; signOff: SignOffRecord | null }
    | {
        kind: 'retention';
        /** Share of booster answers right over the last 30 company days, 0–1; null with no answers. */
        value: number | null;
        threshold: number;
        right: number;
        total: number;
      }
    | {
        kind: 'rubric';
        rubricId: string;
        /** Mean observed level over the latest `last` observations; null when there are none. */
        value: number | null;
        threshold: number;
        last: number;
        /** Observations counted, at most `last`. */
        counted: number;
      }
  );

export interface Readiness {
  levelId: string;
  criteria: CriterionResult[];
  met: number;
  total: number;
  /** Share of criteria met, 0–1; 1 when the level asks for nothing. */
  share: number;
  ready: boolean;
}

// Scores are stored as floats (e.g. 83.333…); a mean that should equal the threshold may land a
// hair below it, which must not cost anyone a promotion.
const EPSILON = 1e-9;
const reaches = (value: number, threshold: number) => value + EPSILON >= threshold;
const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const progressTowards = (value: number, threshold: number) => (threshold <= 0 ? (reaches(value, threshold) ? 1 : 0) : clamp01(value / threshold));

/** Every module a level requires, once each: each course's in course order, then the modules named alone. */
export function requiredModules(criteria: LevelCriteria, curriculum: CurriculumIndex): string[] {
  const all = [...criteria.courses.flatMap((c) => curriculum.courseModules.get(c) ?? []), ...criteria.modules];
  return [...new Set(all)];
}

function courseCriterion(courseId: string, record: LearnerRecord, curriculum: CurriculumIndex): CriterionResult {
  const modules = curriculum.courseModules.get(courseId) ?? [];
  const completed = modules.flatMap((moduleId) => {
    const at = record.completions.get(moduleId);
    return at ? [{ moduleId, at }] : [];
  });
  const missing = modules.filter((m) => !record.completions.has(m));
  const started = completed.length > 0 || modules.some((m) => quizAttempted(m, record, curriculum));
  return {
    kind: 'course',
    key: `course:${courseId}`,
    courseId,
    value: completed.length,
    threshold: modules.length,
    completed,
    missing,
    status: missing.length === 0 ? 'met' : started ? 'in-progress' : 'not-started',
    progress: modules.length === 0 ? 1 : completed.length / modules.length,
  };
}

function quizAttempted(moduleId: string, record: LearnerRecord, curriculum: CurriculumIndex): boolean {
  const quizId = curriculum.moduleQuiz.get(moduleId);
  return quizId !== undefined && (record.quizzes.get(quizId)?.attempts ?? 0) > 0;
}

function moduleCriterion(moduleId: string, record: LearnerRecord, curriculum: CurriculumIndex): CriterionResult {
  const completedAt = record.completions.get(moduleId) ?? null;
  return {
    kind: 'module',
    key: `module:${moduleId}`,
    moduleId,
    value: completedAt ? 1 : 0,
    threshold: 1,
    completedAt,
    status: completedAt ? 'met' : quizAttempted(moduleId, record, curriculum) ? 'in-progress' : 'not-started',
    progress: completedAt ? 1 : 0,
  };
}

function quizCriterion(
  threshold: number,
  mode: 'best' | 'average',
  modules: readonly string[],
  record: LearnerRecord,
  curriculum: CurriculumIndex,
): CriterionResult {
  const seen = new Set<string>();
  const quizzes = modules.flatMap((moduleId) => {
    const quizId = curriculum.moduleQuiz.get(moduleId);
    if (!quizId || seen.has(quizId)) return [];
    seen.add(quizId);
    const score = record.quizzes.get(quizId);
    return [{ quizId, moduleId, score: score ? (mode === 'best' ? score.best : score.average) : null, attempts: score?.attempts ?? 0 }];
  });
  const value = quizzes.length === 0 ? null : quizzes.reduce((sum, q) => sum + (q.score ?? 0), 0) / quizzes.length;
  const met = value === null || reaches(value, threshold);
  return {
    kind: 'quiz',
    key: 'quiz',
    mode,
    value,
    threshold,
    quizzes,
    status: met ? 'met' : quizzes.some((q) => q.attempts > 0) ? 'in-progress' : 'not-started',
    progress: value === null ? 1 : progressTowards(value, threshold),
  };
}

function exerciseCriterion(exerciseId: string, threshold: number, record: LearnerRecord): CriterionResult {
  const score = record.exercises.get(exerciseId);
  const value = score?.best ?? null;
  return {
    kind: 'exercise',
    key: `exercise:${exerciseId}`,
    exerciseId,
    value,
    threshold,
    attempts: score?.attempts ?? 0,
    status: value !== null && reaches(value, threshold) ? 'met' : (score?.attempts ?? 0) > 0 ? 'in-progress' : 'not-started',
    progress: value === null ? 0 : progressTowards(value, threshold),
  };
}

function kpiCriterion(metric: KpiMetric, threshold: number, record: LearnerRecord): CriterionResult {
  const history = record.kpis.filter((k) => k.metric === metric).sort(newerFirst);
  const latest = history[0] ?? null;
  const value = latest?.valuePercent ?? null;
  return {
    kind: 'kpi',
    key: `kpi:${metric}`,
    metric,
    value,
    threshold,
    latest,
    history,
    status: value !== null && reaches(value, threshold) ? 'met' : latest ? 'in-progress' : 'not-started',
    progress: value === null ? 0 : progressTowards(value, threshold),
  };
}

function tenureCriterion(threshold: number, record: LearnerRecord, now: Date, zone: string): CriterionResult {
  const value = wholeMonthsBetween(record.levelSince, now, zone);
  return {
    kind: 'tenure',
    key: 'tenure',
    value,
    threshold,
    levels: null,
    since: record.levelSince,
    eligibleAt: addMonths(record.levelSince, threshold, zone),
    // Time at a level is always under way; it is never "not started".
    status: value >= threshold ? 'met' : 'in-progress',
    progress: threshold === 0 ? 1 : clamp01(value / threshold),
  };
}

function tenureAcrossLevelsCriterion(threshold: number, levels: readonly string[], record: LearnerRecord, now: Date, zone: string): CriterionResult {
  const time = timeInLevels(levelStints(record, record.promotions), levels, threshold, now, zone);
  return {
    kind: 'tenure',
    key: `tenure:${levels.join('+')}`,
    value: time.months,
    threshold,
    levels: [...levels],
    since: time.since,
    eligibleAt: time.eligibleAt,
    status: time.months >= threshold ? 'met' : time.accruing || time.months > 0 ? 'in-progress' : 'not-started',
    progress: clamp01(time.months / threshold),
  };
}

function rubricCriterion(rubricId: string, minAverage: number, last: number, record: LearnerRecord): CriterionResult {
  const standing = rubricStanding(record.observations ?? [], rubricId, minAverage, last);
  return {
    kind: 'rubric',
    key: `rubric:${rubricId}`,
    rubricId,
    value: standing.value,
    threshold: minAverage,
    last,
    counted: standing.counted,
    status: standing.met ? 'met' : standing.counted > 0 ? 'in-progress' : 'not-started',
    progress: standing.progress,
  };
}

function signOffCriterion(levelId: string, record: LearnerRecord): CriterionResult {
  // Only a sign-off given since the person reached their current level speaks for this promotion.
  const signOff =
    record.signOffs
      .filter((s) => s.levelId === levelId && s.at.getTime() >= record.levelSince.getTime())
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null;
  return {
    kind: 'sign-off',
    key: 'sign-off',
    value: signOff ? 1 : 0,
    threshold: 1,
    signOff,
    status: signOff ? 'met' : 'not-started',
    progress: signOff ? 1 : 0,
  };
}

function retentionCriterion(threshold: number, record: LearnerRecord, now: Date, zone: string): CriterionResult {
  const { right, total, share } = retentionOver30Days(record.reviewAnswers ?? [], now, zone);
  return {
    kind: 'retention',
    key: 'retention',
    value: share,
    threshold,
    right,
    total,
    status: share !== null && reaches(share, threshold) ? 'met' : total > 0 ? 'in-progress' : 'not-started',
    progress: share === null ? 0 : progressTowards(share, threshold),
  };
}

/**
 * Each criterion of `level` against `record` at `now`, and whether all of them are met. Months at
 * a level are counted on the calendar of `zone` (the company's time zone).
 */
export function readinessFor(level: TargetLevel, record: LearnerRecord, curriculum: CurriculumIndex, now: Date, zone: string): Readiness {
  const c = level.criteria;
  const criteria: CriterionResult[] = [
    ...c.courses.map((courseId) => courseCriterion(courseId, record, curriculum)),
    ...c.modules.map((moduleId) => moduleCriterion(moduleId, record, curriculum)),
    ...(c.minQuizPercent === undefined
      ? []
      : [quizCriterion(c.minQuizPercent, c.quizScoreMode, requiredModules(c, curriculum), record, curriculum)]),
    ...c.exercises.map((e) => exerciseCriterion(e.id, e.minPercent, record)),
    ...c.kpis.map((k) => kpiCriterion(k.metric, k.minPercent, record)),
    ...(c.rubrics ?? []).map((r) => rubricCriterion(r.id, r.minAverage, r.last, record)),
    ...(c.minMonthsAtPreviousLevel > 0 ? [tenureCriterion(c.minMonthsAtPreviousLevel, record, now, zone)] : []),
    ...(c.tenure ? [tenureAcrossLevelsCriterion(c.tenure.months, c.tenure.in, record, now, zone)] : []),
    ...(c.retention ? [retentionCriterion(c.retention.min, record, now, zone)] : []),
    ...(c.managerSignOff ? [signOffCriterion(level.id, record)] : []),
  ];
  // A met criterion shows a full bar even when its value sits a rounding error under the threshold.
  for (const criterion of criteria) if (criterion.status === 'met') criterion.progress = 1;
  const met = criteria.filter((r) => r.status === 'met').length;
  const total = criteria.length;
  return { levelId: level.id, criteria, met, total, share: total === 0 ? 1 : met / total, ready: met === total };
}

/** Met and total per kind of criterion, for one row of the team matrix. */
export function metByKind(readiness: Readiness): Record<CriterionKind, { met: number; total: number }> {
  const byKind = Object.fromEntries(criterionKinds.map((k) => [k, { met: 0, total: 0 }])) as Record<CriterionKind, { met: number; total: number }>;
  for (const c of readiness.criteria) {
    byKind[c.kind].total++;
    if (c.status === 'met') byKind[c.kind].met++;
  }
  return byKind;
}

/** An empty record, for a person with no history (and as a base in tests). */
export function emptyRecord(userId: string, levelId: string, levelSince: Date): LearnerRecord {
  return { userId, levelId, levelSince, completions: new Map(), quizzes: new Map(), exercises: new Map(), kpis: [], signOffs: [], promotions: [], observations: [] };
}

/** Summarises quiz attempts the way the database does, for records built in memory. */
export function summariseQuizAttempts(attempts: readonly { quizId: string; percent: number; at: Date }[]): Map<string, QuizScore> {
  const byQuiz = new Map<string, QuizScore>();
  for (const a of attempts) {
    const s = byQuiz.get(a.quizId);
    if (!s) byQuiz.set(a.quizId, { best: a.percent, average: a.percent, attempts: 1, lastAt: a.at });
    else {
      const attempts = s.attempts + 1;
      byQuiz.set(a.quizId, {
        best: Math.max(s.best, a.percent),
        average: (s.average * s.attempts + a.percent) / attempts,
        attempts,
        lastAt: a.at > s.lastAt ? a.at : s.lastAt,
      });
    }
  }
  return byQuiz;
}
