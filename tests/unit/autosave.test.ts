import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type AutosaveState, type SaveOutcome } from '../../src/lib/islands/autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A server the test answers by hand: each send waits until the test settles it. */
function harness() {
  const sent: { value: string; behind: boolean; settle: (outcome: SaveOutcome<number>) => void }[] = [];
  const states: AutosaveState['status'][] = [];
  const saved: number[] = [];
  const autosave = new Autosave<string, number>({
    send: (value, { behind }) => new Promise((settle) => sent.push({ value, behind, settle })),
    onState: (state) => states.push(state.status),
    onSaved: (reply) => saved.push(reply),
    delayMs: 600,
    retryDelaysMs: [1_000, 5_000],
  });
  return { autosave, sent, states, saved };
}

describe('saving work as the learner goes', () => {
  it('sends a burst of changes as one save of the newest value, after the pause', async () => {
    const { autosave, sent } = harness();
    autosave.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    autosave.schedule('ab');
    await vi.advanceTimersByTimeAsync(599);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => s.value)).toEqual(['ab']);
  });

  it('sends a pending change at once when the page goes away, instead of dropping it', async () => {
    const { autosave, sent } = harness();
    autosave.schedule('last move');
    autosave.flushNow();
    expect(sent.map((s) => [s.value, s.behind])).toEqual([['last move', false]]);
    // Nothing is sent twice when the pause would have ended.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);
  });

  it('keeps one save in flight at a time, so an older save never lands after a newer one', async () => {
    const { autosave, sent, saved } = harness();
    autosave.schedule('one');
    await vi.advanceTimersByTimeAsync(600);
    autosave.schedule('two');
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.map((s) => s.value)).toEqual(['one']);
    sent[0]!.settle({ ok: true, reply: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => s.value)).toEqual(['one', 'two']);
    sent[1]!.settle({ ok: true, reply: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([1, 2]);
  });

  it('says a page-leaving save was sent behind one still in flight', async () => {
    const { autosave, sent } = harness();
    autosave.schedule('one');
    await vi.advanceTimersByTimeAsync(600);
    autosave.schedule('two');
    autosave.flushNow();
    expect(sent.map((s) => [s.value, s.behind])).toEqual([
      ['one', false],
      ['two', true],
    ]);
  });

  it('tries a failed save again after a growing pause, and reports it as not saved meanwhile', async () => {
    const { autosave, sent, states } = harness();
    autosave.schedule('work');
    await vi.advanceTimersByTimeAsync(600);
    sent[0]!.settle({ ok: false, code: 'NETWORK' });
    await vi.advanceTimersByTimeAsync(999);
    expect(states).toEqual(['retrying']);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    sent[1]!.settle({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => s.value)).toEqual(['work', 'work', 'work']);
    sent[2]!.settle({ ok: true, reply: 3 });
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['retrying', 'retrying', 'saved']);
  });

  it('retries with the newest work when the learner changed something meanwhile', async () => {
    const { autosave, sent } = harness();
    autosave.schedule('old');
    await vi.advanceTimersByTimeAsync(600);
    autosave.schedule('new');
    sent[0]!.settle({ ok: false, code: 'NETWORK' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent.map((s) => s.value)).toEqual(['old', 'new']);
  });

  it('stops saving after a conflict instead of overwriting the other tab', async () => {
    const { autosave, sent, states } = harness();
    autosave.schedule('mine');
    await vi.advanceTimersByTimeAsync(600);
    sent[0]!.settle({ ok: false, code: 'CONFLICT' });
    await vi.advanceTimersByTimeAsync(0);
    autosave.schedule('more');
    autosave.flushNow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(states).toEqual(['refused']);
  });

  it('lets a submission drop the pending save and wait for the one in flight', async () => {
    const { autosave, sent } = harness();
    autosave.schedule('one');
    await vi.advanceTimersByTimeAsync(600);
    autosave.schedule('two');
    let idle = false;
    void autosave.cancel().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(false);
    sent[0]!.settle({ ok: true, reply: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(idle).toBe(true);
    expect(sent.map((s) => s.value)).toEqual(['one']);
  });

  it('keeps work refused for an expired session and sends it when the page is next hidden', async () => {
    const { autosave, sent, states } = harness();
    autosave.schedule('answers');
    await vi.advanceTimersByTimeAsync(600);
    sent[0]!.settle({ ok: false, code: 'UNAUTHORIZED' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(states).toEqual(['refused']);
    autosave.flushNow();
    expect(sent.map((s) => s.value)).toEqual(['answers', 'answers']);
  });
});
