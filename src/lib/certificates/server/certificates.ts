/**
 * Issuing, finding and revoking certificates. Issuing is idempotent (one certificate per person
 * and course or level, by a unique index), so the completion and promotion paths and the
 * certificates page can all call it and a retry never makes a second one.
 */
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, certificates, moduleCompletions, promotions, users } from '../../../../db/schema';
import { courseCertificatesDue } from '../due';
import type { BilingualText } from '../../../schemas/common';
import type { Database } from '../../platform/server/db';

export type Certificate = typeof certificates.$inferSelect;

/** 128 random bits, URL-safe: the id is the only key to a public verification page. */
function newCertificateId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

interface CourseCatalogue {
  courseModules: ReadonlyMap<string, readonly string[]>;
  courses: readonly { id: string; title: BilingualText }[];
}

/** Issues every course certificate a person has earned and lacks; returns the new ones. */
export async function issueCourseCertificates(db: Database, userId: string, catalogue: CourseCatalogue, now: Date): Promise<Certificate[]> {
  const person = await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
  if (!person) return [];
  const [completions, existing] = await Promise.all([
    db.select({ moduleId: moduleCompletions.moduleId, completedAt: moduleCompletions.completedAt }).from(moduleCompletions).where(eq(moduleCompletions.userId, userId)),
    db.select({ subjectId: certificates.subjectId }).from(certificates).where(and(eq(certificates.userId, userId), eq(certificates.kind, 'course'))),
  ]);
  const due = courseCertificatesDue(
    catalogue.courseModules,
    new Map(completions.map((c) => [c.moduleId, c.completedAt])),
    new Set(existing.map((e) => e.subjectId)),
  );
  const issued: Certificate[] = [];
  for (const { courseId, achievedAt } of due) {
    const title = catalogue.courses.find((c) => c.id === courseId)?.title ?? { zh: courseId, en: courseId };
    const rows = await db
      .insert(certificates)
      .values({ id: newCertificateId(), userId, kind: 'course', subjectId: courseId, recipientName: person.name, title, achievedAt, issuedAt: now })
      .onConflictDoNothing()
      .returning();
    issued.push(...rows);
  }
  return issued;
}

/** Issues a certificate for every promotion the person has had and lacks one for (once per level). */
export async function issuePromotionCertificates(
  db: Database,
  userId: string,
  levelName: (levelId: string) => BilingualText | undefined,
  now: Date,
): Promise<void> {
  const person = await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
  if (!person) return;
  const reached = await db.select({ levelId: promotions.toLevelId, at: promotions.at }).from(promotions).where(eq(promotions.userId, userId));
  for (const { levelId, at } of reached) {
    await db
      .insert(certificates)
      .values({
        id: newCertificateId(),
        userId,
        kind: 'level',
        subjectId: levelId,
        recipientName: person.name,
        title: levelName(levelId) ?? { zh: levelId, en: levelId },
        achievedAt: at,
        issuedAt: now,
      })
      .onConflictDoNothing();
  }
}

export function certificatesOf(db: Database, userId: string): Promise<Certificate[]> {
  return db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.achievedAt));
}

export async function findCertificate(db: Database, id: string): Promise<Certificate | undefined> {
  return db.select().from(certificates).where(eq(certificates.id, id)).get();
}

/** Every certificate, newest first, for the admins' list. */
export function allCertificates(db: Database, limit = 500): Promise<Certificate[]> {
  return db.select().from(certificates).orderBy(desc(certificates.issuedAt)).limit(limit);
}

export class CertificateError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'ALREADY_REVOKED') {
    super(code);
  }
}

/** Revokes a certificate with a reason, audit-logged in the same transaction. */
export async function revokeCertificate(db: Database, input: { id: string; actorId: string; reason: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const certificate = await tx.select().from(certificates).where(eq(certificates.id, input.id)).get();
    if (!certificate) throw new CertificateError('NOT_FOUND');
    if (certificate.revokedAt) throw new CertificateError('ALREADY_REVOKED');
    await tx
      .update(certificates)
      .set({ revokedAt: input.now, revokedBy: input.actorId, revokeReason: input.reason })
      .where(eq(certificates.id, input.id));
    await tx.insert(auditLog).values({
      actorId: input.actorId,
      action: 'certificate.revoke',
      subjectUserId: certificate.userId,
      before: { certificateId: certificate.id, revoked: false },
      after: { certificateId: certificate.id, revoked: true, reason: input.reason },
      at: input.now,
    });
  });
}
