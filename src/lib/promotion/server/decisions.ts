/**
 * The manager's writes about a person's promotion: KPI evidence, sign-offs and the promotion
 * itself. Each is one transaction together with its audit_log row (who, when, what, before, after).
 */
import { and, eq } from 'drizzle-orm';
import { auditLog, kpiEvidence, learningEvents, promotions, signOffs, users } from '../../../../db/schema';
import type { KpiMetric } from '../../../schemas/level';
import { newerFirst, type KpiRecord, type LearnerRecord } from '../readiness';
import type { Database } from '../../platform/server/db';
import { findPerson, loadRecords } from './learner-records';

export type PromotionErrorCode = 'NOT_FOUND' | 'LEVEL_CHANGED' | 'NOT_READY';

/** A refusal the caller turns into a message: no such person, their level moved on, or not ready. */
export class PromotionError extends Error {
  constructor(readonly code: PromotionErrorCode, message: string) {
    super(message);
    this.name = 'PromotionError';
  }
}

export interface NewKpiEvidence {
  actorId: string;
  userId: string;
  metric: KpiMetric;
  valuePercent: number;
  period: string;
  note: string;
  now: Date;
}

export async function recordKpiEvidence(db: Database, input: NewKpiEvidence): Promise<KpiRecord> {
  return db.transaction(async (tx) => {
    const person = await findPerson(tx, input.userId);
    if (!person) throw new PromotionError('NOT_FOUND', `There is no person ${input.userId}.`);
    const previous = await tx
      .select()
      .from(kpiEvidence)
      .where(and(eq(kpiEvidence.userId, input.userId), eq(kpiEvidence.metric, input.metric)));
    const before = previous.sort(newerFirst)[0] ?? null;
    const row: KpiRecord = {
      id: crypto.randomUUID(),
      metric: input.metric,
      valuePercent: input.valuePercent,
      period: input.period,
      note: input.note,
      recordedAt: input.now,
      recordedBy: input.actorId,
    };
    await tx.insert(kpiEvidence).values({ ...row, userId: input.userId });
    await tx.insert(auditLog).values({
      actorId: input.actorId,
      action: 'kpi.recorded',
      subjectUserId: input.userId,
      before: before && { metric: before.metric, valuePercent: before.valuePercent, period: before.period },
      after: { metric: row.metric, valuePercent: row.valuePercent, period: row.period, note: row.note },
      at: input.now,
    });
    return row;
  });
}

export interface NewSignOff {
  actorId: string;
  userId: string;
  /** The level the sign-off is for: the rung above the person's current one. */
  levelId: string;
  note: string;
  now: Date;
}

export async function signOff(db: Database, input: NewSignOff): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const person = await findPerson(tx, input.userId);
    if (!person) throw new PromotionError('NOT_FOUND', `There is no person ${input.userId}.`);
    const id = crypto.randomUUID();
    await tx.insert(signOffs).values({ id, userId: input.userId, levelId: input.levelId, managerId: input.actorId, note: input.note, at: input.now });
    await tx.insert(auditLog).values({
      actorId: input.actorId,
      action: 'sign-off.given',
      subjectUserId: input.userId,
      before: { levelId: person.levelId },
      after: { levelId: person.levelId, signedOffFor: input.levelId, note: input.note },
      at: input.now,
    });
    return { id };
  });
}

export interface NewPromotion {
  actorId: string;
  userId: string;
  /** The level the manager saw; if it changed meanwhile, nothing is written. */
  fromLevelId: string;
  toLevelId: string;
  now: Date;
  /** Decides readiness on the record as read inside the transaction. */
  isReady: (record: LearnerRecord) => boolean;
}

/**
 * Moves a person up one rung. Readiness is checked again on the record read inside the same
 * transaction that writes, so evidence withdrawn or a second click cannot promote twice.
 */
export async function promote(db: Database, input: NewPromotion): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const person = await findPerson(tx, input.userId);
    if (!person) throw new PromotionError('NOT_FOUND', `There is no person ${input.userId}.`);
    if (person.levelId !== input.fromLevelId) {
      throw new PromotionError('LEVEL_CHANGED', `${person.name} is no longer at level ${input.fromLevelId}.`);
    }
    const records = (await loadRecords(tx, [person])).get(person.id)!;
    if (!input.isReady(records.record)) throw new PromotionError('NOT_READY', `${person.name} does not yet meet every criterion.`);
    const updated = await tx
      .update(users)
      .set({ levelId: input.toLevelId, levelSince: input.now })
      .where(and(eq(users.id, person.id), eq(users.levelId, input.fromLevelId)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new PromotionError('LEVEL_CHANGED', `${person.name} is no longer at level ${input.fromLevelId}.`);
    const id = crypto.randomUUID();
    await tx.insert(promotions).values({
      id,
      userId: person.id,
      fromLevelId: input.fromLevelId,
      toLevelId: input.toLevelId,
      promotedBy: input.actorId,
      at: input.now,
    });
    // The learning record of the promotion (xAPI forwards it), beside the audit row about who decided it.
    await tx.insert(learningEvents).values({ userId: person.id, type: 'promotion', subject: input.toLevelId, data: { fromLevelId: input.fromLevelId }, at: input.now });
    await tx.insert(auditLog).values({
      actorId: input.actorId,
      action: 'promotion',
      subjectUserId: person.id,
      before: { levelId: person.levelId, levelSince: person.levelSince.toISOString() },
      after: { levelId: input.toLevelId, levelSince: input.now.toISOString() },
      at: input.now,
    });
    return { id };
  });
}
