/** Dates and times as people read them, in the company's zone and the reader's language. Pure. */
import { htmlLang, type Language } from '../../i18n/ui';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Language, zone: string, style: 'date' | 'dateTime' | 'longDate'): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      style === 'date'
        ? new Intl.DateTimeFormat(htmlLang[lang], { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })
        : style === 'longDate'
          ? // Formal documents (certificates) write the day first in English: "2 March 2026".
            new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone, dateStyle: 'long' })
          : new Intl.DateTimeFormat(htmlLang[lang], { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(key, f);
  }
  return f;
}

/** "2026/3/2" (zh) or "3/2/2026" (en): the day of `at` in `zone`. */
export function formatDate(at: Date, lang: Language, zone: string): string {
  return formatter(lang, zone, 'date').format(at);
}

/** "2026年3月2日 01:30" (zh) or "Mar 2, 2026, 1:30 AM" (en): the moment of `at` in `zone`. */
export function formatDateTime(at: Date, lang: Language, zone: string): string {
  return formatter(lang, zone, 'dateTime').format(at);
}

/** "2026年3月2日" (zh) or "2 March 2026" (en), as a certificate states a date. */
export function formatLongDate(at: Date, lang: Language, zone: string): string {
  return formatter(lang, zone, 'longDate').format(at);
}

/** Both formatters bound to one reader and one zone, for a page to call as `date(d)`. */
export interface Calendar {
  zone: string;
  date(at: Date): string;
  dateTime(at: Date): string;
}

export function calendarFor(lang: Language, zone: string): Calendar {
  return { zone, date: (at) => formatDate(at, lang, zone), dateTime: (at) => formatDateTime(at, lang, zone) };
}
