/** The career ladder as an ordered list of levels. Pure: the levels come in from content. */
import type { BilingualText } from '../schemas/common';
import type { LevelCriteria } from '../schemas/level';

export interface LadderLevel {
  id: string;
  order: number;
  name: BilingualText;
  description: BilingualText;
  criteria: LevelCriteria;
}

export type Ladder = readonly LadderLevel[];

export function sortLadder(levels: readonly LadderLevel[]): LadderLevel[] {
  return [...levels].sort((a, b) => a.order - b.order);
}

export function levelById(ladder: Ladder, id: string): LadderLevel | undefined {
  return ladder.find((l) => l.id === id);
}

/** The rung above `levelId`, or null at the top (or for a level the ladder no longer has). */
export function nextLevel(ladder: Ladder, levelId: string): LadderLevel | null {
  const current = levelById(ladder, levelId);
  if (!current) return null;
  const above = ladder.filter((l) => l.order > current.order);
  return above.reduce<LadderLevel | null>((lowest, l) => (lowest === null || l.order < lowest.order ? l : lowest), null);
}
