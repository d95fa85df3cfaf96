import { describe, expect, it } from 'vitest';
import { mdxToPlainText } from '../../src/lib/content/mdx-text';
import { keyTermIds } from '../../src/lib/content/glossary';

describe('mdxToPlainText', () => {
  it('keeps prose and the text inside component props, drops markup and ids', () => {
    const text = mdxToPlainText(`## 为什么分级

<RoleCard title="销售主管" duties={['分解月度目标', '辅导组员']} />

<Callout type="tip" title="小提示">
先分级，**再拜访**。
</Callout>

| 阶段 | 产出 |
| --- | --- |
| 线索 | 清单 |

<Quiz id="lead-grading" />`);
    expect(text).toContain('为什么分级');
    expect(text).toContain('销售主管');
    expect(text).toContain('分解月度目标');
    expect(text).toContain('先分级，再拜访。');
    expect(text).toContain('线索');
    expect(text).not.toMatch(/lead-grading|RoleCard|Callout|tip|---|\*\*/);
  });
});

describe('mdxToPlainText reads the MDX as its parser does', () => {
  it('keeps the labels inside a Flow prop and drops the ids beside them', () => {
    expect(mdxToPlainText(`<Flow steps={[{ id: 'reach', label: '接触客户' }, { id: 'quote', label: "报价 > 底价" }]} />`)).toBe('接触客户 报价 > 底价');
  });

  it('keeps a greater-than sign and stars in prose, which a tag-stripping pattern would eat', () => {
    expect(mdxToPlainText('毛利 > 15% 时可以让步，3 \\* 4 = 12。')).toBe('毛利 > 15% 时可以让步，3 * 4 = 12。');
  });

  it('leaves code blocks and inline expressions out, and keeps link and image text', () => {
    const text = mdxToPlainText('看[报价流程](/zh/courses/a/b/)。\n\n![漏斗图](/f.png)\n\n```js\nconst secret = 1;\n```\n\n{1 + 1}');
    expect(text).toBe('看报价流程。 漏斗图');
  });

  it('keeps the numbers of an ordered list and the words of a table cell apart', () => {
    expect(mdxToPlainText('1. 开场\n2. 提问\n\n| 阶段 | 产出 |\n| --- | --- |\n| 线索 | 清单 |')).toBe('开场 提问 阶段 产出 线索 清单');
  });
});

describe('mdxToPlainText with key terms', () => {
  it('puts the glossary words of each KeyTerm where the tag stands', () => {
    const text = mdxToPlainText('看数据之前：\n\n<KeyTerm id="close-rate" />\n\n再看漏斗。', (id) => (id === 'close-rate' ? '成交率 成交单数 ÷ 报价数' : undefined));
    expect(text).toBe('看数据之前： 成交率 成交单数 ÷ 报价数 再看漏斗。');
  });
});

describe('keyTermIds', () => {
  it('lists the glossary ids a lesson shows, each once and in order', () => {
    expect(keyTermIds('<KeyTerm id="sales-funnel" />\n\n<KeyTerm id=\'close-rate\' />\n<KeyTerm id="sales-funnel" />')).toEqual(['sales-funnel', 'close-rate']);
  });
});
