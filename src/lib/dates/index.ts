export { DEFAULT_COMPANY_TIME_ZONE, instantAt, isTimeZone, wallTime, zoneOffsetMs, type WallTime } from './zone';
export { addDays, addMonths, dayKey, endOfDay, parseDayKey, startOfDay, wholeMonthsBetween, type DayKey } from './days';
export { calendarFor, formatDate, formatDateTime, formatLongDate, type Calendar } from './format';
