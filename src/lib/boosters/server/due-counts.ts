/**
 * How many review cards are due, for many learners in one query: the "boosters waiting" reminder
 * (lib/reminders/kinds/boosters-waiting.ts) asks for everyone at once. Counts the cards stored;
 * a learner's cards are created when they open My learning or today's review (reviews.ts).
 */
import { lte, sql } from 'drizzle-orm';
import { reviewCards } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';

/** Learner id → cards due at `now`, for those of `userIds` with any; the others are left out. */
export async function countDueCards(db: Database, userIds: readonly string[], now: Date): Promise<ReadonlyMap<string, number>> {
  const wanted = new Set(userIds);
  const rows = await db
    .select({ userId: reviewCards.userId, due: sql<number>`count(*)` })
    .from(reviewCards)
    .where(lte(reviewCards.due, now))
    .groupBy(reviewCards.userId);
  return new Map(rows.filter((row) => wanted.has(row.userId)).map((row) => [row.userId, Number(row.due)]));
}
