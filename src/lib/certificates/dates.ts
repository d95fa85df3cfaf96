/** A certificate's dates, written out in the company's time zone as each language writes a date. */
import type { Language } from '../../schemas/common';

const COMPANY_TIME_ZONE = 'Asia/Shanghai';

export function formatCertificateDate(date: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: COMPANY_TIME_ZONE }).format(date);
}
