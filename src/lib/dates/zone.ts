/**
 * The company's calendar: which day an instant falls on, and which instant a day starts, in one
 * IANA time zone. Pure: the zone is always passed in (the server reads it once from
 * COMPANY_TIME_ZONE), never taken from the machine, so a server in UTC and one in Shanghai show
 * the same dates.
 */

/** Where the sales organisation works; the default of COMPANY_TIME_ZONE. */
export const DEFAULT_COMPANY_TIME_ZONE = 'Asia/Shanghai';

/** Whether `name` is a time zone this runtime knows ("Asia/Shanghai", "UTC", "Europe/Berlin"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock reading: what a clock on the office wall shows. Months are 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at instant `at`. */
export function wallTime(at: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((at.getTime() % 1000) + 1000) % 1000,
  };
}

const wallAsUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);

/** How far `zone` is ahead of UTC at instant `at`, in milliseconds (+8 h for Shanghai). */
export function zoneOffsetMs(at: Date, zone: string): number {
  return wallAsUtc(wallTime(at, zone)) - at.getTime();
}

/**
 * The instant the wall clock in `zone` shows `wall`. A time skipped by a daylight-saving jump
 * resolves to the instant just after the jump; a repeated time to its first occurrence.
 */
export function instantAt(wall: WallTime, zone: string): Date {
  const asUtc = wallAsUtc(wall);
  // The offset at the guess is right unless a transition lies between the guess and the answer;
  // a second pass settles it.
  const first = asUtc - zoneOffsetMs(new Date(asUtc), zone);
  const second = asUtc - zoneOffsetMs(new Date(first), zone);
  if (first === second) return new Date(first);
  return new Date(Math.min(first, second));
}
