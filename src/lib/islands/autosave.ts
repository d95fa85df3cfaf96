/**
 * Saving a learner's work as they go, for quiz and exercise islands: a little after the last
 * change, one request at a time (so an older save can never land after a newer one), again with a
 * growing pause when the network or server fails, and at once when the page is hidden or left —
 * the moment a pending change would otherwise be lost. Each save sends the whole work so far, so
 * only the newest value waiting matters. Plain TypeScript: the islands wrap it in their state.
 */

/** What one save came to. `code` is an Astro Action error code, or NETWORK when no answer came. */
export type SaveOutcome<R> = { ok: true; reply: R } | { ok: false; code: string };

export type AutosaveState =
  | { status: 'idle' }
  | { status: 'saved' }
  /** The last save failed for a reason that may pass (network, server); it is being tried again. */
  | { status: 'retrying' }
  /** The server refused the save; trying again would not help. */
  | { status: 'refused'; code: string };

export interface AutosaveOptions<T, R> {
  /**
   * Sends one save. `behind` says another save is still in flight, which only happens for a save
   * sent as the page goes away (it cannot wait its turn).
   */
  send: (value: T, context: { behind: boolean }) => Promise<SaveOutcome<R>>;
  onState: (state: AutosaveState) => void;
  onSaved?: (reply: R) => void;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
}

/** Failures worth trying again: nothing reached the server, or it failed on its side. */
const PASSING = new Set(['NETWORK', 'INTERNAL_SERVER_ERROR', 'BAD_GATEWAY', 'SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT', 'TIMEOUT']);

export class Autosave<T, R = unknown> {
  #options: AutosaveOptions<T, R>;
  #pending: { value: T } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #inFlight = 0;
  #failures = 0;
  #stopped = false;

  constructor(options: AutosaveOptions<T, R>) {
    this.#options = options;
  }

  /** The work changed: save it after a short pause, so a burst of changes is one request. */
  schedule(value: T): void {
    if (this.#stopped) return;
    this.#pending = { value };
    this.#failures = 0;
    this.#arm(this.#options.delayMs ?? 600);
  }

  /** The page is being hidden or left: send what waits now, without waiting for a save in flight. */
  flushNow(): void {
    clearTimeout(this.#timer);
    const pending = this.#take();
    if (pending) void this.#send(pending.value, this.#inFlight > 0);
  }

  /** Drops what waits (a submission carries the work itself) and resolves when no save is in flight. */
  async cancel(): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending = null;
    await this.#queue;
  }

  /** No more saves until `resume`: after a conflict, or once the attempt is submitted. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#pending = null;
  }

  /** Saves again, for a new attempt. */
  resume(): void {
    this.#stopped = false;
    this.#failures = 0;
    this.#options.onState({ status: 'idle' });
  }

  #take(): { value: T } | null {
    const pending = this.#stopped ? null : this.#pending;
    this.#pending = null;
    return pending;
  }

  #arm(delay: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#queue = this.#queue.then(() => {
        const pending = this.#take();
        return pending ? this.#send(pending.value, false) : undefined;
      });
    }, delay);
  }

  async #send(value: T, behind: boolean): Promise<void> {
    this.#inFlight++;
    let outcome: SaveOutcome<R>;
    try {
      outcome = await this.#options.send(value, { behind });
    } catch {
      outcome = { ok: false, code: 'NETWORK' };
    } finally {
      this.#inFlight--;
    }
    if (outcome.ok) {
      this.#failures = 0;
      this.#options.onSaved?.(outcome.reply);
      if (!this.#pending) this.#options.onState({ status: 'saved' });
    } else if (PASSING.has(outcome.code)) {
      if (this.#stopped) return;
      // A newer change already waits and carries this one's work; otherwise try this one again.
      this.#pending ??= { value };
      const delays = this.#options.retryDelaysMs ?? [1_000, 3_000, 10_000, 30_000];
      this.#options.onState({ status: 'retrying' });
      this.#arm(delays[Math.min(this.#failures++, delays.length - 1)]!);
    } else {
      this.#options.onState({ status: 'refused', code: outcome.code });
      if (outcome.code === 'CONFLICT') this.stop();
      // Signed out (the session expired): the work waits, and goes with the next change or when
      // the page is hidden — once the learner has logged in again in another tab, that succeeds.
      else if (outcome.code === 'UNAUTHORIZED') this.#pending ??= { value };
    }
  }
}

/** Sends an island's pending save when its page is hidden or left. Returns the listeners' removal. */
export function flushWhenPageHides(autosave: { flushNow: () => void }): () => void {
  const onHide = () => autosave.flushNow();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') autosave.flushNow();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
