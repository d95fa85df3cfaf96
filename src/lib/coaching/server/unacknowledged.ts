/**
 * Observations their learner has not acknowledged yet, for the "new observation to read" reminder
 * (lib/reminders/server/kinds/observation-new.ts): one query for the whole company.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { observations, users } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';

const manager = alias(users, 'manager');

/** Each unacknowledged observation of an active learner: who it is for, who wrote it, the day observed. */
export function unacknowledgedObservations(db: Database): Promise<{ observationId: string; userId: string; by: string; day: string }[]> {
  return db
    .select({ observationId: observations.id, userId: observations.userId, by: manager.name, day: observations.observedOn })
    .from(observations)
    .innerJoin(users, eq(users.id, observations.userId))
    .innerJoin(manager, eq(manager.id, observations.managerId))
    .where(and(isNull(observations.acknowledgedAt), eq(users.active, true)));
}
