/** A certificate's dates written out in full ("2026年3月2日", "2 March 2026") in the company's time zone. */
import type { Language } from '../../schemas/common';

export function formatCertificateDate(date: Date, lang: Language, zone: string): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: zone }).format(date);
}
