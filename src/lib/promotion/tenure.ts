/**
 * Time at a level counts calendar months on the company's wall clock (COMPANY_TIME_ZONE), so a
 * promotion on the evening of 31 January in Shanghai, which is still the 31st in UTC only until
 * 16:00, reaches one month on the last day of February there.
 */
export { addMonths, wholeMonthsBetween } from '../dates/days';
