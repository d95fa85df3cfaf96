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
    expect(text).toContain('先分级， 再拜访');
    expect(text).toContain('线索');
    expect(text).not.toMatch(/lead-grading|RoleCard|Callout|tip|---|\*\*/);
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
