/**
 * Time spent at levels, reconstructed from a person's promotion history: who held which level
 * from when to when. The history only knows what the platform recorded, so time before the first
 * recorded promotion (at the level it started from) is unknown and never counted.
 */
import { addMonths, wholeMonthsBetween } from './tenure';

export interface PromotionStep {
  fromLevelId: string;
  toLevelId: string;
  at: Date;
}

export interface LevelStint {
  levelId: string;
  from: Date;
  /** Null for the level the person holds now. */
  to: Date | null;
}

/**
 * The stints behind a person's current level: one per recorded promotion (from that promotion to
 * the next, or to when the current level began), then the current level from `levelSince`. A
 * promotion at or after `levelSince` is the one that started the current stint, so it adds nothing.
 */
export function levelStints(current: { levelId: string; levelSince: Date }, promotions: readonly PromotionStep[]): LevelStint[] {
  const since = current.levelSince.getTime();
  const past = [...promotions].filter((p) => p.at.getTime() < since).sort((a, b) => a.at.getTime() - b.at.getTime());
  const stints: LevelStint[] = past.map((p, i) => {
    const end = Math.min(past[i + 1]?.at.getTime() ?? since, since);
    return { levelId: p.toLevelId, from: p.at, to: new Date(end) };
  });
  return [...stints, { levelId: current.levelId, from: current.levelSince, to: null }];
}

export interface TimeInLevels {
  /** Whole months in total at the counted levels, up to `now`. */
  months: number;
  /** When the count began, as if the counted stints had been one unbroken stretch ending now. */
  since: Date;
  /** When the threshold is (or was) reached; null if it is not reached and no counted level is held now. */
  eligibleAt: Date | null;
  /** Whether the level held now counts, i.e. whether time is still adding up. */
  accruing: boolean;
}

/**
 * Total time at `levelIds`. Earlier stints are laid end to end before the current one, so a
 * person who went straight from supervisor to manager counts from the day they became supervisor,
 * and whole months are counted once over the total (two half months make one), on the calendar of
 * `zone` (the company's time zone).
 */
export function timeInLevels(stints: readonly LevelStint[], levelIds: readonly string[], threshold: number, now: Date, zone: string): TimeInLevels {
  const counted = new Set(levelIds);
  const current = stints.find((s) => s.to === null);
  const accruing = current !== undefined && counted.has(current.levelId);
  const pastMs = stints
    .filter((s) => s.to !== null && counted.has(s.levelId))
    .reduce((sum, s) => sum + Math.max(0, s.to!.getTime() - s.from.getTime()), 0);
  const end = accruing ? now : new Date(Math.min(now.getTime(), current?.from.getTime() ?? now.getTime()));
  const start = accruing ? current!.from : end;
  const since = new Date(start.getTime() - pastMs);
  const months = wholeMonthsBetween(since, end, zone);
  const reachedAt = addMonths(since, threshold, zone);
  const eligibleAt = months >= threshold || accruing ? reachedAt : null;
  return { months, since, eligibleAt, accruing };
}
