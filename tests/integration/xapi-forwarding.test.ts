import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import validateStatement from 'xapi-validation';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { completeModule } from '../../src/lib/learning-records/server/progress';
import { recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { forwardingState, forwardNextBatch, lrsSender, XAPI_BATCH, type ContentLookups } from '../../src/lib/xapi/server/outbox';
import { holdLease } from '../../src/lib/platform/server/job-lease';
import type { Statement } from '../../src/lib/xapi/statements';

/**
 * A small LRS on loopback: checks every statement against the xAPI rules (xapi-validation),
 * stores each id once (a resent identical statement is accepted, a different one under a stored
 * id is a 409, as xAPI 1.0.3 says) and can be told to fail or hang.
 */
class TestLrs {
  readonly stored = new Map<string, string>();
  readonly invalid: unknown[] = [];
  requests = 0;
  mode: 'ok' | 'error' | 'hang' = 'ok';
  private server!: Server;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.requests++;
        if (this.mode === 'hang') return;
        if (this.mode === 'error') return res.writeHead(500).end('LRS down for maintenance');
        if (req.url !== '/xapi/statements' || req.headers['x-experience-api-version'] !== '1.0.3') return res.writeHead(400).end('bad request');
        const statements = JSON.parse(body) as Statement[];
        for (const s of statements) {
          const warnings = validateStatement(s);
          if (warnings.length > 0) this.invalid.push({ s, warnings });
          const seen = this.stored.get(s.id);
          if (seen !== undefined && seen !== JSON.stringify(s)) return res.writeHead(409).end('conflict');
        }
        for (const s of statements) this.stored.set(s.id, JSON.stringify(s));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(statements.map((s) => s.id)));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/xapi/`;
  }

  stop() {
    this.server.closeAllConnections();
    this.server.close();
  }
}

const lookups: ContentLookups = {
  origin: 'https://academy.example.com',
  actor: 'mbox',
  titles: { module: () => undefined, quiz: () => undefined, exercise: () => undefined, level: () => undefined },
  quiz: () => undefined,
};

let t: TestDatabase;
let lrs: TestLrs;
beforeEach(async () => {
  t = await createTestDatabase();
  lrs = new TestLrs();
  await lrs.start();
});
afterEach(() => {
  lrs.stop();
  t.close();
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 2, minute));

async function someLearning(modules: number) {
  const user = await insertUser(t.db, { name: '陈杰' });
  for (let i = 0; i < modules; i++) await completeModule(t.db, user.id, `course/module-${i}`, at(i));
  await recordQuizAttempt(t.db, {
    userId: user.id, quizId: 'q', answers: {}, startedAt: at(0), finishedAt: at(1),
    result: { score: 1, maxScore: 2, percent: 50, passed: false, passPercent: 80, questions: [] },
  });
  return user;
}

describe('forwarding learning events to an LRS', () => {
  it('sends every event as valid statements in batches and moves the cursor only after the LRS answers', async () => {
    await someLearning(XAPI_BATCH + 10);
    const send = lrsSender({ endpoint: lrs.url });
    expect(await forwardNextBatch(t.db, lookups, send, at(0))).toMatchObject({ kind: 'sent', events: XAPI_BATCH });
    expect(await forwardNextBatch(t.db, lookups, send, at(0))).toMatchObject({ kind: 'sent', events: 11 });
    expect(await forwardNextBatch(t.db, lookups, send, at(0))).toEqual({ kind: 'idle' });
    expect(lrs.stored.size).toBe(XAPI_BATCH + 11);
    expect(lrs.invalid).toEqual([]);
    expect((await forwardingState(t.db)).lastEventId).toBe(XAPI_BATCH + 11);
  });

  it('keeps the cursor and backs off while the LRS answers 500, then catches up', async () => {
    await someLearning(3);
    const send = lrsSender({ endpoint: lrs.url });
    lrs.mode = 'error';
    expect(await forwardNextBatch(t.db, lookups, send, at(0))).toMatchObject({ kind: 'failed', error: expect.stringContaining('500') });
    const state = await forwardingState(t.db);
    expect(state).toMatchObject({ lastEventId: 0, failures: 1, nextAttemptAt: new Date(at(0).getTime() + 5_000) });
    expect(await forwardNextBatch(t.db, lookups, send, at(0))).toMatchObject({ kind: 'waiting' });
    lrs.mode = 'ok';
    expect(await forwardNextBatch(t.db, lookups, send, at(1))).toMatchObject({ kind: 'sent', events: 4 });
    expect(lrs.stored.size).toBe(4);
    expect((await forwardingState(t.db)).failures).toBe(0);
  });

  it('counts an LRS that hangs as a failure', async () => {
    await someLearning(1);
    lrs.mode = 'hang';
    expect(await forwardNextBatch(t.db, lookups, lrsSender({ endpoint: lrs.url }, 300), at(0))).toMatchObject({ kind: 'failed' });
    expect((await forwardingState(t.db)).lastEventId).toBe(0);
  });

  it('resends a batch whose acknowledgement was lost with the same ids, so the LRS keeps one copy', async () => {
    await someLearning(2);
    const send = lrsSender({ endpoint: lrs.url });
    // The process dies after the LRS stored the batch and before the cursor moved.
    const crashing = async (statements: Statement[]) => {
      await send(statements);
      throw new Error('process killed');
    };
    await forwardNextBatch(t.db, lookups, crashing, at(0));
    expect(lrs.stored.size).toBe(3);
    expect(await forwardNextBatch(t.db, lookups, send, at(5))).toMatchObject({ kind: 'sent', events: 3 });
    expect(lrs.stored.size).toBe(3);
    expect(lrs.requests).toBe(2);
  });
});

describe('job leases', () => {
  it('let one holder run a job until its lease runs out, then another', async () => {
    expect(await holdLease(t.db, 'xapi', 'instance-a', 60_000, at(0))).toBe(true);
    expect(await holdLease(t.db, 'xapi', 'instance-b', 60_000, at(0))).toBe(false);
    expect(await holdLease(t.db, 'xapi', 'instance-a', 60_000, at(0))).toBe(true);
    expect(await holdLease(t.db, 'xapi', 'instance-b', 60_000, at(2))).toBe(true);
    expect(await holdLease(t.db, 'xapi', 'instance-a', 60_000, at(2))).toBe(false);
  });
});

describe('statements of a stored quiz attempt', () => {
  it('include one answered statement per question, read from the verdicts as stored', async () => {
    const user = await insertUser(t.db, { name: '陈杰' });
    await recordQuizAttempt(t.db, {
      userId: user.id, quizId: 'q', answers: { a: ['x'] }, startedAt: at(0), finishedAt: at(1),
      result: {
        score: 1, maxScore: 2, percent: 50, passed: false, passPercent: 80,
        questions: [
          { questionId: 'a', prompt: 'A?', correct: true, answered: true, points: 1, given: ['x'], key: 'k1', options: [] },
          { questionId: 'b', prompt: 'B?', correct: false, answered: true, points: 0, given: true, key: 'k2' },
        ] as never,
      },
    });
    const quiz = {
      title: { zh: '测', en: 'Q' }, passPercent: 80, shuffle: false, cooldownMinutes: 0, scoring: 'best',
      questions: [
        { id: 'a', type: 'single', prompt: { zh: 'A？', en: 'A?' }, options: [{ id: 'x', correct: true, text: { zh: '甲', en: 'X' }, explanation: { zh: '…', en: '…' } }] },
        { id: 'b', type: 'true-false', prompt: { zh: 'B？', en: 'B?' }, answer: false, explanation: { true: { zh: '…', en: '…' }, false: { zh: '…', en: '…' } } },
      ],
    } as never;
    const sent: Statement[] = [];
    await forwardNextBatch(t.db, { ...lookups, quiz: () => quiz }, async (s) => void sent.push(...s), at(2));
    const answered = sent.filter((s) => (s.verb as { id: string }).id.endsWith('/answered'));
    expect(answered.map((s) => (s.result as { response: string; success: boolean })).map((r) => [r.response, r.success])).toEqual([['x', true], ['true', false]]);
    for (const s of sent) expect(validateStatement(s)).toEqual([]);
  });
});
