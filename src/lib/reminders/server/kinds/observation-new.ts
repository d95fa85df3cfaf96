/**
 * "A new observation to read": one reminder per coaching observation not yet acknowledged. Written
 * against a narrow lookup so it does not depend on the coaching feature's tables; it is added to
 * the registry (kinds/index.ts) when that feature is merged, with its real lookup.
 */
import type { Database } from '../../../platform/server/db';
import type { ObservationReminderData } from '../../templates';
import type { ReminderKind } from './types';

export interface UnreadObservation {
  observationId: string;
  /** The learner it is about, who is to read it. */
  userId: string;
  /** The observer's name as the learner knows them. */
  by: string;
  /** The observation's company-zone day. */
  day: string;
}

/** Every observation not yet acknowledged by its learner. One query. */
export type UnacknowledgedObservations = (db: Database, now: Date) => Promise<readonly UnreadObservation[]>;

export function observationNew(unacknowledged: UnacknowledgedObservations): ReminderKind {
  return {
    id: 'observation-new',
    webhook: false,
    async plan(ctx) {
      const rows = await unacknowledged(ctx.db, ctx.now);
      return rows.map((o) => ({
        userId: o.userId,
        subject: o.observationId,
        period: o.day,
        data: { observationId: o.observationId, by: o.by } satisfies ObservationReminderData as unknown as Record<string, unknown>,
      }));
    },
  };
}
