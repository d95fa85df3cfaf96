/**
 * Group commit: writes that arrive while a commit is in flight share the next transaction, so a
 * burst of submissions costs one fsync instead of one each. With `synchronous = FULL` an fsync
 * takes milliseconds, which would otherwise cap the server at a few hundred writes per second.
 *
 * If any unit throws, the shared transaction rolls back and every unit of the batch runs again in
 * a transaction of its own, so one failing unit is refused alone and the others commit (units
 * must therefore be plain functions of the database state, safe to run twice). A unit's promise
 * settles only after its COMMIT has returned: nothing is acknowledged before it is durable.
 */
import type { Database } from './db';

export type WriteTransaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Unit = { work: (tx: WriteTransaction) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** Bounds one transaction, so a huge burst cannot hold the write lock for long. */
const MAX_UNITS_PER_COMMIT = 200;

export class GroupCommit {
  #queue: Unit[] = [];
  #draining = false;

  constructor(private readonly db: Database) {}

  run<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#draining) return;
      this.#draining = true;
      // The embedded driver is synchronous, so a commit's fsync blocks the event loop: starting it
      // at once would leave the requests already read in this turn for the next commit. Waiting
      // for setImmediate lets them all join this one.
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        await this.#commit(this.#queue.splice(0, MAX_UNITS_PER_COMMIT));
        // The driver's promises settle at once, so without this the loop would run batch after
        // batch without ever letting the event loop read a request: reads would wait behind a burst.
        if (this.#queue.length > 0) await new Promise((next) => setImmediate(next));
      }
    } finally {
      this.#draining = false;
    }
  }

  async #commit(batch: Unit[]): Promise<void> {
    const values: unknown[] = [];
    try {
      await this.db.transaction(async (tx) => {
        for (const unit of batch) values.push(await unit.work(tx));
      });
    } catch {
      // A unit failed (or the commit did): nothing of the batch is stored. Each unit runs
      // again in a transaction of its own, so only the failing one is refused.
      for (const unit of batch) await this.db.transaction((tx) => unit.work(tx)).then(unit.resolve, unit.reject);
      return;
    }
    batch.forEach((unit, i) => unit.resolve(values[i]));
  }
}

// One queue per database handle, so all writes to a handle group together.
const queues = new WeakMap<Database, GroupCommit>();

export function groupCommitFor(db: Database): GroupCommit {
  let queue = queues.get(db);
  if (!queue) {
    queue = new GroupCommit(db);
    queues.set(db, queue);
  }
  return queue;
}
