/** The shape every reminder kind module has: what it is, and which reminders it plans for a moment. */
import type { ReminderKindId } from '../../../../../db/schema';
import type { Ladder } from '../../../promotion/ladder';
import type { CurriculumIndex } from '../../../promotion/readiness';
import type { Database } from '../../../platform/server/db';

export interface PlanContext {
  db: Database;
  now: Date;
  /** The company's time zone, in which days and weeks are read. */
  zone: string;
  ladder: Ladder;
  curriculum: CurriculumIndex;
}

/** One reminder to record: (kind, userId, subject, period) is its identity, so planning twice records it once. */
export interface PlannedReminder {
  userId: string;
  subject: string;
  period: string;
  data: Record<string, unknown>;
}

export interface ReminderKind {
  id: ReminderKindId;
  /** Whether the kind may go to a group robot (managers' kinds) or only to the person. */
  webhook: boolean;
  /** Everything of this kind that is due at ctx.now: a fixed number of set-based queries, never one per person. */
  plan: (ctx: PlanContext) => Promise<PlannedReminder[]>;
}
