import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
import { checkOriginality, enumerationOffsets, formatFinding, prepareHandbooks, stripPinyinGlosses } from '../../src/lib/content/originality';

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const handbook = (text: string) => prepareHandbooks([{ path: '000_handbook.txt', text }], toSimplified);
const findingsIn = (zh: string, source: string, path = 'content/courses/c/m.zh.mdx') => checkOriginality([{ path, text: zh }], handbook(source));

// Thirty distinct characters, so that any window of them is found in one place only.
const SOURCE = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星';

describe('handbook normalisation', () => {
  it('strips pinyin glosses but keeps English in brackets', () => {
    expect(stripPinyinGlosses('版權(quán)說明(shuō)：客戶關(guān)係管理(CRM)、（yǐ）以及 (see below)')).toBe('版權說明：客戶關係管理(CRM)、以及 (see below)');
  });

  it('finds a gloss-stripped Traditional sentence in its Simplified copy', () => {
    const traditional = '初級(jí)銷售人員需要積極尋找潛在客戶，通過(guò)電話、郵件等方式與他們建立聯(lián)系。';
    const findings = findingsIn('课程里写：初级销售人员需要积极寻找潜在客户，通过电话、邮件等方式与他们建立联系。', traditional);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.text).toContain('积极寻找潜在客户通过电话邮件等方式');
  });
});

describe('shared runs', () => {
  it('lets a 14-character overlap pass', () => {
    expect(findingsIn(`我们自己写的：${SOURCE.slice(3, 17)}。`, SOURCE)).toEqual([]);
  });

  it('fails a 15-character overlap and names the file, the line and both texts', () => {
    const findings = findingsIn(`---\ntitle: 标题\n---\n\n我们自己写的：${SOURCE.slice(3, 18)}。\n`, SOURCE);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ text: SOURCE.slice(3, 18), line: 5, handbook: '000_handbook.txt', handbookLine: 1 });
    expect(formatFinding(finding!)).toMatch(/^content\/courses\/c\/m\.zh\.mdx:5 shares 15 characters with the handbook 000_handbook\.txt \(line 1\)/);
    expect(formatFinding(finding!)).toContain(`course:   我们自己写的：${SOURCE.slice(3, 18)}。`);
    expect(formatFinding(finding!)).toContain(`handbook: ${SOURCE.slice(0, 26)}…`);
  });

  it('reports a long copied stretch once, at its full length', () => {
    const findings = findingsIn(`前言${SOURCE.slice(2, 28)}后记`, SOURCE);
    expect(findings.map((f) => f.text)).toEqual([SOURCE.slice(2, 28)]);
  });

  it('ignores punctuation, spaces and line breaks on both sides', () => {
    const source = `${SOURCE.slice(0, 8)}，${SOURCE.slice(8, 20)}。`;
    const copy = `- { id: 'a', label: '${SOURCE.slice(0, 8)}' }\n- { id: 'b', label: '${SOURCE.slice(8, 20)}' }\n`;
    const [finding] = findingsIn(copy, source, 'content/exercises/e.yaml');
    expect(finding).toMatchObject({ text: SOURCE.slice(0, 20), line: 1, endLine: 2 });
  });

  it('lets a plain 、-enumeration of terms stay', () => {
    const source = '价格数量交付周期付款方式服务条款违约责任';
    expect(findingsIn('谈判涉及价格、数量、交付周期、付款方式、服务条款、违约责任。', source)).toEqual([]);
  });

  it('still fails a copied phrase that only carries a 、 inside it', () => {
    const source = '销售人员需要积极寻找潜在客户通过电话邮件等方式与他们建立联系';
    expect(findingsIn('销售人员需要积极寻找潜在客户，通过电话、邮件等方式与他们建立联系。', source)).toHaveLength(1);
  });
});

describe('enumerationOffsets', () => {
  it('exempts items of up to six characters that stand on their own', () => {
    const line = '三项：需求、购买力、信用。';
    expect([...enumerationOffsets(line)].map((i) => line[i]).join('')).toBe('需求、购买力、信用');
  });

  it('does not exempt a phrase that runs into the first or last item', () => {
    const line = '客户资料包括姓名、电话、地址和邮箱等信息';
    expect([...enumerationOffsets(line)].map((i) => line[i]).join('')).toBe('');
  });
});
