import type { Language } from '../schemas/common';
import { zh } from './zh';
import { en } from './en';

export type { Language };
export const defaultLanguage: Language = 'zh';
export const languageNames: Record<Language, string> = { zh: '中文', en: 'English' };
export const htmlLang: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export type UiKey = keyof typeof zh;
/**
 * A text that depends on a number: the dictionaries hold `<key>.one` and `<key>.other` (add more
 * CLDR categories as a language needs them), and `t(lang, '<key>', { count })` picks one with
 * Intl.PluralRules, so English says "1 person" and "2 people" while Chinese has one form.
 */
export type PluralKey = { [K in UiKey]: K extends `${infer Base}.other` ? Base : never }[UiKey];
/** Every UI key, e.g. for handing an island all strings under one prefix. */
export const uiKeys = Object.keys(zh) as UiKey[];

const dictionaries: Record<Language, Record<UiKey, string>> = { zh, en };

const pluralRules = { zh: new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') } satisfies Record<Language, Intl.PluralRules>;

/** The `.one`/`.other` … variant of a plural key for this count; `.other` when the language has no such category. */
export function pluralVariant(lang: Language, key: PluralKey, count: number): UiKey {
  const category = `${key}.${pluralRules[lang].select(count)}`;
  return (category in dictionaries[lang] ? category : `${key}.other`) as UiKey;
}

/** Translates a UI key, filling `{name}` placeholders; a plural key picks its form by `count`. */
export function t(lang: Language, key: UiKey, values?: Record<string, string | number>): string;
export function t(lang: Language, key: PluralKey, values: Record<string, string | number> & { count: number }): string;
export function t(lang: Language, key: UiKey | PluralKey, values: Record<string, string | number> = {}): string {
  const resolved = key in dictionaries[lang] ? (key as UiKey) : pluralVariant(lang, key as PluralKey, Number(values.count));
  return dictionaries[lang][resolved].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

/** The other language, for the language switch. */
export function otherLanguage(lang: Language): Language {
  return lang === 'zh' ? 'en' : 'zh';
}
