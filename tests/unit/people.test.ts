import { describe, expect, it } from 'vitest';
import { compareNames, sortByName } from '../../src/lib/people/ordering';
import { matchesSearch, personMatches, searchKey } from '../../src/lib/people/search';
import { applyTeamQuery, buildTeamRow, defaultTeamQuery } from '../../src/lib/promotion/team-matrix';

describe('searching people', () => {
  const emile = { name: 'Émile Dupont', email: 'emile@demo.academy' };

  it('finds Émile typed as Émile, émile, ÉMILE or with a combining accent', () => {
    for (const q of ['Émile', 'émile', 'ÉMILE', 'E\u0301mile', 'e\u0301MILE']) expect(personMatches(q, emile), q).toBe(true);
    expect(personMatches('Emilie', emile)).toBe(false);
  });

  it('reads full-width letters and digits as the ordinary ones', () => {
    expect(searchKey('ｚｈｏｕ')).toBe('zhou');
    expect(personMatches('ＺＨＯＵ．ＭＩＮ', { name: '周敏', email: 'zhou.min@demo.academy' })).toBe(true);
    expect(matchesSearch('１２３', ['Team 123'])).toBe(true);
  });

  it('ignores spaces, so 周 敏 finds 周敏 and "liu yang" finds liuyang', () => {
    expect(personMatches('周 敏', { name: '周敏', email: 'z@x.cn' })).toBe(true);
    expect(personMatches('liu yang', { name: '刘洋', email: 'liuyang@x.cn' })).toBe(true);
  });

  it('matches mixed Latin and Chinese on name or email, and everyone on an empty query', () => {
    const emma = { name: 'Emma 吴', email: 'emma.wu@demo.academy' };
    expect(personMatches('emma吴', emma)).toBe(true);
    expect(personMatches('EMMA.WU', emma)).toBe(true);
    expect(personMatches('  ', emma)).toBe(true);
    expect(personMatches('周', emma)).toBe(false);
  });

  it('filters the team matrix with the same rules', () => {
    const row = (name: string, email: string) =>
      buildTeamRow({ userId: email, name, email, levelId: 'junior', levelOrder: 1, nextLevelId: null, lastActivity: null, overdue: 0, openAssignments: 0 }, null);
    const rows = [row('Émile Dupont', 'emile@x.cn'), row('周敏', 'zhou@x.cn')];
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, q: 'ÉMILE' }).map((r) => r.name)).toEqual(['Émile Dupont']);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, q: 'ｚｈｏｕ' }).map((r) => r.name)).toEqual(['周敏']);
  });
});

describe('ordering people and teams', () => {
  it('puts 华北 (huá běi) before 华东 (huá dōng), by pinyin rather than code point', () => {
    expect('华东' < '华北').toBe(true); // what ORDER BY in SQLite does
    expect(compareNames('华北', '华东')).toBeLessThan(0);
    expect(sortByName([{ name: '华东销售一组' }, { name: '华北销售二组' }]).map((t) => t.name)).toEqual(['华北销售二组', '华东销售一组']);
  });

  it('orders Chinese names by pinyin, then Latin names, with numbers by value', () => {
    const names = ['周敏', 'Zoe', '陈杰', '刘洋', 'anna', '组 10', '组 2', '安宁'];
    expect(sortByName(names.map((name) => ({ name }))).map((p) => p.name)).toEqual(['安宁', '陈杰', '刘洋', '周敏', '组 2', '组 10', 'anna', 'Zoe']);
  });
});
