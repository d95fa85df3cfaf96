import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { criterionGap, criterionLabel, criterionValue, nextStep } from '../../src/lib/promotion/criterion-text';
import { emptyRecord, readinessFor, summariseQuizAttempts } from '../../src/lib/promotion/readiness';
import { curriculum, fullLevel, kpi, now, since } from './readiness-fixtures';

const titles = { course: (id: string) => `«${id}»`, module: (id: string) => `module ${id}`, exercise: (id: string) => `exercise ${id}` };
const date = (d: Date) => d.toISOString().slice(0, 10);
const links = { moduleHref: (id: string) => `/zh/courses/${id}/`, exerciseModule: (id: string) => (id === 'lead-grading' ? 'skills/ask' : null) };

const record = {
  ...emptyRecord('u', 'junior', since),
  completions: new Map([['basics/one', now]]),
  quizzes: summariseQuizAttempts([{ quizId: 'quiz-one', percent: 60, at: now }]),
  kpis: [kpi('target-attainment', 96, '2026-Q2')],
};
const criteria = readinessFor(fullLevel, record, curriculum, new Date('2026-05-01T00:00:00Z'), ZONE).criteria;
const byKey = (key: string) => criteria.find((c) => c.key === key)!;

describe('criterion text', () => {
  it('says what each criterion asks for in both languages', () => {
    expect(criteria.map((c) => criterionLabel('zh', c, titles))).toEqual([
      '完成课程《«basics»》',
      '完成单元《module skills/listen》',
      '相关测验平均分不低于 80%（每个测验取最佳成绩）',
      '练习《exercise lead-grading》得分不低于 70%',
      '销售目标达成率不低于 100%',
      '客户满意度不低于 85%',
      '在当前职级任职满 6 个月',
      '经理签字确认',
    ]);
    expect(criterionLabel('en', byKey('kpi:customer-satisfaction'), titles)).toBe('Customer satisfaction of at least 85%');
  });

  it('gives the value against the threshold, with the period for KPIs and the date tenure is reached', () => {
    expect(criterionValue('zh', byKey('course:basics'), date)).toBe('已完成 1/3 个单元');
    expect(criterionValue('en', byKey('kpi:target-attainment'), date)).toBe('Latest 96% (2026-Q2)');
    expect(criterionValue('en', byKey('tenure'), date)).toBe('3 months so far; met from 2026-07-15');
    expect(criterionGap('zh', byKey('kpi:target-attainment'), titles, date)).toBe('销售目标达成率不低于 100%（最近一期 96%（2026-Q2））');
    expect(criterionGap('en', byKey('sign-off'), titles, date)).toBe('Manager’s sign-off (Not signed off yet)');
  });

  it('points the learner at the next module, the quiz to take first, or the exercise’s lesson', () => {
    expect(nextStep('zh', byKey('course:basics'), titles, links)).toEqual({ href: '/zh/courses/basics/two/', text: '继续学习：module basics/two' });
    // quiz-two and quiz-listen were never taken (score 0); taking one is the step, not retaking quiz-one.
    expect(nextStep('en', byKey('quiz'), titles, links)).toEqual({ href: '/zh/courses/basics/two/', text: 'Take the quiz: module basics/two' });
    expect(nextStep('en', byKey('exercise:lead-grading'), titles, links)?.href).toBe('/zh/courses/skills/ask/');
    expect(nextStep('en', byKey('kpi:target-attainment'), titles, links)).toEqual({ href: null, text: 'Your manager records this from your results' });
  });

  it('offers no step for a criterion already met', () => {
    const met = readinessFor({ id: 'mid', criteria: { ...fullLevel.criteria, courses: [] } }, { ...record, kpis: [kpi('customer-satisfaction', 90, '2026-Q2')] }, curriculum, now, ZONE);
    expect(nextStep('zh', met.criteria.find((c) => c.key === 'kpi:customer-satisfaction')!, titles, links)).toBeNull();
  });
});

describe('retention criterion text', () => {
  const level = { id: 'mid', criteria: { ...fullLevel.criteria, retention: { min: 0.8 } } };
  const at = new Date('2026-05-01T00:00:00Z');
  const answers = [true, true, true, false].map((correct, i) => ({ correct, at: new Date(at.getTime() - i * 3_600_000) }));
  const retention = readinessFor(level, { ...record, reviewAnswers: answers }, curriculum, at, ZONE).criteria.find((c) => c.kind === 'retention')!;
  const none = readinessFor(level, record, curriculum, at, ZONE).criteria.find((c) => c.kind === 'retention')!;

  it('says what retention asks for, where the learner stands and where to go, in both languages', () => {
    expect(criterionLabel('zh', retention, titles)).toBe('近 30 天复习答对率不低于 80%');
    expect(criterionLabel('en', retention, titles)).toBe('Booster answers right over the last 30 days: at least 80%');
    expect(criterionValue('zh', retention, date)).toBe('75%（3/4）');
    expect(criterionValue('en', retention, date)).toBe('75% (3 of 4)');
    expect(criterionValue('en', none, date)).toBe('No reviews in the last 30 days');
    expect(nextStep('zh', retention, titles, links)).toEqual({ href: '/zh/review/', text: '做今日复习，保持答对率' });
  });
});
