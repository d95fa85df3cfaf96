import { isLanguage, type Language } from '../../i18n/ui';

/** The language a `[lang]` route was asked for, or null for a path that is not a language. */
export function languageFromParam(param: string | undefined): Language | null {
  return isLanguage(param) ? param : null;
}

/** The same page in another language: swaps the leading /zh or /en segment. */
export function pathInLanguage(pathname: string, lang: Language): string {
  return pathname.replace(/^\/(zh|en)(?=\/|$)/, `/${lang}`);
}

/** Picks a language from an Accept-Language header; zh-CN is the default. */
export function languageFromAcceptHeader(header: string | null): Language {
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
