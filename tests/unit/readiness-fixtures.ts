import type { LevelCriteria } from '../../src/schemas/level';
import { emptyRecord, type CurriculumIndex, type KpiRecord, type LearnerRecord, type TargetLevel } from '../../src/lib/promotion/readiness';

/** Two small courses: basics (three modules, two with quizzes) and skills (two modules with quizzes). */
export const curriculum: CurriculumIndex = {
  courseModules: new Map([
    ['basics', ['basics/one', 'basics/two', 'basics/three']],
    ['skills', ['skills/listen', 'skills/ask']],
  ]),
  moduleQuiz: new Map([
    ['basics/one', 'quiz-one'],
    ['basics/two', 'quiz-two'],
    ['skills/listen', 'quiz-listen'],
    ['skills/ask', 'quiz-ask'],
  ]),
};

export function criteria(overrides: Partial<LevelCriteria> = {}): LevelCriteria {
  return {
    modules: [],
    courses: [],
    quizScoreMode: 'best',
    exercises: [],
    kpis: [],
    minMonthsAtPreviousLevel: 0,
    managerSignOff: false,
    rubrics: [],
    ...overrides,
  };
}

/** Asks for one of everything: a course, a module, quizzes, an exercise, two KPIs, tenure and a sign-off. */
export const fullLevel: TargetLevel = {
  id: 'mid',
  criteria: criteria({
    courses: ['basics'],
    modules: ['skills/listen'],
    minQuizPercent: 80,
    exercises: [{ id: 'lead-grading', minPercent: 70 }],
    kpis: [
      { metric: 'target-attainment', minPercent: 100 },
      { metric: 'customer-satisfaction', minPercent: 85 },
    ],
    minMonthsAtPreviousLevel: 6,
    managerSignOff: true,
  }),
};

export const since = new Date('2026-01-15T08:00:00Z');
export const now = new Date('2026-09-01T08:00:00Z');

export const kpi = (metric: KpiRecord['metric'], valuePercent: number, period: string, recordedAt = now): KpiRecord => ({
  id: `${metric}-${period}-${valuePercent}`,
  metric,
  valuePercent,
  period,
  note: '',
  recordedAt,
  recordedBy: 'manager',
});

/** Someone who meets every criterion of `fullLevel` at `now`. */
export function readyRecord(): LearnerRecord {
  const at = new Date('2026-05-01T00:00:00Z');
  return {
    ...emptyRecord('learner', 'junior', since),
    completions: new Map(['basics/one', 'basics/two', 'basics/three', 'skills/listen'].map((m) => [m, at])),
    quizzes: new Map(
      ['quiz-one', 'quiz-two', 'quiz-listen'].map((q) => [q, { best: 90, average: 75, attempts: 2, lastAt: at }]),
    ),
    exercises: new Map([['lead-grading', { best: 80, attempts: 1, lastAt: at }]]),
    kpis: [kpi('target-attainment', 104, '2026-Q2'), kpi('customer-satisfaction', 91, '2026-Q2')],
    signOffs: [{ id: 's1', levelId: 'mid', managerId: 'manager', note: '', at: new Date('2026-08-01T00:00:00Z') }],
  };
}
