/**
 * Demo booster history: one learner has reviewed their cards for a while, so their retention
 * figure has something to show, and the cards they missed are due again today.
 */
import { and, eq } from 'drizzle-orm';
import { reviewCards, reviewLogs } from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { boosterContentFromTree } from '../../src/lib/boosters/server/content-files';
import type { ContentFile } from '../../src/lib/content/server/content-files';
import { syncCards } from '../../src/lib/boosters/server/reviews';
import { scheduleAnswer } from '../../src/lib/boosters/schedule';

const DAY = 24 * 60 * 60 * 1000;

export async function seedBoosterHistory(db: Database, userId: string, { files, now, skill }: { files: readonly ContentFile[]; now: Date; skill: number }) {
  const started = new Date(now.getTime() - 12 * DAY);
  await syncCards(db, userId, boosterContentFromTree(files), started);
  const cards = await db.select().from(reviewCards).where(eq(reviewCards.userId, userId));
  // One transaction: a commit per card would cost an fsync each and slow every demo seed.
  await db.transaction(async (tx) => {
    // Deterministic: every card whose position falls outside the learner's skill is missed once.
    for (const [i, card] of cards.entries()) {
      const correct = (i * 0.37) % 1 < skill;
      const at = new Date(started.getTime() + (i % 5) * 60 * 60 * 1000);
      const next = scheduleAnswer(card, correct, at);
      await tx.insert(reviewLogs).values({ id: crypto.randomUUID(), userId, cardId: card.cardId, dueAt: card.due, correct, answer: [], reviewedAt: at });
      await tx
        .update(reviewCards)
        .set(next)
        .where(and(eq(reviewCards.userId, userId), eq(reviewCards.cardId, card.cardId)));
    }
  });
}
