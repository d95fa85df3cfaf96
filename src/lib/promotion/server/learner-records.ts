/**
 * Loads what the readiness engine and the team pages need about people: completions, quiz and
 * exercise scores, KPI evidence, sign-offs, promotions, assignments and last activity. A team of
 * any size costs the same nine queries (one per table, every row for all the people at once), so
 * the dashboard never makes a query per person.
 */
import { and, avg, count, desc, eq, gte, inArray, max, sql } from 'drizzle-orm';
import {
  assignments,
  exerciseAttempts,
  kpiEvidence,
  learningEvents,
  moduleCompletions,
  observations,
  promotions,
  quizAttempts,
  reviewLogs,
  signOffs,
  users,
} from '../../../../db/schema';
import type { ExerciseScore, KpiRecord, LearnerRecord, QuizScore, SignOffRecord } from '../readiness';
import type { AssignmentTargetType } from '../../learning-records/assignments';
import type { Database } from '../../platform/server/db';

/** The database handle or an open transaction: records are also read inside a promotion's transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface PromotionRecord {
  id: string;
  fromLevelId: string;
  toLevelId: string;
  promotedBy: string;
  at: Date;
}

export interface AssignmentRecord {
  id: string;
  targetType: AssignmentTargetType;
  targetId: string;
  dueAt: Date;
  assignedBy: string;
  /** What the assignment asked for when it was made; null for assignments older than that record. */
  moduleIds: string[] | null;
  createdAt: Date;
}

export interface PersonRecords {
  record: LearnerRecord;
  promotions: PromotionRecord[];
  assignments: AssignmentRecord[];
  /** The latest thing the person did: a completion, an attempt, any learning event. */
  lastActivity: Date | null;
}

export interface RecordSubject {
  id: string;
  levelId: string;
  levelSince: Date;
}

const later = (a: Date | null, b: Date | null | undefined) => (b && (!a || b > a) ? b : a);

function groupBy<T extends { userId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.userId);
    if (list) list.push(row);
    else map.set(row.userId, [row]);
  }
  return map;
}

/** Records of the given people, keyed by user id, in nine queries whatever their number. */
export async function loadRecords(db: Executor, people: readonly RecordSubject[]): Promise<Map<string, PersonRecords>> {
  const result = new Map<string, PersonRecords>();
  if (people.length === 0) return result;
  const ids = [...new Set(people.map((p) => p.id))];
  // Booster answers of the last 32 days: enough for any zone's 30-day window, which the readiness engine cuts exactly.
  const reviewsSince = new Date(Date.now() - 32 * 24 * 60 * 60 * 1000);
  const [completionRows, quizRows, exerciseRows, kpiRows, signOffRows, promotionRows, assignmentRows, eventRows, reviewRows, observationRows] = await Promise.all([
    db
      .select({ userId: moduleCompletions.userId, moduleId: moduleCompletions.moduleId, at: moduleCompletions.completedAt })
      .from(moduleCompletions)
      .where(inArray(moduleCompletions.userId, ids)),
    db
      .select({
        userId: quizAttempts.userId,
        quizId: quizAttempts.quizId,
        best: max(quizAttempts.percent),
        average: avg(quizAttempts.percent),
        attempts: count(),
        lastAt: max(quizAttempts.finishedAt),
      })
      .from(quizAttempts)
      .where(inArray(quizAttempts.userId, ids))
      .groupBy(quizAttempts.userId, quizAttempts.quizId),
    db
      .select({
        userId: exerciseAttempts.userId,
        exerciseId: exerciseAttempts.exerciseId,
        best: sql<number | null>`max(case when ${exerciseAttempts.status} = 'submitted' then ${exerciseAttempts.percent} end)`,
        attempts: count(),
        lastAt: max(exerciseAttempts.updatedAt),
      })
      .from(exerciseAttempts)
      .where(inArray(exerciseAttempts.userId, ids))
      .groupBy(exerciseAttempts.userId, exerciseAttempts.exerciseId),
    db.select().from(kpiEvidence).where(inArray(kpiEvidence.userId, ids)),
    db.select().from(signOffs).where(inArray(signOffs.userId, ids)),
    db.select().from(promotions).where(inArray(promotions.userId, ids)).orderBy(desc(promotions.at)),
    db.select().from(assignments).where(inArray(assignments.userId, ids)).orderBy(assignments.dueAt),
    db
      .select({ userId: learningEvents.userId, lastAt: max(learningEvents.at) })
      .from(learningEvents)
      .where(inArray(learningEvents.userId, ids))
      .groupBy(learningEvents.userId),
    db
      .select({ userId: reviewLogs.userId, correct: reviewLogs.correct, at: reviewLogs.reviewedAt })
      .from(reviewLogs)
      .where(and(inArray(reviewLogs.userId, ids), gte(reviewLogs.reviewedAt, reviewsSince))),
    // Coaching observations, for rubric criteria (a ninth query, still one per table).
    db
      .select({
        id: observations.id,
        userId: observations.userId,
        rubricId: observations.rubricId,
        observedOn: observations.observedOn,
        averageLevel: observations.averageLevel,
        createdAt: observations.createdAt,
      })
      .from(observations)
      .where(inArray(observations.userId, ids)),
  ]);

  const completions = groupBy(completionRows);
  const quizzes = groupBy(quizRows);
  const exercises = groupBy(exerciseRows);
  const kpis = groupBy(kpiRows);
  const signs = groupBy(signOffRows);
  const promos = groupBy(promotionRows);
  const assigned = groupBy(assignmentRows);
  const events = new Map(eventRows.map((e) => [e.userId, e.lastAt]));
  const reviews = groupBy(reviewRows);
  const observed = groupBy(observationRows);

  for (const person of people) {
    let lastActivity: Date | null = events.get(person.id) ?? null;
    const completionMap = new Map<string, Date>();
    for (const c of completions.get(person.id) ?? []) {
      completionMap.set(c.moduleId, c.at);
      lastActivity = later(lastActivity, c.at);
    }
    const quizMap = new Map<string, QuizScore>();
    for (const q of quizzes.get(person.id) ?? []) {
      const lastAt = q.lastAt ?? new Date(0);
      quizMap.set(q.quizId, { best: q.best ?? 0, average: Number(q.average ?? 0), attempts: q.attempts, lastAt });
      lastActivity = later(lastActivity, q.lastAt);
    }
    const exerciseMap = new Map<string, ExerciseScore>();
    for (const e of exercises.get(person.id) ?? []) {
      exerciseMap.set(e.exerciseId, { best: e.best === null ? null : Number(e.best), attempts: e.attempts, lastAt: e.lastAt ?? new Date(0) });
      lastActivity = later(lastActivity, e.lastAt);
    }
    const kpiList: KpiRecord[] = (kpis.get(person.id) ?? []).map((k) => ({
      id: k.id,
      metric: k.metric,
      valuePercent: k.valuePercent,
      period: k.period,
      note: k.note,
      recordedAt: k.recordedAt,
      recordedBy: k.recordedBy,
    }));
    const signOffList: SignOffRecord[] = (signs.get(person.id) ?? []).map((s) => ({
      id: s.id,
      levelId: s.levelId,
      managerId: s.managerId,
      note: s.note,
      at: s.at,
    }));
    const promotionList = (promos.get(person.id) ?? []).map(({ userId: _, ...p }) => p);
    result.set(person.id, {
      record: {
        userId: person.id,
        levelId: person.levelId,
        levelSince: person.levelSince,
        completions: completionMap,
        quizzes: quizMap,
        exercises: exerciseMap,
        kpis: kpiList,
        signOffs: signOffList,
        promotions: promotionList,
        reviewAnswers: (reviews.get(person.id) ?? []).map(({ correct, at }) => ({ correct, at })),
        observations: (observed.get(person.id) ?? []).map(({ userId: _, ...o }) => o),
      },
      promotions: promotionList,
      assignments: (assigned.get(person.id) ?? []).map(({ userId: _, ...a }) => a),
      lastActivity,
    });
  }
  return result;
}

export interface PersonProfile extends RecordSubject {
  name: string;
  email: string;
  role: (typeof users.$inferSelect)['role'];
  locale: 'zh' | 'en';
  active: boolean;
}

export async function findPerson(db: Executor, userId: string): Promise<PersonProfile | undefined> {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      levelId: users.levelId,
      levelSince: users.levelSince,
      locale: users.locale,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/** One person's profile and records; undefined if there is no such person. */
export async function loadLearnerRecords(db: Executor, userId: string): Promise<(PersonRecords & { person: PersonProfile }) | undefined> {
  const person = await findPerson(db, userId);
  if (!person) return undefined;
  const records = (await loadRecords(db, [person])).get(person.id)!;
  return { person, ...records };
}

/** Every quiz and exercise attempt of one person, newest first, for the manager's drill-down. */
export async function attemptHistory(db: Database, userId: string) {
  const [quiz, exercise] = await Promise.all([
    db
      .select({
        id: quizAttempts.id,
        quizId: quizAttempts.quizId,
        score: quizAttempts.score,
        maxScore: quizAttempts.maxScore,
        percent: quizAttempts.percent,
        passed: quizAttempts.passed,
        startedAt: quizAttempts.startedAt,
        finishedAt: quizAttempts.finishedAt,
        regradedAt: quizAttempts.regradedAt,
      })
      .from(quizAttempts)
      .where(eq(quizAttempts.userId, userId))
      .orderBy(desc(quizAttempts.finishedAt)),
    db
      .select({
        id: exerciseAttempts.id,
        exerciseId: exerciseAttempts.exerciseId,
        status: exerciseAttempts.status,
        percent: exerciseAttempts.percent,
        startedAt: exerciseAttempts.startedAt,
        finishedAt: exerciseAttempts.finishedAt,
        durationMs: exerciseAttempts.durationMs,
      })
      .from(exerciseAttempts)
      .where(eq(exerciseAttempts.userId, userId))
      .orderBy(desc(exerciseAttempts.updatedAt)),
  ]);
  return { quiz, exercise };
}

/** Names of the given people, for "recorded by" and "signed off by" columns. */
export async function namesOf(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
