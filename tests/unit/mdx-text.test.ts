import { describe, expect, it } from 'vitest';
import { extractKeyTerms, mdxToPlainText } from '../../src/lib/mdx-text';

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
    expect(text).toContain('先分级， 再拜访');
    expect(text).toContain('线索');
    expect(text).not.toMatch(/lead-grading|RoleCard|Callout|tip|---|\*\*/);
  });
});

describe('extractKeyTerms', () => {
  it('finds each term with its other-language name and definition', () => {
    const terms = extractKeyTerms(`<KeyTerm term="理想客户画像" en="Ideal customer profile">
对最值得服务的客户的**描述**。
</KeyTerm>

<KeyTerm term='Lead' zh='线索'>A possible customer.</KeyTerm>`);
    expect(terms).toEqual([
      { term: '理想客户画像', other: 'Ideal customer profile', definition: '对最值得服务的客户的 描述 。' },
      { term: 'Lead', other: '线索', definition: 'A possible customer.' },
    ]);
  });
});
