/**
 * The company's time zone for this server, read once from COMPANY_TIME_ZONE. Pages, exports and
 * the lesson shells all ask here, so the same instant reads as the same day everywhere,
 * whatever zone the machine itself is set to.
 */
import type { Language } from '../../../i18n/ui';
import { calendarFor, type Calendar } from '../../dates';
import { serverEnv } from './env';

export function companyTimeZone(): string {
  return serverEnv().COMPANY_TIME_ZONE;
}

/** `date(d)` and `dateTime(d)` for a page in `lang`, in the company's zone. */
export function companyCalendar(lang: Language): Calendar {
  return calendarFor(lang, companyTimeZone());
}
