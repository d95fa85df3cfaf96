import { describe, expect, it } from 'vitest';
import { lopsidedSeparators, misplacedFullWidth } from '../../src/lib/typography/full-width';
import { joinList, labelColon, parenthetical } from '../../src/lib/typography/punctuation';
import { t } from '../../src/i18n/ui';

describe('typography per language', () => {
  it('writes labels, asides and lists with each language’s own punctuation', () => {
    expect(labelColon('en', 'Reports to')).toBe('Reports to: ');
    expect(labelColon('zh', '汇报对象')).toBe('汇报对象：');
    expect(parenthetical('en', 'Single choice')).toBe('(Single choice)');
    expect(parenthetical('zh', '单选题')).toBe('（单选题）');
    expect(joinList('en', ['Lead grading', 'First contact'])).toBe('Lead grading and First contact');
    expect(joinList('zh', ['线索分级', '初次接触'])).toBe('线索分级和初次接触');
  });

  it('chooses singular and plural by count in English, one form in Chinese', () => {
    expect(t('en', 'team.assign.done', { count: 1 })).toBe('Assigned to 1 person.');
    expect(t('en', 'team.assign.done', { count: 3 })).toBe('Assigned to 3 people.');
    expect(t('en', 'admin.users.count', { count: 1 })).toBe('1 person');
    expect(t('zh', 'team.assign.done', { count: 1 })).toBe(t('zh', 'team.assign.done', { count: 3 }).replace('3', '1'));
  });

  it('finds full-width punctuation in English text and lets Chinese text keep its own', () => {
    const marks = (text: string) => misplacedFullWidth(text).map((m) => m.mark);
    expect(marks('Sequence exercise：not started')).toEqual(['：']);
    expect(marks('Reports to：销售经理')).toEqual(['：']);
    expect(marks('Lead grading、First contact')).toEqual(['、']);
    expect(marks('Which is right?（Single choice）')).toEqual(['（', '）']);
    expect(marks('Ask 刘洋（销售主管） about “成交率”. The customer said: 客户说：“太贵了。”')).toEqual([]);
  });

  it('finds a "·" separator spaced on one side only', () => {
    expect(lopsidedSeparators('3 of 9 modules completed ·9 modules · about 90 min')).toHaveLength(1);
    expect(lopsidedSeparators('3 of 9 modules completed · 9 modules · 约翰·史密斯')).toEqual([]);
  });
});
