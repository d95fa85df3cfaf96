/**
 * Group commit: writes that arrive while a commit is in flight share the next transaction, so a
 * burst of submissions costs one fsync instead of one each. With `synchronous = FULL` an fsync
 * takes milliseconds, which would otherwise cap the server at a few hundred writes per second.
 *
 * Each unit of work runs in its own savepoint, so one failing unit rolls back alone and rejects
 * alone; the others commit. A unit's promise settles only after the shared COMMIT has returned:
 * nothing is acknowledged before it is durable, and if the commit fails every unit rejects.
 */
import type { Database } from './db';

export type WriteTransaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Unit = { work: (tx: WriteTransaction) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Bounds one transaction, so a huge burst cannot hold the write lock for long. */
const MAX_UNITS_PER_COMMIT = 200;

export class GroupCommit {
  #queue: Unit[] = [];
  #draining = false;

  constructor(private readonly db: Database) {}

  run<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_UNITS_PER_COMMIT);
        const outcomes: Outcome[] = [];
        try {
          await this.db.transaction(async (tx) => {
            for (const unit of batch) {
              try {
                // A nested transaction is a SAVEPOINT: a failing unit rolls back only itself.
                outcomes.push({ ok: true, value: await tx.transaction((inner) => unit.work(inner as WriteTransaction)) });
              } catch (error) {
                outcomes.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          batch.forEach((unit) => unit.reject(error));
          continue;
        }
        batch.forEach((unit, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) unit.resolve(outcome.value);
          else unit.reject(outcome.error);
        });
      }
    } finally {
      this.#draining = false;
    }
  }
}

// One queue per database handle, shared by every copy of this module in the process (the
// production server loads one, Astro's bundle another), so all writes to a handle group together.
const registry = Symbol.for('sales-academy.group-commit');
const holder = globalThis as typeof globalThis & { [registry]?: WeakMap<Database, GroupCommit> };

export function groupCommitFor(db: Database): GroupCommit {
  const queues = (holder[registry] ??= new WeakMap());
  let queue = queues.get(db);
  if (!queue) {
    queue = new GroupCommit(db);
    queues.set(db, queue);
  }
  return queue;
}
