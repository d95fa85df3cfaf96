/**
 * The career ladder as ordered lists of levels, one per track (office, field). Pure: the levels
 * come in from content, the enabled tracks from the server's settings.
 */
import type { BilingualText } from '../../schemas/common';
import { ladderTrackIds, type LadderTrack, type LevelCriteria } from '../../schemas/level';

export interface LadderLevel {
  id: string;
  track: LadderTrack;
  order: number;
  name: BilingualText;
  description: BilingualText;
  criteria: LevelCriteria;
}

export type Ladder = readonly LadderLevel[];

/** Track by track in the order ladderTrackIds names them (office first), then rung by rung. */
export function sortLadder(levels: readonly LadderLevel[]): LadderLevel[] {
  const rank = (t: LadderTrack) => ladderTrackIds.indexOf(t);
  return [...levels].sort((a, b) => rank(a.track) - rank(b.track) || a.order - b.order);
}

/** Only the levels of the tracks a company has switched on. */
export function enabledLadder(levels: readonly LadderLevel[], tracks: readonly LadderTrack[]): LadderLevel[] {
  return sortLadder(levels.filter((l) => tracks.includes(l.track)));
}

/** The tracks that have at least one level, in display order. */
export function tracksOf(ladder: Ladder): LadderTrack[] {
  return ladderTrackIds.filter((t) => ladder.some((l) => l.track === t));
}

export function levelById(ladder: Ladder, id: string): LadderLevel | undefined {
  return ladder.find((l) => l.id === id);
}

/**
 * The rung above `levelId` on the same track, or null at the top (or for a level the ladder no
 * longer has, or whose track is switched off). A person's level id is what picks their track.
 */
export function nextLevel(ladder: Ladder, levelId: string): LadderLevel | null {
  const current = levelById(ladder, levelId);
  if (!current) return null;
  const above = ladder.filter((l) => l.track === current.track && l.order > current.order);
  return above.reduce<LadderLevel | null>((lowest, l) => (lowest === null || l.order < lowest.order ? l : lowest), null);
}

/**
 * What is wrong with each track as a chain: its rungs must be numbered 1, 2, 3 … with no gap and
 * no two levels on one rung, or "the level above" would be ambiguous or skip a post.
 */
export function trackChainProblems(levels: readonly { id: string; track: LadderTrack; order: number }[]): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  for (const track of ladderTrackIds) {
    const rungs = levels.filter((l) => l.track === track).sort((a, b) => a.order - b.order);
    let previous: { id: string; order: number } | undefined;
    for (const level of rungs) {
      const expected = (previous?.order ?? 0) + 1;
      if (previous && level.order === previous.order) {
        problems.push({ id: level.id, message: `is ${level.order} on the ${track} track, the same as "${previous.id}"; each level needs its own rung` });
        continue;
      }
      if (level.order !== expected) {
        problems.push({ id: level.id, message: `is ${level.order}, but the ${track} track has no level at ${expected}; number the rungs of a track 1, 2, 3 … without gaps` });
      }
      previous = level;
    }
  }
  return problems;
}
