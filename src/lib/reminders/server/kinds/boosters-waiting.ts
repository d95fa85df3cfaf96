/**
 * "Boosters waiting": review cards due for a learner, once a day. Written against a narrow counter
 * so it does not depend on the boosters feature's tables; it is added to the registry (kinds/index.ts)
 * when that feature is merged, with its real countDueCards.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../../../../db/schema';
import { dayKey } from '../../../dates';
import type { Database } from '../../../platform/server/db';
import type { BoostersReminderData } from '../../templates';
import type { ReminderKind } from './types';

/** How many review cards each of `userIds` has due at `now` (people with none may be left out). One or a few queries. */
export type CountDueCards = (db: Database, userIds: readonly string[], now: Date) => Promise<ReadonlyMap<string, number>>;

export function boostersWaiting(countDueCards: CountDueCards): ReminderKind {
  return {
    id: 'boosters-waiting',
    webhook: false,
    async plan(ctx) {
      const people = await ctx.db.select({ id: users.id }).from(users).where(eq(users.active, true));
      const counts = await countDueCards(ctx.db, people.map((p) => p.id), ctx.now);
      const day = dayKey(ctx.now, ctx.zone);
      return [...counts]
        .filter(([, count]) => count > 0)
        .map(([userId, count]) => ({ userId, subject: 'boosters', period: day, data: { count } satisfies BoostersReminderData as unknown as Record<string, unknown> }));
    },
  };
}
