/**
 * Coaching records in the database: observations, the replies under them, and managers' comments on
 * role-play replay steps. Every write is one transaction with its audit_log row. Who may act is
 * decided here too (a learner on their own records, a manager on their team's, see team-scope.ts),
 * so a page or action cannot forget it; anything out of reach is NOT_FOUND, never a hint it exists.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { auditLog, exerciseAttempts, observationReplies, observations, replayComments, users } from '../../../../db/schema';
import type { ObservationKind } from '../../../schemas/rubric';
import type { Database } from '../../platform/server/db';
import { mayManagePerson, type Actor } from '../../people/server/team-scope';
import type { ObservationScore } from '../scores';

export type CoachingErrorCode = 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT';

export class CoachingError extends Error {
  constructor(
    readonly code: CoachingErrorCode,
    /** A UI string key, which pages translate. */
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'CoachingError';
  }
}

const notFound = (what: string) => new CoachingError('NOT_FOUND', 'coaching.error.notFound', `${what} was not found.`);

/**
 * Nothing new is written about a person who has left (deactivated) or was erased: erasure emptied
 * the notes about them, and a note written afterwards would bring personal data back. A 409, since
 * the person exists and is within reach, but the record is closed.
 */
async function requireActivePerson(db: Database, userId: string): Promise<void> {
  const person = await db.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!person) throw notFound('That person');
  if (!person.active) throw new CoachingError('CONFLICT', 'coaching.error.inactive', 'That person has left or was erased; their coaching record is closed to new notes.');
}

export interface NewObservation {
  actor: Actor;
  userId: string;
  rubricId: string;
  kind: ObservationKind;
  observedOn: string;
  scores: ObservationScore[];
  averageLevel: number;
  now: Date;
}

export async function recordObservation(db: Database, input: NewObservation): Promise<{ id: string }> {
  if (!(await mayManagePerson(db, input.actor, input.userId))) throw notFound('That person');
  await requireActivePerson(db, input.userId);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(observations).values({
      id,
      userId: input.userId,
      managerId: input.actor.id,
      rubricId: input.rubricId,
      kind: input.kind,
      observedOn: input.observedOn,
      scores: input.scores,
      averageLevel: input.averageLevel,
      createdAt: input.now,
    });
    await tx.insert(auditLog).values({
      actorId: input.actor.id,
      action: 'observation.recorded',
      subjectUserId: input.userId,
      before: null,
      after: { id, rubricId: input.rubricId, kind: input.kind, observedOn: input.observedOn, averageLevel: input.averageLevel, scores: input.scores },
      at: input.now,
    });
  });
  return { id };
}

/** The observation if the actor is its learner or may manage that learner. */
async function reachableObservation(db: Database, actor: Actor, observationId: string) {
  const row = await db.select().from(observations).where(eq(observations.id, observationId)).get();
  if (!row) throw notFound('That observation');
  if (row.userId !== actor.id && !(await mayManagePerson(db, actor, row.userId))) throw notFound('That observation');
  return row;
}

/** The learner confirms they have read it. Only the learner; a second acknowledgement changes nothing. */
export async function acknowledgeObservation(db: Database, actor: Actor, observationId: string, now: Date): Promise<{ acknowledgedAt: Date; already: boolean }> {
  const row = await db.select().from(observations).where(eq(observations.id, observationId)).get();
  if (!row || row.userId !== actor.id) throw notFound('That observation');
  if (row.acknowledgedAt) return { acknowledgedAt: row.acknowledgedAt, already: true };
  await db.transaction(async (tx) => {
    await tx.update(observations).set({ acknowledgedAt: now }).where(eq(observations.id, observationId));
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'observation.acknowledged',
      subjectUserId: row.userId,
      before: { observation: observationId, acknowledgedAt: null },
      after: { observation: observationId, acknowledgedAt: now.toISOString() },
      at: now,
    });
  });
  return { acknowledgedAt: now, already: false };
}

/** A reply under an observation, by its learner or by a manager of theirs. */
export async function replyToObservation(db: Database, actor: Actor, observationId: string, body: string, now: Date): Promise<{ id: string }> {
  const row = await reachableObservation(db, actor, observationId);
  await requireActivePerson(db, row.userId);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(observationReplies).values({ id, observationId, authorId: actor.id, body, at: now });
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'observation.replied',
      subjectUserId: row.userId,
      before: null,
      after: { observation: observationId, reply: id, body },
      at: now,
    });
  });
  return { id };
}

export interface ObservationView {
  id: string;
  userId: string;
  managerId: string;
  managerName: string;
  rubricId: string;
  kind: ObservationKind;
  observedOn: string;
  scores: ObservationScore[];
  averageLevel: number;
  acknowledgedAt: Date | null;
  createdAt: Date;
  replies: { id: string; authorId: string; authorName: string; body: string; at: Date }[];
}

/** A person's observations, latest observed first, each with its conversation. Three queries. */
export async function observationsOf(db: Database, userId: string): Promise<ObservationView[]> {
  const rows = await db
    .select({ o: observations, managerName: users.name })
    .from(observations)
    .innerJoin(users, eq(users.id, observations.managerId))
    .where(eq(observations.userId, userId))
    .orderBy(desc(observations.observedOn), desc(observations.createdAt));
  const ids = rows.map((r) => r.o.id);
  const replies =
    ids.length === 0
      ? []
      : await db
          .select({ r: observationReplies, authorName: users.name })
          .from(observationReplies)
          .innerJoin(users, eq(users.id, observationReplies.authorId))
          .where(inArray(observationReplies.observationId, ids))
          .orderBy(asc(observationReplies.at));
  return rows.map(({ o, managerName }) => ({
    ...o,
    managerName,
    replies: replies.filter((r) => r.r.observationId === o.id).map((r) => ({ id: r.r.id, authorId: r.r.authorId, authorName: r.authorName, body: r.r.body, at: r.r.at })),
  }));
}

export type AttemptRow = typeof exerciseAttempts.$inferSelect;

/** A submitted attempt the actor may replay: their own, or a team member's for a manager. */
export async function reachableAttempt(db: Database, actor: Actor, attemptId: string): Promise<AttemptRow> {
  const row = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId)).get();
  if (!row || row.status !== 'submitted') throw notFound('That attempt');
  if (row.userId !== actor.id && !(await mayManagePerson(db, actor, row.userId))) throw notFound('That attempt');
  return row;
}

/** A person's submitted attempts of the given exercises (role-plays), newest first. */
export async function submittedAttemptsOf(db: Database, userId: string, exerciseIds: readonly string[]) {
  if (exerciseIds.length === 0) return [];
  return db
    .select({ id: exerciseAttempts.id, exerciseId: exerciseAttempts.exerciseId, percent: exerciseAttempts.percent, finishedAt: exerciseAttempts.finishedAt })
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.status, 'submitted'), inArray(exerciseAttempts.exerciseId, [...exerciseIds])))
    .orderBy(desc(exerciseAttempts.finishedAt));
}

/**
 * A manager's comment on step `step` of a replay. `stepCount` is how many steps the replay has (the
 * caller built it from the attempt); a step outside it is refused, nothing stored.
 */
export async function commentOnStep(
  db: Database,
  input: { actor: Actor; attemptId: string; step: number; stepCount: number; body: string; now: Date },
): Promise<{ id: string }> {
  const attempt = await reachableAttempt(db, input.actor, input.attemptId);
  // The learner reads comments; they do not write them on their own attempt.
  if (attempt.userId === input.actor.id) throw notFound('That attempt');
  await requireActivePerson(db, attempt.userId);
  if (!Number.isInteger(input.step) || input.step < 0 || input.step >= input.stepCount) {
    throw new CoachingError('BAD_REQUEST', 'coaching.error.step', `The attempt has steps 1 to ${input.stepCount}.`);
  }
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(replayComments).values({ id, attemptId: input.attemptId, step: input.step, authorId: input.actor.id, body: input.body, at: input.now });
    await tx.insert(auditLog).values({
      actorId: input.actor.id,
      action: 'replay.commented',
      subjectUserId: attempt.userId,
      before: null,
      after: { attempt: input.attemptId, exercise: attempt.exerciseId, step: input.step + 1, comment: id, body: input.body },
      at: input.now,
    });
  });
  return { id };
}

export async function commentsOn(db: Database, attemptId: string) {
  return db
    .select({ id: replayComments.id, step: replayComments.step, body: replayComments.body, at: replayComments.at, authorName: users.name })
    .from(replayComments)
    .innerJoin(users, eq(users.id, replayComments.authorId))
    .where(eq(replayComments.attemptId, attemptId))
    .orderBy(asc(replayComments.at));
}
