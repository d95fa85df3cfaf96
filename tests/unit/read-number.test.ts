import { describe, expect, it } from 'vitest';
import { firstUnreadableNumber, numberProblemKey, readNumber, type UnitText } from '../../src/lib/numbers/read-number';
import { typedNumber } from '../../src/lib/forms/typed-number';

const yuan = { zh: '元', en: 'yuan' };
const tenThousandYuan = { zh: '万元', en: '× 10,000 yuan' };
const copies = { zh: '份', en: 'quotes' };
const percent = { zh: '%', en: '%' };

describe('reading a number as people type it', () => {
  it.each<[string, UnitText, number]>([
    ['24份', copies, 24],
    ['24 份', copies, 24],
    ['24 quotes', copies, 24],
    ['1 quote', copies, 1],
    ['２４', null, 24],
    ['１２．５', null, 12.5],
    ['1,200', null, 1200],
    ['1，200', null, 1200],
    ['1 200', null, 1200],
    ['1,234,567.5', null, 1234567.5],
    ['3.5%', percent, 3.5],
    ['3.5％', percent, 3.5],
    ['3.5', percent, 3.5],
    ['3。5', null, 3.5],
    ['¥1,200.50', yuan, 1200.5],
    ['￥1,200.50', yuan, 1200.5],
    ['1200元', yuan, 1200],
    ['RMB 1,200', yuan, 1200],
    ['1200 CNY', yuan, 1200],
    ['12 万', null, 120000],
    ['12万', yuan, 120000],
    ['12万', copies, 120000],
    ['12', tenThousandYuan, 12],
    ['12万', tenThousandYuan, 12],
    ['12万元', tenThousandYuan, 12],
    ['120,000元', tenThousandYuan, 12],
    ['1.5万', tenThousandYuan, 1.5],
    ['-3', null, -3],
    ['－3', null, -3],
    ['−3', null, -3],
    ['-¥3', yuan, -3],
    ['+5', null, 5],
    ['.5', null, 0.5],
    ['3.', null, 3],
    [' 40.32 ', null, 40.32],
    ['\u300040\u3000', null, 40],
  ])('reads "%s" (unit %j) as %d', (typed, unit, value) => {
    expect(readNumber(typed, unit)).toEqual({ ok: true, value });
  });

  it.each<[string, UnitText, string]>([
    ['', null, 'empty'],
    ['   ', copies, 'empty'],
    ['abc', null, 'unreadable'],
    ['1.2.3', null, 'unreadable'],
    ['1e3', null, 'unreadable'],
    ['0x10', null, 'unreadable'],
    ['Infinity', null, 'unreadable'],
    ['-', null, 'unreadable'],
    ['.', null, 'unreadable'],
    ['--1', null, 'unreadable'],
    ['1,20', null, 'comma'],
    ['1,5', null, 'comma'],
    ['12,50', null, 'comma'],
    ['24个', copies, 'unit'],
    ['12%', null, 'unit'],
    ['12%', yuan, 'unit'],
    ['¥12', null, 'unit'],
    ['12万', percent, 'unit'],
    ['1'.repeat(70), null, 'unreadable'],
  ])('refuses "%s" (unit %j) because of %s', (typed, unit, problem) => {
    expect(readNumber(typed, unit)).toEqual({ ok: false, problem });
  });

  it('takes a number that is already a number as it is, unless it is not finite', () => {
    expect(readNumber(24)).toEqual({ ok: true, value: 24 });
    expect(readNumber(Number.NaN)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('names the question’s unit when the typed one is wrong, and asks for a bare number when there is none', () => {
    expect(numberProblemKey('unit', copies)).toBe('number.unitOf');
    expect(numberProblemKey('unit', null)).toBe('number.noUnit');
    expect(numberProblemKey('comma', null)).toBe('number.comma');
  });
});

describe('a form field holding a typed number', () => {
  const percentField = typedNumber('%', 'write a percent');

  it('reads what a manager types into the KPI box, and still takes a plain number from a JSON client', () => {
    expect(percentField.parse('１０４．５％')).toBe(104.5);
    expect(percentField.parse('1,040')).toBe(1040);
    expect(percentField.parse(91)).toBe(91);
  });

  it('refuses what it cannot read with the field’s own hint', () => {
    const parsed = percentField.safeParse('lots');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('write a percent');
  });
});

describe('checking a quiz’s typed numbers before submitting', () => {
  const questions = [
    { id: 'pick', type: 'single' },
    { id: 'share', type: 'numeric', unit: '%' },
    { id: 'count', type: 'numeric', unit: '份' },
  ];

  it('names the first numeric box the server would refuse, counting from 0 in the order shown', () => {
    expect(firstUnreadableNumber(questions, { pick: ['a'], share: '12.5%', count: '24个' })).toBe(2);
    expect(firstUnreadableNumber(questions, { share: '1,5', count: '24个' })).toBe(1);
  });

  it('lets readable and blank boxes through', () => {
    expect(firstUnreadableNumber(questions, { share: '１２。５', count: '' })).toBeNull();
  });
});
