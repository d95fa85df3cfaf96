/** "Where will I be, and when?": the projection of each open criterion and of readiness from a learner's pace. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE, dayKey } from '../../src/lib/dates';
import { emptyRecord, readinessFor, summariseQuizAttempts, type LearnerRecord, type TargetLevel } from '../../src/lib/promotion/readiness';
import { paceOf, projectReadiness } from '../../src/lib/promotion/projection';
import { criteria, curriculum, fullLevel, now, since } from './readiness-fixtures';

const DAY = 86_400_000;
const courseLevel: TargetLevel = { id: 'mid', criteria: criteria({ courses: ['basics', 'skills'], minMonthsAtPreviousLevel: 9, managerSignOff: true }) };
const record = (completed: string[]): LearnerRecord => ({
  ...emptyRecord('u', 'junior', since),
  completions: new Map(completed.map((m, i) => [m, new Date(now.getTime() - (i + 1) * 3 * DAY)])),
});

describe('paceOf', () => {
  it('is null with fewer than two completions in the last six weeks', () => {
    expect(paceOf([], now)).toBeNull();
    expect(paceOf([new Date(now.getTime() - DAY)], now)).toBeNull();
    expect(paceOf([new Date(now.getTime() - 60 * DAY), new Date(now.getTime() - 50 * DAY)], now)).toBeNull();
  });

  it('counts completions per day since the first one in the window, a week at the least', () => {
    expect(paceOf([new Date(now.getTime() - DAY), new Date(now.getTime() - 2 * DAY)], now)).toBeCloseTo(2 / 7);
    expect(paceOf([new Date(now.getTime() - 14 * DAY), new Date(now.getTime() - 2 * DAY)], now)).toBeCloseTo(2 / 14);
  });
});

describe('projectReadiness', () => {
  it('projects course work at the learner’s pace and tenure by the calendar, sign-off last', () => {
    const r = readinessFor(courseLevel, record(['basics/one', 'basics/two']), curriculum, now, ZONE);
    const p = projectReadiness(r, 0.5, now, ZONE);
    expect(p.criteria).toEqual([
      { key: 'course:basics', day: '2026-09-03', basis: 'pace' },
      { key: 'course:skills', day: '2026-09-05', basis: 'pace' },
      { key: 'tenure', day: '2026-10-15', basis: 'calendar' },
      { key: 'sign-off', day: null, basis: 'sign-off' },
    ]);
    expect(p.readyDay).toBe('2026-10-15');
    expect(p.signOffPending).toBe(true);
  });

  it('says not enough data when there is no pace, or a score or KPI still to be earned', () => {
    const r = readinessFor(courseLevel, record([]), curriculum, now, ZONE);
    expect(projectReadiness(r, null, now, ZONE)).toMatchObject({ readyDay: null });
    expect(projectReadiness(r, null, now, ZONE).criteria[0]).toEqual({ key: 'course:basics', day: null, basis: 'no-pace' });
    const full = readinessFor(fullLevel, record(['basics/one']), curriculum, now, ZONE);
    const p = projectReadiness(full, 1, now, ZONE);
    expect(p.criteria.find((c) => c.key === 'kpi:target-attainment')).toEqual({ key: 'kpi:target-attainment', day: null, basis: 'unpredictable' });
    expect(p.readyDay).toBeNull();
  });

  it('projects a quiz mean already at the bar to the day the remaining quizzes’ modules are done', () => {
    const level: TargetLevel = { id: 'mid', criteria: criteria({ courses: ['skills'], minQuizPercent: 80 }) };
    const rec = { ...record(['skills/listen']), quizzes: summariseQuizAttempts([{ quizId: 'quiz-listen', percent: 90, at: now }]) };
    const p = projectReadiness(readinessFor(level, rec, curriculum, now, ZONE), 1, now, ZONE);
    expect(p.criteria.find((c) => c.key === 'quiz')).toEqual({ key: 'quiz', day: '2026-09-02', basis: 'pace' });
  });

  const arbitraryRecord = fc
    .record({
      completed: fc.subarray(['basics/one', 'basics/two', 'basics/three', 'skills/listen', 'skills/ask']),
      quiz: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      monthsIn: fc.integer({ min: 0, max: 24 }),
    })
    .map(({ completed, quiz, monthsIn }) => ({
      ...record(completed),
      levelSince: new Date(now.getTime() - monthsIn * 30 * DAY),
      quizzes: summariseQuizAttempts(quiz === undefined ? [] : [{ quizId: 'quiz-one', percent: quiz, at: now }]),
    }));
  const level: TargetLevel = { id: 'mid', criteria: criteria({ courses: ['basics', 'skills'], modules: ['skills/ask'], minQuizPercent: 70, minMonthsAtPreviousLevel: 6, managerSignOff: true }) };
  const pace = fc.option(fc.double({ min: 0.001, max: 10, noNaN: true }), { nil: null });
  const instant = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

  it('never projects a day before today, in the company’s calendar', () => {
    fc.assert(
      fc.property(arbitraryRecord, pace, instant, (rec, p, at) => {
        const today = dayKey(at, ZONE);
        const projection = projectReadiness(readinessFor(level, rec, curriculum, at, ZONE), p, at, ZONE);
        for (const c of projection.criteria) if (c.day !== null) expect(c.day >= today).toBe(true);
        if (projection.readyDay !== null) expect(projection.readyDay >= today).toBe(true);
      }),
    );
  });

  it('is monotone in pace: a faster pace never moves a day later or loses a projection', () => {
    fc.assert(
      fc.property(arbitraryRecord, fc.double({ min: 0.001, max: 5, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), (rec, slow, factor) => {
        const r = readinessFor(level, rec, curriculum, now, ZONE);
        const a = projectReadiness(r, slow, now, ZONE);
        const b = projectReadiness(r, slow * factor, now, ZONE);
        a.criteria.forEach((c, i) => {
          if (c.day !== null) expect(b.criteria[i]!.day !== null && b.criteria[i]!.day! <= c.day).toBe(true);
        });
        if (a.readyDay !== null) expect(b.readyDay !== null && b.readyDay <= a.readyDay).toBe(true);
      }),
    );
  });

  it('puts the ready day on or after every projected criterion, and projects met criteria as today', () => {
    fc.assert(
      fc.property(arbitraryRecord, pace, (rec, p) => {
        const r = readinessFor(level, rec, curriculum, now, ZONE);
        const projection = projectReadiness(r, p, now, ZONE);
        r.criteria.forEach((c, i) => {
          if (c.status === 'met') expect(projection.criteria[i]).toMatchObject({ day: dayKey(now, ZONE), basis: 'met' });
        });
        if (projection.readyDay !== null) for (const c of projection.criteria) if (c.day !== null) expect(c.day <= projection.readyDay).toBe(true);
        // Without a pace only the calendar and met criteria have days.
        if (p === null) for (const c of projection.criteria) if (c.day !== null) expect(['met', 'calendar']).toContain(c.basis);
      }),
    );
  });
});
