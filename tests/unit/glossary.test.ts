import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkContent, formatProblem, type ContentFileInput } from '../../src/lib/content/check';
import { suggestId, termInLanguage } from '../../src/lib/content/glossary';
import { glossarySchema, type GlossaryTerm } from '../../src/schemas/glossary';

const closeRate: GlossaryTerm = {
  id: 'close-rate',
  term: { zh: '成交率', en: 'Close rate' },
  definition: { zh: '成交单数 ÷ 报价数。', en: 'Deals won ÷ quotes.' },
};
const funnel: GlossaryTerm = { id: 'sales-funnel', term: { zh: '销售漏斗', en: 'Sales funnel' }, definition: { zh: '阶段模型。', en: 'A stage model.' } };

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
function tree(zhBody: string, glossary: unknown = [closeRate, funnel]): ContentFileInput[] {
  const moduleData = { title: 'T', order: 1, minutes: 10, objectives: ['o'] };
  return [
    { path: 'courses/c/course.yaml', data: { title: text('C'), summary: text('S'), order: 1 } },
    { path: 'courses/c/m.zh.mdx', data: moduleData, body: zhBody },
    { path: 'courses/c/m.en.mdx', data: moduleData, body: 'Body' },
    { path: 'levels/supervisor.yaml', data: { order: 1, name: text('S'), description: text('D') } },
    { path: 'glossary.yaml', data: glossary },
  ];
}
// These tests put KeyTerm in the Chinese lesson only; that the twins show the same terms is tested in content-check.test.ts.
const problems = (zhBody: string, glossary?: unknown) =>
  checkContent(tree(zhBody, glossary))
    .map(formatProblem)
    .filter((p) => !p.includes('which the Chinese twin shows'));

describe('KeyTerm', () => {
  it('shows the glossary definition in the page language, with the other name beside it', () => {
    expect(termInLanguage(closeRate, 'zh')).toEqual({ anchor: 'term-close-rate', term: '成交率', other: 'Close rate', otherLang: 'en', definition: '成交单数 ÷ 报价数。' });
    expect(termInLanguage(closeRate, 'en')).toMatchObject({ term: 'Close rate', other: '成交率', definition: 'Deals won ÷ quotes.' });
  });

  it('passes content:check when it names a glossary term', () => {
    expect(problems('<KeyTerm id="close-rate" />')).toEqual([]);
  });

  it('fails content:check on an unknown id, suggesting the nearest one', () => {
    expect(problems('<KeyTerm id="close-rat" />')).toEqual([
      'content/courses/c/m.zh.mdx › line 1: <KeyTerm id="close-rat" /> names no term in content/glossary.yaml; did you mean "close-rate"? if the term is new, add it there with its zh and en wording',
    ]);
  });

  it('suggests the id when a trainer writes the term itself', () => {
    expect(problems('<KeyTerm id="成交率" />').join()).toContain('did you mean "close-rate"?');
    expect(suggestId('Sales Funnel', [{ id: 'sales-funnel', names: ['销售漏斗', 'Sales funnel'] }])).toBe('sales-funnel');
  });

  it('makes no suggestion when nothing is close', () => {
    expect(problems('<KeyTerm id="warehouse-logistics" />').join()).not.toContain('did you mean');
  });

  it('refuses a definition written in the lesson', () => {
    expect(problems('<KeyTerm term="成交率" en="Close rate">成交的比例</KeyTerm>').join()).toContain('definitions live once, in content/glossary.yaml');
  });
});

describe('glossary file', () => {
  it('refuses two entries with one id', () => {
    expect(problems('正文', [closeRate, { ...funnel, id: 'close-rate' }])).toContain(
      'content/glossary.yaml › [1].id: is "close-rate", already used by entry [0]; one term, one definition: merge the two entries',
    );
  });

  it('names the field a term is missing', () => {
    expect(problems("正文", [{ id: "close-rate", term: { zh: "成交率" }, definition: closeRate.definition }])).toContain(
      'content/glossary.yaml › [id=close-rate].term.en: is missing; add "[id=close-rate].term.en" (expected string)',
    );
  });

  it('holds one definition each of close rate, lead conversion and lifetime value (in gross profit)', () => {
    const glossary = glossarySchema.parse(parse(readFileSync('content/glossary.yaml', 'utf8')));
    const byId = new Map(glossary.map((g) => [g.id, g]));
    expect(byId.get('close-rate')!.definition.zh).toContain('报价');
    expect(byId.get('lead-conversion-rate')!.definition.zh).toContain('有效线索');
    expect(byId.get('customer-lifetime-value')!.definition.zh).toContain('毛利');
    expect(byId.get('customer-lifetime-value')!.definition.en).toContain('gross profit');
    const zhTerms = glossary.map((g) => g.term.zh);
    expect(new Set(zhTerms).size).toBe(zhTerms.length);
  });
});

describe('LadderRule in content:check', () => {
  it('fails on an unknown level, suggesting the nearest', () => {
    expect(problems('<LadderRule level="supervisr" />').join()).toContain('<LadderRule level="supervisr" /> names no level in content/levels/; did you mean "supervisor"?');
  });
});
