/** How tenure counted across several levels reads on "My path" and the team pages, in both languages. */
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { describe, expect, it } from 'vitest';
import { criterionLabel, criterionValue, nextStep } from '../../src/lib/promotion/criterion-text';
import { emptyRecord, readinessFor, type CriterionResult, type LearnerRecord } from '../../src/lib/promotion/readiness';
import { criteria, curriculum } from './readiness-fixtures';

const names: Record<string, { zh: string; en: string }> = { supervisor: { zh: '销售主管', en: 'Sales supervisor' }, manager: { zh: '销售经理', en: 'Sales manager' } };
const titles = (lang: 'zh' | 'en') => ({
  course: (id: string) => id,
  module: (id: string) => id,
  exercise: (id: string) => id,
  level: (id: string) => names[id]?.[lang] ?? id,
});
const date = (d: Date) => d.toISOString().slice(0, 10);
const level = { id: 'manager', criteria: criteria({ tenure: { months: 60, in: ['supervisor', 'manager'] } }) };
const tenureOf = (record: LearnerRecord, now: Date) => readinessFor(level, record, curriculum, now, ZONE).criteria[0] as CriterionResult;
const links = { moduleHref: () => null, exerciseModule: () => null };

describe('tenure across levels, as people read it', () => {
  const supervisor = emptyRecord('p', 'supervisor', new Date('2023-01-01T00:00:00Z'));

  it('names the levels whose time counts', () => {
    const c = tenureOf(supervisor, new Date('2026-01-01T00:00:00Z'));
    expect(criterionLabel('zh', c, titles('zh'))).toBe('在销售主管、销售经理职级上累计任职满 60 个月');
    expect(criterionLabel('en', c, titles('en'))).toBe('60 months in total at these levels: Sales supervisor, Sales manager');
  });

  it('says how many months so far and from when it is met', () => {
    const c = tenureOf(supervisor, new Date('2026-01-01T00:00:00Z'));
    expect(criterionValue('zh', c, date)).toBe('累计 36 个月，2028-01-01 起满足');
    expect(criterionValue('en', c, date)).toBe('36 months in total; met from 2028-01-01');
    expect(criterionValue('en', tenureOf(supervisor, new Date('2028-02-01T00:00:00Z')), date)).toBe('61 months in total');
  });

  it('gives no date, and says why, while the level held now does not count', () => {
    const senior: LearnerRecord = {
      ...emptyRecord('p', 'senior', new Date('2025-01-01T00:00:00Z')),
      promotions: [
        { fromLevelId: 'senior', toLevelId: 'supervisor', at: new Date('2023-01-01T00:00:00Z') },
        { fromLevelId: 'supervisor', toLevelId: 'senior', at: new Date('2025-01-01T00:00:00Z') },
      ],
    };
    const c = tenureOf(senior, new Date('2026-01-01T00:00:00Z'));
    expect(criterionValue('zh', c, date)).toBe('累计 24 个月；目前所在职级的时间不计入');
    expect(criterionValue('en', c, date)).toBe('24 months in total; time at your current level does not count');
    expect(nextStep('en', c, titles('en'), links)).toEqual({ href: null, text: 'Only time at the levels listed counts' });
    expect(nextStep('zh', tenureOf(supervisor, new Date('2026-01-01T00:00:00Z')), titles('zh'), links)).toEqual({ href: null, text: '随任职时间自动满足' });
  });
});
