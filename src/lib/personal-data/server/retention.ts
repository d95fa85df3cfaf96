/**
 * RETENTION_MONTHS: accounts deactivated longer ago than that are erased (erase.ts) by a background
 * job. With several instances, the one holding the 'retention' lease runs it. The deactivation time
 * is the latest 'user.deactivated' audit entry: an account deactivated without one (none exist in
 * the app's own flows) is left for an admin to erase by hand.
 */
import { sql } from 'drizzle-orm';
import { addMonths } from '../../dates/days';
import type { Database } from '../../platform/server/db';
import { holdLease } from '../../platform/server/job-lease';
import { erasePerson } from './erase';

/** People still holding personal data whose deactivation lies more than `months` months before `now`. */
export async function dueForErasure(db: Database, months: number, now: Date, zone: string): Promise<string[]> {
  const cutoff = addMonths(now, -months, zone).getTime();
  const rows = await db.all<{ id: string }>(sql`
    SELECT u.id AS id FROM users u
    WHERE u.active = 0
      AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.user_id = u.id)
      AND (SELECT max(a.at) FROM audit_log a WHERE a.subject_user_id = u.id AND a.action = 'user.deactivated') <= ${cutoff}
      -- Reactivated since? Then the account is active and the first condition already left it out.
    ORDER BY u.id`);
  return rows.map((r) => r.id);
}

/** One pass: erases everyone due, each in a transaction of its own; returns how many. */
export async function applyRetention(db: Database, months: number, now: Date, zone: string): Promise<number> {
  let erased = 0;
  for (const id of await dueForErasure(db, months, now, zone)) {
    const outcome = await erasePerson(db, id, { actorId: null, reason: 'retention', now });
    if (outcome.ok) erased++;
  }
  return erased;
}

const TICK_MS = 60 * 60_000;
const LEASE_MS = 2 * TICK_MS;

export interface RetentionJob {
  runOnce: () => Promise<number>;
  stop: () => void;
}

/** Runs a pass soon after start and then hourly, in the instance that holds the lease. */
export function startRetentionJob(db: Database, months: number, zone: string): RetentionJob {
  const holder = crypto.randomUUID();
  const runOnce = async () => {
    try {
      if (!(await holdLease(db, 'retention', holder, LEASE_MS, new Date()))) return 0;
      const erased = await applyRetention(db, months, new Date(), zone);
      if (erased > 0) console.log(`Retention: erased the personal data of ${erased} account(s) deactivated more than ${months} months ago.`);
      return erased;
    } catch (error) {
      console.error('The retention job failed this round (it runs again within the hour):', error);
      return 0;
    }
  };
  const first = setTimeout(runOnce, 60_000);
  first.unref();
  const timer = setInterval(runOnce, TICK_MS);
  timer.unref();
  return { runOnce, stop: () => (clearTimeout(first), clearInterval(timer)) };
}
