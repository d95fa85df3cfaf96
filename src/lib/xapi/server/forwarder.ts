/**
 * The background loop that forwards learning events to the LRS while XAPI_ENDPOINT is set. It runs
 * in whichever instance holds the "xapi" lease, sends batch after batch while there is work, and
 * otherwise checks every few seconds; failures back off (see retryDelayMs).
 */
import { holdLease } from '../../platform/server/job-lease';
import { forwardNextBatch, lrsSender, type ContentLookups, type LrsTarget } from './outbox';
import type { Database } from '../../platform/server/db';

const TICK_MS = 5_000;
// After a crash another instance (or the restarted one) takes over within this time.
const LEASE_MS = 30_000;

export interface Forwarder {
  /** Runs one round now (tests and shutdown use it); resolves when the round is over. */
  runOnce: () => Promise<void>;
  stop: () => void;
}

export function startXapiForwarder(db: Database, target: LrsTarget, lookups: () => Promise<ContentLookups>): Forwarder {
  const holder = crypto.randomUUID();
  const send = lrsSender(target);
  let running: Promise<void> | null = null;
  // Content is fixed for the life of a production process: built once, by the instance that sends.
  let content: ContentLookups | undefined;
  const round = async () => {
    for (;;) {
      // Renewed before every batch, so a long catch-up never outlives the lease.
      if (!(await holdLease(db, 'xapi', holder, LEASE_MS, new Date()))) return;
      content ??= await lookups();
      const outcome = await forwardNextBatch(db, content, send, new Date());
      if (outcome.kind !== 'sent') {
        if (outcome.kind === 'failed') console.error(`xAPI forwarding failed (will retry with backoff): ${outcome.error}`);
        return;
      }
    }
  };
  const runOnce = () => {
    running ??= round()
      .catch((error) => console.error('xAPI forwarding stopped for this round:', error))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(runOnce, TICK_MS);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
