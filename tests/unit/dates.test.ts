/**
 * The company calendar. Run under TZ=UTC and TZ=America/Los_Angeles as well as the machine's own
 * zone: none of these results may depend on where the server runs.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarFor,
  dayKey,
  endOfDay,
  formatDate,
  formatDateTime,
  isTimeZone,
  startOfDay,
  wholeMonthsBetween,
  zoneOffsetMs,
} from '../../src/lib/dates';
import { completionBoxHtml } from '../../src/lib/lesson-shell/fragments';
import { readServerEnv } from '../../src/lib/platform/server/env';

const SHANGHAI = 'Asia/Shanghai';
// 17:30 UTC on 1 March is 01:30 on 2 March in Shanghai, and still 1 March in UTC and California.
const completion = new Date('2026-03-01T17:30:00Z');

describe('the company calendar', () => {
  it('puts an evening completion in UTC on the next day in Shanghai, whatever the server zone', () => {
    expect(dayKey(completion, SHANGHAI)).toBe('2026-03-02');
    expect(formatDate(completion, 'zh', SHANGHAI)).toBe('2026/3/2');
    expect(formatDate(completion, 'en', SHANGHAI)).toBe('3/2/2026');
    expect(formatDateTime(completion, 'zh', SHANGHAI)).toContain('2026年3月2日');
    expect(formatDateTime(completion, 'zh', SHANGHAI)).toContain('01:30');
    expect(calendarFor('en', SHANGHAI).date(completion)).toBe('3/2/2026');
  });

  it('follows the configured zone rather than a fixed one', () => {
    expect(dayKey(completion, 'UTC')).toBe('2026-03-01');
    expect(dayKey(completion, 'America/Los_Angeles')).toBe('2026-03-01');
    expect(formatDate(completion, 'en', 'Europe/Berlin')).toBe('3/1/2026');
  });

  it('shows "completed on" in the lesson box in the company zone', () => {
    const html = completionBoxHtml({ lang: 'zh', moduleId: 'm', completedAt: completion, formAction: '/x', zone: SHANGHAI });
    expect(html).toContain('2026/3/2');
  });

  it('reads a date input as a whole day in the company zone', () => {
    expect(startOfDay('2026-03-02', SHANGHAI)).toEqual(new Date('2026-03-01T16:00:00Z'));
    expect(endOfDay('2026-03-02', SHANGHAI)).toEqual(new Date('2026-03-02T15:59:59.999Z'));
    expect(startOfDay(' 2026-03-02 ', 'UTC')).toEqual(new Date('2026-03-02T00:00:00Z'));
    for (const bad of ['2026-02-30', '2026-3-2', '02/03/2026', '', 'tomorrow']) {
      expect(startOfDay(bad, SHANGHAI), bad).toBeNull();
      expect(endOfDay(bad, SHANGHAI), bad).toBeNull();
    }
  });

  it('keeps days whole across daylight-saving changes', () => {
    // 8 March 2026 is 23 hours long in California; 1 November 25 hours.
    const spring = startOfDay('2026-03-09', 'America/Los_Angeles')!.getTime() - startOfDay('2026-03-08', 'America/Los_Angeles')!.getTime();
    const autumn = endOfDay('2026-11-01', 'America/Los_Angeles')!.getTime() + 1 - startOfDay('2026-11-01', 'America/Los_Angeles')!.getTime();
    expect(spring).toBe(23 * 3600_000);
    expect(autumn).toBe(25 * 3600_000);
    expect(zoneOffsetMs(new Date('2026-07-01T00:00:00Z'), 'America/Los_Angeles')).toBe(-7 * 3600_000);
    expect(zoneOffsetMs(completion, SHANGHAI)).toBe(8 * 3600_000);
  });

  it('moves day keys across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('counts calendar months on the company wall clock', () => {
    const since = new Date('2026-01-31T18:00:00Z'); // 1 February 02:00 in Shanghai
    expect(dayKey(addMonths(since, 1, SHANGHAI), SHANGHAI)).toBe('2026-03-01');
    expect(addMonths(new Date('2026-01-31T02:00:00Z'), 1, SHANGHAI)).toEqual(new Date('2026-02-28T02:00:00Z'));
    expect(addMonths(new Date('2026-11-15T00:00:00Z'), -13, SHANGHAI)).toEqual(new Date('2025-10-15T00:00:00Z'));
    expect(wholeMonthsBetween(since, new Date('2026-02-28T17:59:59Z'), SHANGHAI)).toBe(0);
    expect(wholeMonthsBetween(since, new Date('2026-02-28T18:00:00Z'), SHANGHAI)).toBe(1);
  });
});

describe('COMPANY_TIME_ZONE', () => {
  it('defaults to Asia/Shanghai', () => {
    expect(readServerEnv({}).COMPANY_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('accepts any IANA zone and refuses a misspelt one with a message naming the variable', () => {
    expect(readServerEnv({ COMPANY_TIME_ZONE: 'Europe/Berlin' }).COMPANY_TIME_ZONE).toBe('Europe/Berlin');
    expect(() => readServerEnv({ COMPANY_TIME_ZONE: 'Asia/Shangai' })).toThrow(/COMPANY_TIME_ZONE: not a time zone/);
    expect(isTimeZone('')).toBe(false);
  });
});
