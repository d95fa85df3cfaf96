/**
 * What a manager's weekly digest says about their people: who is ready or close to ready for the
 * next level, who is stuck (no activity for a fortnight and not ready), and who has overdue work.
 * Pure: the manager-digest kind feeds it the team page's own rows.
 */
import { compareNames } from '../people/ordering';

/** At least this share of the next level's criteria met counts as "close to ready". */
export const CLOSE_TO_READY_SHARE = 0.75;
export const STUCK_AFTER_DAYS = 14;
/** Names listed per heading; the count says how many there are in all. */
export const DIGEST_NAMES = 8;

export interface DigestPerson {
  name: string;
  /** Share of the next level's criteria met; null at the top of the ladder. */
  share: number | null;
  ready: boolean;
  lastActivity: Date | null;
  overdue: number;
}

export interface DigestList {
  count: number;
  names: string[];
}

export interface DigestContents {
  people: number;
  ready: DigestList;
  close: DigestList;
  stuck: DigestList;
  overdue: DigestList & { assignments: number };
}

const list = (people: DigestPerson[]): DigestList => ({
  count: people.length,
  names: people.map((p) => p.name).sort(compareNames).slice(0, DIGEST_NAMES),
});

export function digestContents(people: readonly DigestPerson[], now: Date): DigestContents {
  const stuckBefore = now.getTime() - STUCK_AFTER_DAYS * 86_400_000;
  const overdue = people.filter((p) => p.overdue > 0);
  return {
    people: people.length,
    ready: list(people.filter((p) => p.ready)),
    close: list(people.filter((p) => !p.ready && p.share !== null && p.share >= CLOSE_TO_READY_SHARE)),
    stuck: list(people.filter((p) => !p.ready && p.share !== null && (p.lastActivity === null || p.lastActivity.getTime() < stuckBefore))),
    overdue: { ...list(overdue), assignments: overdue.reduce((n, p) => n + p.overdue, 0) },
  };
}
