/** The retention figure: the share of review answers that were right over the last 30 company days. */
import { addDays, dayKey, startOfDay } from '../dates';

export const RETENTION_DAYS = 30;

export interface Retention {
  right: number;
  total: number;
  /** right / total, or null when there were no review answers in the window. */
  share: number | null;
}

/** The first instant of the window: midnight, company time, 29 days before today. */
export function retentionWindowStart(now: Date, zone: string): Date {
  return startOfDay(addDays(dayKey(now, zone), -(RETENTION_DAYS - 1)), zone)!;
}

export function retentionOver30Days(answers: readonly { correct: boolean; at: Date }[], now: Date, zone: string): Retention {
  const from = retentionWindowStart(now, zone).getTime();
  const inWindow = answers.filter((a) => a.at.getTime() >= from && a.at.getTime() <= now.getTime());
  const right = inWindow.filter((a) => a.correct).length;
  return { right, total: inWindow.length, share: inWindow.length === 0 ? null : right / inWindow.length };
}
