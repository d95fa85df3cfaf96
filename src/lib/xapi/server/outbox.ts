/**
 * Forwarding learning events to a learning record store (LRS) as xAPI statements. The outbox is the
 * append-only learning_events table itself with a cursor (xapi_forwarding): a batch is read after
 * the cursor, sent, and the cursor moves only once the LRS has acknowledged it. A crash between
 * sending and moving the cursor resends the batch with the same statement ids, which an LRS stores
 * once (xAPI 1.0.3, Communication §2.1.2), so no statement is lost and none is kept twice.
 */
import { and, asc, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import { learningEvents, quizAttempts, users, xapiForwarding } from '../../../../db/schema';
import { statementsFor, type AttemptForStatements, type LearningEventRow, type Statement, type StatementContext } from '../statements';
import { storedVerdicts } from '../../quiz/review';
import type { Database } from '../../platform/server/db';

const FORWARDER = 'lrs';
/** Events per request: small enough for any LRS's body limit, large enough to catch up fast. */
export const XAPI_BATCH = 50;

/** Where to send statements; `authorization` is the full header value (e.g. "Basic …"). */
export interface LrsTarget {
  endpoint: string;
  authorization?: string;
}

/** Content lookups for statements; attempts are read here. */
export type ContentLookups = Omit<StatementContext, 'attempt'>;

async function eventRows(db: Database, where: ReturnType<typeof and>, limit?: number): Promise<LearningEventRow[]> {
  const query = db
    .select({
      id: learningEvents.id,
      type: learningEvents.type,
      subject: learningEvents.subject,
      data: learningEvents.data,
      at: learningEvents.at,
      personId: users.id,
      email: users.email,
      name: users.name,
    })
    .from(learningEvents)
    .innerJoin(users, eq(users.id, learningEvents.userId))
    .where(where)
    .orderBy(asc(learningEvents.id));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((r) => ({ id: r.id, type: r.type, subject: r.subject, data: r.data, at: r.at, person: { id: r.personId, email: r.email, name: r.name } }));
}

async function attemptsFor(db: Database, events: LearningEventRow[]): Promise<Map<string, AttemptForStatements>> {
  const ids = events.filter((e) => e.type === 'quiz.submitted').map((e) => String((e.data as { attemptId?: string })?.attemptId ?? ''));
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(quizAttempts).where(inArray(quizAttempts.id, ids));
  return new Map(
    rows.map((a) => [
      a.id,
      {
        id: a.id,
        // quiz_attempts.result holds the per-question verdicts as stored (StoredQuestionResult[]).
        questions: storedVerdicts(a).map((q) => ({
          questionId: q.questionId,
          correct: q.correct,
          answered: q.given !== null && q.given !== undefined,
          given: q.given,
        })),
        score: a.score,
        maxScore: a.maxScore,
        percent: a.percent,
        passed: a.passed,
        durationMs: a.finishedAt.getTime() - a.startedAt.getTime(),
      },
    ]),
  );
}

async function statementsOf(db: Database, events: LearningEventRow[], lookups: ContentLookups): Promise<Statement[]> {
  const attempts = await attemptsFor(db, events);
  const context: StatementContext = { ...lookups, attempt: (id) => attempts.get(id) };
  return events.flatMap((e) => statementsFor(e, context));
}

/** Every statement for events in [from, to), oldest first, for the admins' download. */
export async function statementsBetween(db: Database, from: Date, to: Date, lookups: ContentLookups): Promise<Statement[]> {
  const events = await eventRows(db, and(gte(learningEvents.at, from), lt(learningEvents.at, to), ne(learningEvents.type, 'module.viewed')));
  return statementsOf(db, events, lookups);
}

export type ForwardingState = typeof xapiForwarding.$inferSelect;

export async function forwardingState(db: Database): Promise<ForwardingState> {
  const row = await db.select().from(xapiForwarding).where(eq(xapiForwarding.name, FORWARDER)).get();
  return row ?? { name: FORWARDER, lastEventId: 0, lastSuccessAt: null, failures: 0, lastError: null, nextAttemptAt: null };
}

/** Backoff after `failures` failed sends in a row: 5 s doubling, at most 15 minutes. */
export function retryDelayMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 15 * 60_000);
}

export type ForwardOutcome = { kind: 'idle' } | { kind: 'waiting'; until: Date } | { kind: 'sent'; events: number; statements: number } | { kind: 'failed'; error: string };

/**
 * Sends the next batch after the cursor. `send` posts statements and resolves on the LRS's
 * acknowledgement (throws otherwise); tests pass one that talks to a real local HTTP server.
 */
export async function forwardNextBatch(
  db: Database,
  lookups: ContentLookups,
  send: (statements: Statement[]) => Promise<void>,
  now: Date,
): Promise<ForwardOutcome> {
  const state = await forwardingState(db);
  if (state.nextAttemptAt && state.nextAttemptAt > now) return { kind: 'waiting', until: state.nextAttemptAt };
  const events = await eventRows(db, gt(learningEvents.id, state.lastEventId), XAPI_BATCH);
  if (events.length === 0) return { kind: 'idle' };
  const statements = await statementsOf(db, events, lookups);
  try {
    if (statements.length > 0) await send(statements);
  } catch (error) {
    const failures = state.failures + 1;
    const message = error instanceof Error ? error.message : String(error);
    await saveState(db, { ...state, failures, lastError: message.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures)) });
    return { kind: 'failed', error: message };
  }
  await saveState(db, { ...state, lastEventId: events.at(-1)!.id, lastSuccessAt: now, failures: 0, lastError: null, nextAttemptAt: null });
  return { kind: 'sent', events: events.length, statements: statements.length };
}

async function saveState(db: Database, state: ForwardingState): Promise<void> {
  await db.insert(xapiForwarding).values(state).onConflictDoUpdate({ target: xapiForwarding.name, set: state });
}

/** Posts statements to an LRS's statements resource (xAPI 1.0.3 Communication §2.1). */
export function lrsSender(target: LrsTarget, timeoutMs = 30_000): (statements: Statement[]) => Promise<void> {
  const url = target.endpoint.replace(/\/+$/, '') + '/statements';
  return async (statements) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-experience-api-version': '1.0.3',
        ...(target.authorization ? { authorization: target.authorization } : {}),
      },
      body: JSON.stringify(statements),
      // An LRS that hangs counts as a failure and is retried with backoff.
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`The LRS answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  };
}
