import { describe, expect, it } from 'vitest';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { auditWithoutPersonalData, erasedEmail, erasedName, erasureTag, isErasedEmail, resultWithoutFreeText, scoresWithoutNotes, withoutFreeText } from '../../src/lib/personal-data/scrub';

describe('what erasure leaves', () => {
  it('keeps chosen option ids, numbers and the shape of an answer, and drops the learner’s own words', () => {
    expect(withoutFreeText({ q1: 'option-b', q2: ['a', 'c'], q3: '24', q4: '客户说预算只有十二万', q5: true, q6: { left: 'right-1' }, q7: 'Call me at 138…' })).toEqual({
      q1: 'option-b',
      q2: ['a', 'c'],
      q3: '24',
      q4: null,
      q5: true,
      q6: { left: 'right-1' },
      q7: null,
    });
  });

  it('keeps the verdicts of a stored quiz result and drops only what was given in words', () => {
    expect(resultWithoutFreeText([{ questionId: 'q1', correct: false, chosen: ['b'], given: '24个', key: 'k' }])).toEqual([{ questionId: 'q1', correct: false, chosen: ['b'], given: null, key: 'k' }]);
  });

  it('nulls names, addresses and notes in audit entries and keeps what changed', () => {
    expect(auditWithoutPersonalData({ email: 'a@b.c', name: '张三', role: 'learner', note: '很好', teamId: 't1' })).toEqual({ email: null, name: null, role: 'learner', note: null, teamId: 't1' });
  });

  it('names an erased person by a stable tag in both languages, at an address no mail reaches', async () => {
    const tag = await erasureTag('user-1');
    expect(tag).toBe(await erasureTag('user-1'));
    expect(tag).not.toBe(await erasureTag('user-2'));
    expect(erasedName(tag)).toBe(`已删除的人员 #${tag.slice(0, 4)} / Erased person #${tag.slice(0, 4)}`);
    expect(isErasedEmail(erasedEmail(tag))).toBe(true);
    expect(erasedEmail(tag).endsWith('.invalid')).toBe(true);
  });
});

describe('RETENTION_MONTHS', () => {
  it('is off unless set, reads digits as typed, and refuses anything but a whole number of months with a message', () => {
    expect(readServerEnv({}).RETENTION_MONTHS).toBeUndefined();
    expect(readServerEnv({ RETENTION_MONTHS: '' }).RETENTION_MONTHS).toBeUndefined();
    expect(readServerEnv({ RETENTION_MONTHS: '24' }).RETENTION_MONTHS).toBe(24);
    expect(readServerEnv({ RETENTION_MONTHS: '２４' }).RETENTION_MONTHS).toBe(24);
    for (const bad of ['0', '1.5', 'two years', '-3']) expect(() => readServerEnv({ RETENTION_MONTHS: bad })).toThrow(/RETENTION_MONTHS must be a whole number of months/);
  });

  it('empties coaching words in audit entries and observation scores, keeping criteria and levels', () => {
    expect(auditWithoutPersonalData({ observation: 'o1', reply: 'r1', body: '下次先问决策人' })).toEqual({ observation: 'o1', reply: 'r1', body: null });
    expect(auditWithoutPersonalData({ attempt: 'a1', step: 2, body: '开场太急' })).toEqual({ attempt: 'a1', step: 2, body: null });
    expect(auditWithoutPersonalData({ scores: [{ criterionId: 'questions', level: 2, note: '追问不够' }] })).toEqual({ scores: [{ criterionId: 'questions', level: 2, note: null }] });
    expect(scoresWithoutNotes([{ criterionId: 'questions', level: 2, note: '追问不够' }])).toEqual([{ criterionId: 'questions', level: 2, note: '' }]);
  });
});
