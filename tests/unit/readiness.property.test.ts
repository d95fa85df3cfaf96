/** Invariants of the readiness engine over generated levels and records (fast-check). */
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kpiMetricIds, type KpiMetric, type LevelCriteria } from '../../src/schemas/level';
import {
  readinessFor,
  summariseQuizAttempts,
  type CriterionStatus,
  type KpiRecord,
  type LearnerRecord,
  type Readiness,
  type TargetLevel,
} from '../../src/lib/promotion/readiness';
import { curriculum } from './readiness-fixtures';

const modules = [...curriculum.courseModules.values()].flat();
const quizIds = [...curriculum.moduleQuiz.values()];
const exerciseIds = ['ex-a', 'ex-b'];
const DAY = 24 * 60 * 60 * 1000;
const start = Date.UTC(2024, 0, 1);
const instant = fc.integer({ min: 0, max: 900 }).map((d) => new Date(start + d * DAY));
const period = fc.oneof(
  fc.integer({ min: 2024, max: 2026 }).map(String),
  fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
const percent = fc.double({ min: 0, max: 100, noNaN: true });

const criteriaArb: fc.Arbitrary<LevelCriteria> = fc.record({
  courses: fc.subarray([...curriculum.courseModules.keys()]),
  modules: fc.subarray(modules),
  minQuizPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  quizScoreMode: fc.constantFrom('best' as const, 'average' as const),
  exercises: fc.subarray(exerciseIds).chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), minPercent: fc.integer({ min: 0, max: 100 }) })))),
  kpis: fc.subarray([...kpiMetricIds]).chain((metrics) =>
    fc.tuple(...metrics.map((metric) => fc.record({ metric: fc.constant(metric), minPercent: fc.integer({ min: -20, max: 150 }) }))),
  ),
  minMonthsAtPreviousLevel: fc.integer({ min: 0, max: 24 }),
  tenure: fc.option(fc.record({ months: fc.integer({ min: 1, max: 60 }), in: fc.subarray(['current', 'earlier', 'other'], { minLength: 1 }) }), { nil: undefined }),
  managerSignOff: fc.boolean(),
});
const levelArb: fc.Arbitrary<TargetLevel> = criteriaArb.map((criteria) => ({ id: 'next', criteria }));

const kpiArb = (metric: fc.Arbitrary<KpiMetric>, value: fc.Arbitrary<number>) =>
  fc.record({ metric, valuePercent: value, period, recordedAt: instant }).map(
    (k): KpiRecord => ({ ...k, id: crypto.randomUUID(), note: '', recordedBy: 'manager' }),
  );

/** The promotions that lead through `stints` (oldest first) into the current level at `levelSince`. */
function promotionsBefore(levelSince: Date, stints: readonly { levelId: string; days: number }[]) {
  let at = levelSince.getTime() - stints.reduce((sum, s) => sum + s.days * DAY, 0);
  let from = 'start';
  const steps = stints.map((s) => {
    const step = { fromLevelId: from, toLevelId: s.levelId, at: new Date(at) };
    at += s.days * DAY;
    from = s.levelId;
    return step;
  });
  return [...steps, { fromLevelId: from, toLevelId: 'current', at: levelSince }];
}

interface World {
  record: LearnerRecord;
  quizAttempts: { quizId: string; percent: number; at: Date }[];
  now: Date;
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    levelSince: instant,
    completed: fc.subarray(modules),
    quizAttempts: fc.array(fc.record({ quizId: fc.constantFrom(...quizIds), percent, at: instant }), { maxLength: 8 }),
    exercises: fc.array(fc.record({ id: fc.constantFrom(...exerciseIds), best: fc.option(percent, { nil: null }), attempts: fc.integer({ min: 1, max: 5 }) }), { maxLength: 2 }),
    kpis: fc.array(kpiArb(fc.constantFrom(...kpiMetricIds), fc.double({ min: -50, max: 200, noNaN: true })), { maxLength: 6 }),
    signOffs: fc.array(fc.record({ levelId: fc.constantFrom('next', 'other'), at: instant }), { maxLength: 2 }),
    nowOffsetDays: fc.integer({ min: 0, max: 900 }),
    // Earlier stints, oldest first, as days before the current level began.
    pastStints: fc.array(fc.record({ levelId: fc.constantFrom('earlier', 'other', 'current'), days: fc.integer({ min: 1, max: 700 }) }), { maxLength: 3 }),
  })
  .map((w) => ({
    quizAttempts: w.quizAttempts,
    now: new Date(w.levelSince.getTime() + w.nowOffsetDays * DAY),
    record: {
      userId: 'u',
      levelId: 'current',
      levelSince: w.levelSince,
      completions: new Map(w.completed.map((m) => [m, w.levelSince])),
      quizzes: summariseQuizAttempts(w.quizAttempts),
      exercises: new Map(w.exercises.map((e) => [e.id, { best: e.best, attempts: e.attempts, lastAt: w.levelSince }])),
      kpis: w.kpis,
      signOffs: w.signOffs.map((s, i) => ({ id: `s${i}`, managerId: 'manager', note: '', ...s })),
      promotions: promotionsBefore(w.levelSince, w.pastStints),
    },
  }));

const rank: Record<CriterionStatus, number> = { 'not-started': 0, 'in-progress': 1, met: 2 };

/** Evidence is only ever added: the new readiness must be at least as good, criterion by criterion. */
function expectNoWorse(before: Readiness, after: Readiness) {
  expect(after.criteria.map((c) => c.key)).toEqual(before.criteria.map((c) => c.key));
  before.criteria.forEach((c, i) => expect(rank[after.criteria[i]!.status], c.key).toBeGreaterThanOrEqual(rank[c.status]));
  expect(after.met).toBeGreaterThanOrEqual(before.met);
  expect(after.share).toBeGreaterThanOrEqual(before.share);
  if (before.ready) expect(after.ready).toBe(true);
}

/** A single piece of new evidence, as a function from a world to a richer one. */
const evidenceArb = (level: TargetLevel): fc.Arbitrary<(w: World) => World> => {
  const withRecord = (w: World, change: Partial<LearnerRecord>): World => ({ ...w, record: { ...w.record, ...change } });
  const strongest = (metric: KpiMetric) => Math.max(-50, ...level.criteria.kpis.filter((k) => k.metric === metric).map((k) => k.minPercent));
  return fc.oneof(
    fc.constantFrom(...modules).map((m) => (w: World) => withRecord(w, { completions: new Map([...w.record.completions, [m, w.now]]) })),
    fc.record({ quizId: fc.constantFrom(...quizIds), percent }).map((a) => (w: World) => {
      const quizAttempts = [...w.quizAttempts, { ...a, at: w.now }];
      return { ...withRecord(w, { quizzes: summariseQuizAttempts(quizAttempts) }), quizAttempts };
    }),
    fc.record({ id: fc.constantFrom(...exerciseIds), score: fc.option(percent, { nil: null }) }).map((e) => (w: World) => {
      const previous = w.record.exercises.get(e.id);
      const best = e.score === null ? (previous?.best ?? null) : Math.max(previous?.best ?? 0, e.score);
      return withRecord(w, { exercises: new Map([...w.record.exercises, [e.id, { best, attempts: (previous?.attempts ?? 0) + 1, lastAt: w.now }]]) });
    }),
    fc.constantFrom(...kpiMetricIds).chain((metric) =>
      kpiArb(fc.constant(metric), fc.double({ min: strongest(metric), max: strongest(metric) + 100, noNaN: true })).map(
        (k) => (w: World) => withRecord(w, { kpis: [...w.record.kpis, k] }),
      ),
    ),
    fc.constantFrom('next', 'other').map((levelId) => (w: World) => withRecord(w, { signOffs: [...w.record.signOffs, { id: 'new', levelId, managerId: 'm', note: '', at: w.now }] })),
    fc.integer({ min: 1, max: 400 }).map((days) => (w: World) => ({ ...w, now: new Date(w.now.getTime() + days * DAY) })),
  );
};

const bestMode = levelArb.map((l) => ({ ...l, criteria: { ...l.criteria, quizScoreMode: 'best' as const } }));

describe('readiness invariants', () => {
  it('is ready exactly when every criterion is met, and counts met criteria honestly', () => {
    fc.assert(
      fc.property(levelArb, worldArb, (level, w) => {
        const r = readinessFor(level, w.record, curriculum, w.now, ZONE);
        const met = r.criteria.filter((c) => c.status === 'met').length;
        expect(r.ready).toBe(r.criteria.every((c) => c.status === 'met'));
        expect(r.met).toBe(met);
        expect(r.total).toBe(r.criteria.length);
        expect(r.share).toBe(r.total === 0 ? 1 : met / r.total);
        expect(r.ready).toBe(r.share === 1);
      }),
    );
  });

  it('asks exactly what the level lists', () => {
    fc.assert(
      fc.property(levelArb, worldArb, (level, w) => {
        const c = level.criteria;
        const expected =
          c.courses.length + c.modules.length + (c.minQuizPercent === undefined ? 0 : 1) + c.exercises.length + c.kpis.length +
          (c.minMonthsAtPreviousLevel > 0 ? 1 : 0) + (c.tenure ? 1 : 0) + (c.managerSignOff ? 1 : 0);
        expect(readinessFor(level, w.record, curriculum, w.now, ZONE).total).toBe(expected);
      }),
    );
  });

  it('keeps every progress between 0 and 1, and full when met', () => {
    fc.assert(
      fc.property(levelArb, worldArb, (level, w) => {
        for (const c of readinessFor(level, w.record, curriculum, w.now, ZONE).criteria) {
          expect(c.progress).toBeGreaterThanOrEqual(0);
          expect(c.progress).toBeLessThanOrEqual(1);
          if (c.status === 'met') expect(c.progress).toBe(1);
        }
      }),
    );
  });

  it('never lowers readiness when evidence is added (best-score quizzes)', () => {
    fc.assert(
      fc.property(
        bestMode.chain((level) => fc.tuple(fc.constant(level), worldArb, fc.array(evidenceArb(level), { minLength: 1, maxLength: 5 }))),
        ([level, world, additions]) => {
          let w = world;
          let before = readinessFor(level, w.record, curriculum, w.now, ZONE);
          for (const add of additions) {
            w = add(w);
            const after = readinessFor(level, w.record, curriculum, w.now, ZONE);
            expectNoWorse(before, after);
            before = after;
          }
        },
      ),
    );
  });

  it('never lowers the quiz score when another attempt is added in best mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), worldArb, fc.constantFrom(...quizIds), percent, (threshold, w, quizId, score) => {
        const level: TargetLevel = {
          id: 'next',
          criteria: { courses: ['basics', 'skills'], modules: [], minQuizPercent: threshold, quizScoreMode: 'best', exercises: [], kpis: [], minMonthsAtPreviousLevel: 0, managerSignOff: false },
        };
        const quiz = (r: Readiness) => r.criteria.find((c) => c.kind === 'quiz') as Extract<Readiness['criteria'][number], { kind: 'quiz' }>;
        const before = quiz(readinessFor(level, w.record, curriculum, w.now, ZONE));
        const attempts = [...w.quizAttempts, { quizId, percent: score, at: w.now }];
        const after = quiz(readinessFor(level, { ...w.record, quizzes: summariseQuizAttempts(attempts) }, curriculum, w.now, ZONE));
        expect(after.value!).toBeGreaterThanOrEqual(before.value!);
        expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
      }),
    );
  });

  it('never lowers readiness when an attempt at or above the threshold is added in average mode on a single quiz', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), worldArb, percent, (threshold, w, extra) => {
        const level: TargetLevel = {
          id: 'next',
          criteria: { courses: [], modules: ['basics/one'], minQuizPercent: threshold, quizScoreMode: 'average', exercises: [], kpis: [], minMonthsAtPreviousLevel: 0, managerSignOff: false },
        };
        const before = readinessFor(level, w.record, curriculum, w.now, ZONE);
        const attempts = [...w.quizAttempts, { quizId: 'quiz-one', percent: Math.max(threshold, extra), at: w.now }];
        const after = readinessFor(level, { ...w.record, quizzes: summariseQuizAttempts(attempts) }, curriculum, w.now, ZONE);
        if (before.ready) expect(after.ready).toBe(true);
      }),
    );
  });

  it('does not depend on the order evidence was loaded in', () => {
    fc.assert(
      fc.property(levelArb, worldArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (level, w, randoms) => {
        const shuffle = <T>(xs: readonly T[]) => xs.map((x) => ({ x, k: randoms.next().value as number })).sort((a, b) => a.k - b.k).map((p) => p.x);
        // Records of the same period recorded at the same instant would tie; keep them distinct.
        const kpis = w.record.kpis.map((k, i) => ({ ...k, recordedAt: new Date(k.recordedAt.getTime() + i) }));
        const base = { ...w.record, kpis };
        const shuffled = {
          ...base,
          kpis: shuffle(kpis),
          signOffs: shuffle(base.signOffs),
          promotions: shuffle(base.promotions),
          completions: new Map(shuffle([...base.completions])),
        };
        const statuses = (r: Readiness) => r.criteria.map((c) => [c.key, c.status, c.value]);
        expect(statuses(readinessFor(level, shuffled, curriculum, w.now, ZONE))).toEqual(statuses(readinessFor(level, base, curriculum, w.now, ZONE)));
      }),
    );
  });

  it('meets nothing for a person with no record on their first day, but a quiz minimum that asks for nothing', () => {
    fc.assert(
      fc.property(levelArb, instant, (level, at) => {
        const record: LearnerRecord = { userId: 'u', levelId: 'current', levelSince: at, completions: new Map(), quizzes: new Map(), exercises: new Map(), kpis: [], signOffs: [], promotions: [] };
        const met = readinessFor(level, record, curriculum, at, ZONE).criteria.filter((c) => c.status === 'met');
        for (const c of met) expect(c.kind === 'quiz' && (c.value === null || c.threshold === 0), c.key).toBe(true);
      }),
    );
  });
});
