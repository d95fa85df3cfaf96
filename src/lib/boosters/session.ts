/** What today's review shows: pure rules over the learner's cards, their answers today and their cap. */

export const DEFAULT_DAILY_CAP = 10;
export const MAX_DAILY_CAP = 100;

/** How many more cards today's review may show: the cap less the cards already answered today. */
export function cardsLeftToday(cap: number, answeredToday: number): number {
  return Math.max(0, cap - answeredToday);
}

/**
 * The cards due by `now`, most overdue first, at most `left` of them. Ties keep the given order
 * (cards are derived in module order), so a session reads like the course.
 */
export function dueCards<T extends { cardId: string; due: Date }>(cards: readonly T[], now: Date, left: number): T[] {
  return cards
    .map((card, index) => ({ card, index }))
    .filter(({ card }) => card.due.getTime() <= now.getTime())
    .sort((a, b) => a.card.due.getTime() - b.card.due.getTime() || a.index - b.index)
    .slice(0, Math.max(0, left))
    .map(({ card }) => card);
}
