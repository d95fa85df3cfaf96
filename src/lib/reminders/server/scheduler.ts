/**
 * The reminder scheduler inside the server (no external cron). In whichever instance holds the
 * "reminders" lease it plans the reminders due now at most once an hour (recording them with their
 * outbox rows; planning again records nothing twice), then sends what the outbox holds, batch after
 * batch. Failed sends wait with backoff (deliver.ts).
 */
import { holdLease } from '../../platform/server/job-lease';
import type { Database } from '../../platform/server/db';
import type { Ladder } from '../../promotion/ladder';
import type { CurriculumIndex } from '../../promotion/readiness';
import { deliverDue, type DeliveryContext, type Senders } from './deliver';
import { reminderKindRegistry } from './kinds';
import type { ReminderKind } from './kinds/types';
import { recordReminders } from './store';

const TICK_MS = 30_000;
const LEASE_MS = 120_000;
const PLAN_EVERY_MS = 60 * 60_000;

export interface ReminderContent {
  ladder: Ladder;
  curriculum: CurriculumIndex;
  title: DeliveryContext['title'];
}

export interface SchedulerOptions {
  origin: string;
  zone: string;
  senders: Senders;
  content: () => Promise<ReminderContent>;
  kinds?: readonly ReminderKind[];
}

/** Plans every kind at `now` and records the result. Returns how many reminders were new, per kind. */
export async function planReminders(db: Database, options: SchedulerOptions, content: ReminderContent, now: Date): Promise<Record<string, number>> {
  const recorded: Record<string, number> = {};
  for (const kind of options.kinds ?? reminderKindRegistry) {
    const planned = await kind.plan({ db, now, zone: options.zone, ladder: content.ladder, curriculum: content.curriculum });
    recorded[kind.id] = await recordReminders(db, kind, planned, now, options.senders.email !== undefined);
  }
  return recorded;
}

export interface Scheduler {
  /** One round now: plan if due, then send everything due. Tests and the demo call it. */
  runOnce: (now?: Date) => Promise<void>;
  stop: () => void;
}

export function startReminderScheduler(db: Database, options: SchedulerOptions, { timer = true } = {}): Scheduler {
  const holder = crypto.randomUUID();
  let lastPlanned = 0;
  let content: ReminderContent | undefined;
  let running: Promise<void> | null = null;
  const round = async (now: Date) => {
    if (!(await holdLease(db, 'reminders', holder, LEASE_MS, now))) return;
    content ??= await options.content();
    if (now.getTime() - lastPlanned >= PLAN_EVERY_MS || now.getTime() < lastPlanned) {
      await planReminders(db, options, content, now);
      lastPlanned = now.getTime();
    }
    const context = { origin: options.origin, zone: options.zone, title: content.title };
    for (;;) {
      const outcome = await deliverDue(db, options.senders, context, now);
      if (outcome.sent + outcome.failed + outcome.skipped === 0 || outcome.failed > 0) return;
      if (!(await holdLease(db, 'reminders', holder, LEASE_MS, new Date()))) return;
    }
  };
  const runOnce = (now = new Date()) => {
    running ??= round(now)
      .catch((error) => console.error('Reminders stopped for this round (will try again):', error))
      .finally(() => (running = null));
    return running;
  };
  const interval = timer ? setInterval(() => void runOnce(), TICK_MS) : undefined;
  interval?.unref();
  // The first round right away: a restarted server catches up on today's reminders at once.
  if (timer) void runOnce();
  return { runOnce, stop: () => clearInterval(interval) };
}
