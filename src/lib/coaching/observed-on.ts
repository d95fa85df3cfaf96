/**
 * The day an observation happened, as a manager types or picks it: "2026-11-30" from a date picker,
 * or typed as "2026/11/30", "2026.11.30", "２０２６年１１月３０日". Pure. It must be a real day on the
 * company calendar, not after today and not more than a year back.
 */
import { addDays, dayKey, parseDayKey, type DayKey } from '../dates/days';

export function readObservedOn(text: string, now: Date, zone: string): DayKey | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const key = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  if (!parseDayKey(key)) return null;
  const today = dayKey(now, zone);
  return key <= today && key >= addDays(today, -366) ? key : null;
}
