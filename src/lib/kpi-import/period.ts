/**
 * KPI periods as CRM exports write them, read into the app's period format (2026, 2026-H1,
 * 2026-Q2, 2026-05; see readiness/periods.ts). Accepted: that format and its spellings
 * ("2026Q2", "2026 q2", "2026/05", "2026.5", "2026年5月", "2026年第2季度", "2026年上半年", "2026年",
 * full-width digits), a day ("2026-05-31", "2026/5/31") or a date cell, which names its month,
 * an instant with a time ("2026-05-31T20:00:00Z"), read on the company's calendar, and an Excel
 * day number (46173) where the date cell was saved as a plain number.
 */
import { dayKey } from '../dates/days';
import { isPeriod } from '../promotion/periods';
import type { TableCell } from './server/table';

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); a date cell's value is midnight UTC of its day. */
export function excelSerialToDay(serial: number): { year: number; month: number; day: number } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const at = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

const monthPeriod = (year: number, month: number) => (month >= 1 && month <= 12 ? checked(`${year}-${pad(month)}`) : null);
const checked = (period: string) => (isPeriod(period) ? period : null);

const CHINESE_NUMBERS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4' };

export function readPeriod(cell: TableCell, zone: string): string | null {
  // exceljs gives a date cell as midnight UTC of the day written in it: that day is the period's.
  if (typeof cell === 'object' && 'date' in cell) return monthPeriod(cell.date.getUTCFullYear(), cell.date.getUTCMonth() + 1);
  if (typeof cell === 'object') {
    if (Number.isInteger(cell.number) && cell.number >= 1990 && cell.number <= 2200) return checked(String(cell.number));
    // 202605 saved as a number is a month, not a day 550 years from now.
    if (Number.isInteger(cell.number) && cell.number >= 199001 && cell.number <= 220012) return monthPeriod(Math.floor(cell.number / 100), cell.number % 100);
    const day = excelSerialToDay(cell.number);
    return day ? monthPeriod(day.year, day.month) : null;
  }
  const folded = cell.normalize('NFKC').trim();
  const text = folded
    .replace(/[一二三四]/g, (c) => CHINESE_NUMBERS[c]!)
    .replace(/\s+/g, '');
  if (text === '') return null;
  // Five digits are an Excel day number (1973 to 2173); four are a year, six a month (202605).
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const day = excelSerialToDay(Number(text));
    return day ? monthPeriod(day.year, day.month) : null;
  }
  // An instant with a time of day: its day on the company's calendar decides the month.
  // Without a zone, the time is already the company's wall clock and its day is the one written.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(folded)) {
    if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(folded)) return monthPeriod(Number(folded.slice(0, 4)), Number(folded.slice(5, 7)));
    const at = new Date(folded.replace(' ', 'T'));
    if (!Number.isNaN(at.getTime())) {
      const [y, m] = dayKey(at, zone).split('-').map(Number) as [number, number];
      return monthPeriod(y, m);
    }
  }
  const upper = text.toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(upper)) || (m = /^(\d{4})年(?:度|全年)?$/.exec(upper)) || (m = /^FY(\d{4})$/.exec(upper))) return checked(m[1]!);
  if ((m = /^(\d{4})[-/._]?([HQ])([1-4])$/.exec(upper)) || (m = /^([HQ])([1-4])[-/._]?(\d{4})$/.exec(upper))) {
    const [year, kind, n] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[1]!, m[2]!];
    return checked(`${year}-${kind}${n}`);
  }
  if ((m = /^(\d{4})年(?:第)?([1-4])(?:季度|季)$/.exec(upper)) || (m = /^(\d{4})年Q([1-4])$/.exec(upper))) return checked(`${m[1]}-Q${m[2]}`);
  if ((m = /^(\d{4})年?([上下])半年$/.exec(upper))) return checked(`${m[1]}-H${m[2] === '上' ? 1 : 2}`);
  if ((m = /^(\d{4})年(\d{1,2})月(?:份)?$/.exec(upper)) || (m = /^(\d{4})[-/.](\d{1,2})$/.exec(upper)) || (m = /^(\d{4})(\d{2})$/.exec(upper))) {
    return monthPeriod(Number(m[1]), Number(m[2]));
  }
  // A day names its month: "2026-05-31", "2026/5/31", "2026年5月31日".
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(upper)) || (m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(upper))) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? monthPeriod(year, month) : null;
  }
  return null;
}

/** How far back and ahead of today (in the company's zone) a KPI period may lie. */
export const PERIOD_YEARS_BACK = 10;
export const PERIOD_YEARS_AHEAD = 1;

/**
 * Whether a read period lies outside the plausible window: ending more than PERIOD_YEARS_BACK
 * years before this month, or starting more than PERIOD_YEARS_AHEAD years after it. Catches typos
 * that still parse: 2099-05, or 99999 read as an Excel day number (2173-10).
 */
export function periodOutOfWindow(period: string, now: Date, zone: string): boolean {
  const m = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})))?$/.exec(period);
  if (!m) return true;
  const year = Number(m[1]);
  const [first, last] = m[2] ? [Number(m[2]) * 6 - 5, Number(m[2]) * 6] : m[3] ? [Number(m[3]) * 3 - 2, Number(m[3]) * 3] : m[4] ? [Number(m[4]), Number(m[4])] : [1, 12];
  const [y, mo] = dayKey(now, zone).split('-').map(Number) as [number, number];
  const thisMonth = y * 12 + mo;
  return year * 12 + last < thisMonth - PERIOD_YEARS_BACK * 12 || year * 12 + first > thisMonth + PERIOD_YEARS_AHEAD * 12;
}
