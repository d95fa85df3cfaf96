import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { levelRules, questionTypeList, questionTypes, quizRule } from '../../src/lib/content/platform-facts';
import { levelSchema, type Level } from '../../src/schemas/level';
import { questionSchema } from '../../src/schemas/quiz';

const level = (id: string): Level => levelSchema.parse(parse(readFileSync(`content/levels/${id}.yaml`, 'utf8')));
const titles = { course: (id: string) => `《${id}》`, module: (id: string) => id, exercise: (id: string) => id };

describe('QuestionTypes', () => {
  it('lists every type the quiz schema accepts', () => {
    const accepted = questionSchema.options.map((o) => o.shape.type.value);
    expect(questionTypes).toEqual(accepted);
    expect(questionTypes).toHaveLength(6);
    const zh = questionTypeList('zh');
    expect(zh.lead).toBe('测验共有 6 种题型：');
    expect(zh.items).toHaveLength(6);
    expect(questionTypeList('en').items.join('\n')).toMatch(/Ordering[\s\S]*Matching[\s\S]*Number/);
  });
});

describe('LadderRule', () => {
  it('reads the supervisor quiz rule from the level file: the average of every attempt, at its threshold', () => {
    const supervisor = level('supervisor');
    expect(supervisor.criteria.quizScoreMode).toBe('average');
    expect(quizRule(supervisor, 'zh')).toBe(`相关测验平均分不低于 ${supervisor.criteria.minQuizPercent}%（取全部作答的平均）`);
    expect(quizRule(supervisor, 'en')).toBe(`Quiz average of at least ${supervisor.criteria.minQuizPercent}% (average of all attempts)`);
  });

  it('follows the configuration when a company changes it', () => {
    const changed: Level = { ...level('supervisor'), criteria: { ...level('supervisor').criteria, minQuizPercent: 72, quizScoreMode: 'best' } };
    expect(quizRule(changed, 'en')).toBe('Quiz average of at least 72% (best attempt of each quiz)');
  });

  it('lists every condition of a level, and none for the entry level', () => {
    const mid = level('mid');
    const rules = levelRules(mid, 'zh', titles);
    expect(rules).toContain(quizRule(mid, 'zh'));
    for (const kpi of mid.criteria.kpis) expect(rules.join('\n')).toContain(`不低于 ${kpi.minPercent}%`);
    expect(rules).toContain(`在当前职级任职满 ${mid.criteria.minMonthsAtPreviousLevel} 个月`);
    expect(rules.at(-1)).toBe('经理签字确认');
    expect(levelRules(level('junior'), 'zh', titles)).toEqual([]);
  });
});
