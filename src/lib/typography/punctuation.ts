/**
 * Punctuation that follows each language's own rules, for text the code assembles around words
 * from the dictionaries: Chinese uses full-width ：（）、, English ": ", "( )" and ", … and".
 * Pure and free of Node APIs, so islands use it as well as pages.
 */
export type TypographyLanguage = 'zh' | 'en';

/** "汇报对象：" / "Reports to: " — a label introducing what follows. */
export function labelColon(lang: TypographyLanguage, label: string): string {
  return lang === 'zh' ? `${label}：` : `${label}: `;
}

/** "（单选题）" / "(Single choice)". */
export function parenthetical(lang: TypographyLanguage, text: string): string {
  return lang === 'zh' ? `（${text}）` : `(${text})`;
}

const listFormats = {
  zh: new Intl.ListFormat('zh-CN', { style: 'long', type: 'conjunction' }),
  en: new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }),
};

/** "甲、乙和丙" / "A, B and C" — items of one list in a sentence. */
export function joinList(lang: TypographyLanguage, items: readonly string[]): string {
  return listFormats[lang].format(items);
}

/** "甲；乙" / "A; B" — separate statements about one thing (e.g. several problems of one row). */
export function joinStatements(lang: TypographyLanguage, items: readonly string[]): string {
  return items.join(lang === 'zh' ? '；' : '; ');
}

