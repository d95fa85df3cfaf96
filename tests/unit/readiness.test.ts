import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import {
  addMonths,
  emptyRecord,
  metByKind,
  periodEnd,
  readinessFor,
  requiredModules,
  summariseQuizAttempts,
  wholeMonthsBetween,
  type CriterionResult,
  type TargetLevel,
  type LearnerRecord,
  type Readiness,
} from '../../src/lib/promotion/readiness';
import { criteria, curriculum, fullLevel, kpi, now, readyRecord, since } from './readiness-fixtures';

const find = <K extends CriterionResult['kind']>(r: Readiness, key: string) => {
  const c = r.criteria.find((c) => c.key === key);
  if (!c) throw new Error(`no criterion ${key}`);
  return c as Extract<CriterionResult, { kind: K }>;
};

const newcomer = (): LearnerRecord => emptyRecord('learner', 'junior', since);

describe('readinessFor', () => {
  it('lists one criterion per course, module, exercise and KPI, plus quiz, tenure and sign-off', () => {
    const r = readinessFor(fullLevel, newcomer(), curriculum, now, ZONE);
    expect(r.criteria.map((c) => c.key)).toEqual([
      'course:basics',
      'module:skills/listen',
      'quiz',
      'exercise:lead-grading',
      'kpi:target-attainment',
      'kpi:customer-satisfaction',
      'tenure',
      'sign-off',
    ]);
    expect(r.levelId).toBe('mid');
  });

  it('finds someone who meets everything ready, with every criterion met', () => {
    const r = readinessFor(fullLevel, readyRecord(), curriculum, now, ZONE);
    expect(r.criteria.filter((c) => c.status !== 'met')).toEqual([]);
    expect(r).toMatchObject({ ready: true, met: 8, total: 8, share: 1 });
  });

  it('calls a level with no criteria met by everyone', () => {
    const r = readinessFor({ id: 'junior', criteria: criteria() }, newcomer(), curriculum, now, ZONE);
    expect(r).toMatchObject({ ready: true, met: 0, total: 0, share: 1, criteria: [] });
  });

  it('marks a newcomer not started on everything except the tenure already under way', () => {
    const r = readinessFor(fullLevel, newcomer(), curriculum, new Date('2026-02-01T00:00:00Z'), ZONE);
    const statuses = Object.fromEntries(r.criteria.map((c) => [c.key, c.status]));
    expect(statuses).toEqual({
      'course:basics': 'not-started',
      'module:skills/listen': 'not-started',
      quiz: 'not-started',
      'exercise:lead-grading': 'not-started',
      'kpi:target-attainment': 'not-started',
      'kpi:customer-satisfaction': 'not-started',
      tenure: 'in-progress',
      'sign-off': 'not-started',
    });
    expect(r).toMatchObject({ ready: false, met: 0, share: 0 });
  });

  describe('courses and modules', () => {
    it('counts the modules of a course done, names the missing ones and keeps when each was done', () => {
      const at = new Date('2026-03-01T00:00:00Z');
      const record = { ...newcomer(), completions: new Map([['basics/two', at]]) };
      const course = find<'course'>(readinessFor(fullLevel, record, curriculum, now, ZONE), 'course:basics');
      expect(course).toMatchObject({ status: 'in-progress', value: 1, threshold: 3, missing: ['basics/one', 'basics/three'] });
      expect(course.completed).toEqual([{ moduleId: 'basics/two', at }]);
      expect(course.progress).toBeCloseTo(1 / 3);
    });

    it('counts a course as started once one of its quizzes was tried, before any module is complete', () => {
      const record = { ...newcomer(), quizzes: summariseQuizAttempts([{ quizId: 'quiz-two', percent: 40, at: now }]) };
      expect(find(readinessFor(fullLevel, record, curriculum, now, ZONE), 'course:basics').status).toBe('in-progress');
    });

    it('treats a course without modules (none written yet) as met', () => {
      const level = { id: 'mid', criteria: criteria({ courses: ['not-yet-written'] }) };
      expect(readinessFor(level, newcomer(), curriculum, now, ZONE)).toMatchObject({ ready: true, met: 1, total: 1 });
    });

    it('meets a module criterion only with a completion', () => {
      const record = { ...newcomer(), quizzes: summariseQuizAttempts([{ quizId: 'quiz-listen', percent: 100, at: now }]) };
      expect(find(readinessFor(fullLevel, record, curriculum, now, ZONE), 'module:skills/listen').status).toBe('in-progress');
      record.completions = new Map([['skills/listen', now]]);
      expect(find(readinessFor(fullLevel, record, curriculum, now, ZONE), 'module:skills/listen')).toMatchObject({ status: 'met', completedAt: now });
    });

    it('lists required modules once each, courses first', () => {
      const c = criteria({ modules: ['basics/two', 'skills/ask'], courses: ['basics'] });
      expect(requiredModules(c, curriculum)).toEqual(['basics/one', 'basics/two', 'basics/three', 'skills/ask']);
    });
  });

  describe('quiz score', () => {
    it('averages the best score of every quiz in scope, counting a quiz not taken as 0', () => {
      const record = {
        ...newcomer(),
        quizzes: summariseQuizAttempts([
          { quizId: 'quiz-one', percent: 100, at: now },
          { quizId: 'quiz-two', percent: 50, at: now },
          { quizId: 'quiz-two', percent: 90, at: now },
        ]),
      };
      const quiz = find<'quiz'>(readinessFor(fullLevel, record, curriculum, now, ZONE), 'quiz');
      // quiz-one 100, quiz-two best 90, quiz-listen not taken: (100 + 90 + 0) / 3
      expect(quiz.value).toBeCloseTo(190 / 3);
      expect(quiz.quizzes).toEqual([
        { quizId: 'quiz-one', moduleId: 'basics/one', score: 100, attempts: 1 },
        { quizId: 'quiz-two', moduleId: 'basics/two', score: 90, attempts: 2 },
        { quizId: 'quiz-listen', moduleId: 'skills/listen', score: null, attempts: 0 },
      ]);
      expect(quiz.status).toBe('in-progress');
    });

    it('uses the average of all attempts when the level says so', () => {
      const level = { id: 'mid', criteria: criteria({ modules: ['basics/one'], minQuizPercent: 80, quizScoreMode: 'average' }) };
      const record = {
        ...newcomer(),
        quizzes: summariseQuizAttempts([
          { quizId: 'quiz-one', percent: 60, at: now },
          { quizId: 'quiz-one', percent: 100, at: now },
        ]),
      };
      expect(find(readinessFor(level, record, curriculum, now, ZONE), 'quiz')).toMatchObject({ mode: 'average', value: 80, status: 'met' });
      const best = { id: 'mid', criteria: { ...level.criteria, quizScoreMode: 'best' as const } };
      expect(find(readinessFor(best, record, curriculum, now, ZONE), 'quiz')).toMatchObject({ mode: 'best', value: 100 });
    });

    it('meets a threshold that a mean of thirds lands on up to rounding', () => {
      const level = { id: 'mid', criteria: criteria({ courses: ['basics'], minQuizPercent: 200 / 3 }) };
      const record = {
        ...newcomer(),
        quizzes: summariseQuizAttempts([
          { quizId: 'quiz-one', percent: 100 / 3, at: now },
          { quizId: 'quiz-two', percent: 100, at: now },
        ]),
      };
      expect(find(readinessFor(level, record, curriculum, now, ZONE), 'quiz').status).toBe('met');
    });

    it('is met with no value when no required module has a quiz', () => {
      const level = { id: 'mid', criteria: criteria({ modules: ['basics/three'], minQuizPercent: 90 }) };
      expect(find(readinessFor(level, newcomer(), curriculum, now, ZONE), 'quiz')).toMatchObject({ value: null, status: 'met', progress: 1 });
    });

    it('leaves the quiz criterion out when the level sets no minimum', () => {
      const level = { id: 'mid', criteria: criteria({ courses: ['basics'] }) };
      expect(readinessFor(level, newcomer(), curriculum, now, ZONE).criteria.map((c) => c.kind)).toEqual(['course']);
    });
  });

  describe('exercises', () => {
    it('counts the best submitted score and reports attempts under way', () => {
      const started = { ...newcomer(), exercises: new Map([['lead-grading', { best: null, attempts: 1, lastAt: now }]]) };
      expect(find(readinessFor(fullLevel, started, curriculum, now, ZONE), 'exercise:lead-grading')).toMatchObject({ status: 'in-progress', value: null });
      const low = { ...newcomer(), exercises: new Map([['lead-grading', { best: 69.5, attempts: 2, lastAt: now }]]) };
      expect(find(readinessFor(fullLevel, low, curriculum, now, ZONE), 'exercise:lead-grading')).toMatchObject({ status: 'in-progress', value: 69.5 });
      const passed = { ...newcomer(), exercises: new Map([['lead-grading', { best: 70, attempts: 3, lastAt: now }]]) };
      expect(find(readinessFor(fullLevel, passed, curriculum, now, ZONE), 'exercise:lead-grading')).toMatchObject({ status: 'met', attempts: 3 });
    });
  });

  describe('KPI evidence', () => {
    it('judges the latest period, not the best one', () => {
      const record = { ...newcomer(), kpis: [kpi('target-attainment', 120, '2026-Q1'), kpi('target-attainment', 95, '2026-Q2')] };
      const c = find<'kpi'>(readinessFor(fullLevel, record, curriculum, now, ZONE), 'kpi:target-attainment');
      expect(c).toMatchObject({ status: 'in-progress', value: 95, threshold: 100 });
      expect(c.latest?.period).toBe('2026-Q2');
      expect(c.history.map((k) => k.period)).toEqual(['2026-Q2', '2026-Q1']);
    });

    it('orders months, quarters, halves and years by when they end, then by when they were recorded', () => {
      const early = new Date('2026-07-01T00:00:00Z');
      const late = new Date('2026-07-02T00:00:00Z');
      const record = {
        ...newcomer(),
        kpis: [
          kpi('customer-satisfaction', 70, '2026-05'),
          kpi('customer-satisfaction', 80, '2026-H1', early),
          kpi('customer-satisfaction', 88, '2026-Q2', late),
          kpi('customer-satisfaction', 60, '2025'),
        ],
      };
      // 2026-H1 and 2026-Q2 both end on 1 July; the later recording wins.
      expect(find(readinessFor(fullLevel, record, curriculum, now, ZONE), 'kpi:customer-satisfaction')).toMatchObject({ value: 88, status: 'met' });
    });

    it('ignores evidence for other metrics', () => {
      const record = { ...newcomer(), kpis: [kpi('growth-rate', 500, '2026-Q2')] };
      expect(find(readinessFor(fullLevel, record, curriculum, now, ZONE), 'kpi:target-attainment').status).toBe('not-started');
    });

    it('accepts a negative threshold such as a tolerated decline in growth', () => {
      const level = { id: 'mid', criteria: criteria({ kpis: [{ metric: 'growth-rate', minPercent: -5 }] }) };
      const record = { ...newcomer(), kpis: [kpi('growth-rate', -3, '2026-Q2')] };
      expect(find(readinessFor(level, record, curriculum, now, ZONE), 'kpi:growth-rate')).toMatchObject({ status: 'met', progress: 1 });
    });
  });

  describe('tenure', () => {
    it('counts whole calendar months at the current level and says when the minimum is reached', () => {
      const c = find<'tenure'>(readinessFor(fullLevel, newcomer(), curriculum, new Date('2026-07-15T07:59:59Z'), ZONE), 'tenure');
      expect(c).toMatchObject({ value: 5, threshold: 6, status: 'in-progress' });
      expect(c.eligibleAt).toEqual(new Date('2026-07-15T08:00:00Z'));
      expect(find(readinessFor(fullLevel, newcomer(), curriculum, c.eligibleAt!, ZONE), 'tenure').status).toBe('met');
    });

    describe('across several levels (handbook 004: five years in sales management)', () => {
      const manager = { id: 'manager', criteria: criteria({ tenure: { months: 60, in: ['supervisor', 'manager'] } }) };
      const promoted = (levelId: string, levelSince: string, steps: [from: string, to: string, at: string][]): LearnerRecord => ({
        ...emptyRecord('p', levelId, new Date(levelSince)),
        promotions: steps.map(([fromLevelId, toLevelId, at]) => ({ fromLevelId, toLevelId, at: new Date(at) })),
      });
      const tenureOf = (record: LearnerRecord, at: Date) => find<'tenure'>(readinessFor(manager, record, curriculum, at, ZONE), 'tenure:supervisor+manager');

      it('counts a supervisor’s months since promotion to supervisor, not their years as a salesperson', () => {
        const record = promoted('supervisor', '2022-03-01T00:00:00Z', [
          ['junior', 'mid', '2019-01-01T00:00:00Z'],
          ['mid', 'senior', '2020-01-01T00:00:00Z'],
          ['senior', 'supervisor', '2022-03-01T00:00:00Z'],
        ]);
        const c = tenureOf(record, new Date('2026-09-01T00:00:00Z'));
        expect(c).toMatchObject({ value: 54, threshold: 60, levels: ['supervisor', 'manager'], status: 'in-progress' });
        expect(c.eligibleAt).toEqual(new Date('2027-03-01T00:00:00Z'));
        expect(tenureOf(record, c.eligibleAt!).status).toBe('met');
      });

      it('adds up time at every counted level, even with a stint at an uncounted level in between', () => {
        // Supervisor for 30 months, back to senior for a year, supervisor again for 30 months: 60 in all.
        const record = promoted('supervisor', '2023-09-01T00:00:00Z', [
          ['senior', 'supervisor', '2020-03-01T00:00:00Z'],
          ['supervisor', 'senior', '2022-09-01T00:00:00Z'],
          ['senior', 'supervisor', '2023-09-01T00:00:00Z'],
        ]);
        expect(tenureOf(record, new Date('2026-02-28T00:00:00Z'))).toMatchObject({ value: 59, status: 'in-progress' });
        expect(tenureOf(record, new Date('2026-03-01T00:00:00Z'))).toMatchObject({ value: 60, status: 'met' });
      });

      it('counts nothing before the first recorded promotion, since the history does not say when that level began', () => {
        const record = promoted('supervisor', '2025-01-01T00:00:00Z', [['senior', 'supervisor', '2025-01-01T00:00:00Z']]);
        expect(tenureOf(record, new Date('2026-01-01T00:00:00Z'))).toMatchObject({ value: 12, since: new Date('2025-01-01T00:00:00Z') });
      });

      it('stops the clock, and gives no date, while the person holds a level that does not count', () => {
        const record = promoted('senior', '2025-06-01T00:00:00Z', [
          ['senior', 'supervisor', '2023-06-01T00:00:00Z'],
          ['supervisor', 'senior', '2025-06-01T00:00:00Z'],
        ]);
        const c = tenureOf(record, new Date('2026-09-01T00:00:00Z'));
        expect(c).toMatchObject({ value: 24, status: 'in-progress', eligibleAt: null });
        expect(tenureOf(record, new Date('2030-01-01T00:00:00Z')).value).toBe(24);
        expect(tenureOf(promoted('senior', '2025-06-01T00:00:00Z', []), new Date('2030-01-01T00:00:00Z'))).toMatchObject({ value: 0, status: 'not-started' });
      });

      it('sits beside the months at the level below as a criterion of its own', () => {
        const level = { id: 'manager', criteria: criteria({ minMonthsAtPreviousLevel: 24, tenure: { months: 60, in: ['supervisor'] } }) };
        const keys = readinessFor(level, promoted('supervisor', '2020-01-01T00:00:00Z', []), curriculum, now, ZONE).criteria.map((c) => c.key);
        expect(keys).toEqual(['tenure', 'tenure:supervisor']);
      });
    });

    it('leaves tenure out when the level asks for none', () => {
      const level = { id: 'mid', criteria: criteria({ minMonthsAtPreviousLevel: 0 }) };
      expect(readinessFor(level, newcomer(), curriculum, now, ZONE).criteria).toEqual([]);
    });
  });

  describe('sign-off', () => {
    it('needs a sign-off for this level given since the person reached their current level', () => {
      const record = readyRecord();
      record.signOffs = [
        { id: 'old', levelId: 'mid', managerId: 'm', note: '', at: new Date('2025-12-01T00:00:00Z') },
        { id: 'other', levelId: 'senior', managerId: 'm', note: '', at: now },
      ];
      const r = readinessFor(fullLevel, record, curriculum, now, ZONE);
      expect(find(r, 'sign-off').status).toBe('not-started');
      expect(r.ready).toBe(false);
      expect(r.met).toBe(7);
    });

    it('shows the latest valid sign-off as evidence', () => {
      const record = readyRecord();
      const later = { id: 's2', levelId: 'mid', managerId: 'm2', note: 'strong quarter', at: new Date('2026-08-20T00:00:00Z') };
      record.signOffs = [...record.signOffs, later];
      expect(find<'sign-off'>(readinessFor(fullLevel, record, curriculum, now, ZONE), 'sign-off').signOff).toEqual(later);
    });
  });

  it('sums met and total per kind of criterion', () => {
    const record = readyRecord();
    record.kpis = [kpi('target-attainment', 90, '2026-Q2')];
    const byKind = metByKind(readinessFor(fullLevel, record, curriculum, now, ZONE));
    expect(byKind.kpi).toEqual({ met: 0, total: 2 });
    expect(byKind.course).toEqual({ met: 1, total: 1 });
    expect(byKind.exercise).toEqual({ met: 1, total: 1 });
  });
});

describe('calendar helpers', () => {
  it('clamps month arithmetic to the end of shorter months', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1, 'UTC')).toEqual(new Date('2026-02-28T10:00:00Z'));
    expect(addMonths(new Date('2028-01-31T10:00:00Z'), 1, 'UTC')).toEqual(new Date('2028-02-29T10:00:00Z'));
    expect(addMonths(new Date('2026-11-15T00:00:00Z'), 3, 'UTC')).toEqual(new Date('2027-02-15T00:00:00Z'));
  });

  it('counts months on the company calendar, not the server clock', () => {
    // 20:00 UTC on 30 March is 31 March 04:00 in Shanghai: one month later is 30 April 04:00 there.
    const since = new Date('2026-03-30T20:00:00Z');
    expect(addMonths(since, 1, ZONE)).toEqual(new Date('2026-04-29T20:00:00Z'));
    expect(wholeMonthsBetween(since, new Date('2026-04-30T00:00:00Z'), ZONE)).toBe(1);
    expect(wholeMonthsBetween(since, new Date('2026-04-30T00:00:00Z'), 'UTC')).toBe(0);
  });

  it('counts whole months and never goes negative', () => {
    expect(wholeMonthsBetween(new Date('2026-01-31T00:00:00Z'), new Date('2026-02-28T00:00:00Z'), 'UTC')).toBe(1);
    expect(wholeMonthsBetween(new Date('2026-01-15T00:00:00Z'), new Date('2026-02-14T23:59:59Z'), 'UTC')).toBe(0);
    expect(wholeMonthsBetween(new Date('2026-03-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), ZONE)).toBe(0);
  });

  it('reads years, halves, quarters and months as periods ending at company midnight', () => {
    const shanghaiMidnight = (y: number, m: number) => Date.UTC(y, m, 1) - 8 * 60 * 60 * 1000;
    expect(periodEnd('2026', ZONE)).toBe(shanghaiMidnight(2027, 0));
    expect(periodEnd('2026-H1', ZONE)).toBe(shanghaiMidnight(2026, 6));
    expect(periodEnd('2026-Q3', ZONE)).toBe(shanghaiMidnight(2026, 9));
    expect(periodEnd('2026-02', ZONE)).toBe(shanghaiMidnight(2026, 2));
    expect(periodEnd('2026-Q4', 'UTC')).toBe(Date.UTC(2027, 0, 1));
    for (const bad of ['2026-13', '2026-Q5', 'Q1', '26-01', '2026-1', 'last quarter', '1200']) expect(periodEnd(bad, ZONE), bad).toBeNull();
  });
});

describe('summariseQuizAttempts', () => {
  it('keeps the best, the mean, the count and the latest time per quiz', () => {
    const a = new Date('2026-01-01T00:00:00Z');
    const b = new Date('2026-02-01T00:00:00Z');
    const s = summariseQuizAttempts([
      { quizId: 'q', percent: 40, at: b },
      { quizId: 'q', percent: 80, at: a },
    ]);
    expect(s.get('q')).toEqual({ best: 80, average: 60, attempts: 2, lastAt: b });
  });
});

describe('retention criterion', () => {
  const zone = 'Asia/Shanghai';
  const now = new Date('2026-06-10T02:00:00Z');
  const level: TargetLevel = { id: 'mid', criteria: criteria({ retention: { min: 0.8 } }) };
  const withAnswers = (answers: { correct: boolean; at: Date }[]) => ({ ...emptyRecord('u', 'junior', new Date('2026-01-01T00:00:00Z')), reviewAnswers: answers });
  const days = (n: number) => new Date(now.getTime() - n * 24 * 3_600_000);

  it('is met when at least the share asked of review answers over the last 30 days were right', () => {
    const answers = [...Array(8).fill(true), false, false].map((correct, i) => ({ correct, at: days(i) }));
    const [c] = readinessFor(level, withAnswers(answers), curriculum, now, zone).criteria;
    expect(c).toMatchObject({ kind: 'retention', status: 'met', value: 0.8, right: 8, total: 10, progress: 1 });
  });

  it('does not count answers older than 30 company days, and is in progress below the share', () => {
    const answers = [
      { correct: true, at: days(40) },
      { correct: true, at: days(31) },
      { correct: true, at: days(1) },
      { correct: false, at: days(2) },
    ];
    const [c] = readinessFor(level, withAnswers(answers), curriculum, now, zone).criteria;
    expect(c).toMatchObject({ kind: 'retention', status: 'in-progress', value: 0.5, right: 1, total: 2 });
    expect(c!.progress).toBeCloseTo(0.5 / 0.8);
  });

  it('is not started without any review answers', () => {
    const [c] = readinessFor(level, emptyRecord('u', 'junior', new Date('2026-01-01T00:00:00Z')), curriculum, now, zone).criteria;
    expect(c).toMatchObject({ kind: 'retention', status: 'not-started', value: null, total: 0 });
  });

  it('is not asked for by a level without it', () => {
    expect(readinessFor({ id: 'mid', criteria: criteria() }, withAnswers([]), curriculum, now, zone).criteria.some((c) => c.kind === 'retention')).toBe(false);
  });
});
