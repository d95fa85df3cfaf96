/**
 * Everything the platform holds about one person, for their own download (PIPL art. 45, GDPR
 * art. 15 and 20): profile, team, sessions, quiz attempts with their answers, drafts, exercise
 * attempts with their work, completions, learning events, KPI evidence, sign-offs, promotions,
 * assignments, certificates, invites and password-reset links (never a token or a password hash),
 * coaching (observations about them with their notes, the replies under them and the replies they
 * wrote elsewhere, managers' comments on their role-play attempts), boosters (review cards, answers,
 * daily cap), reminders and reminder settings (webhook URL included), the KPI files they uploaded
 * and are yet to confirm, and every audit entry about them or made by them. Secrets are left out, and said to be.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  assignments,
  auditLog,
  certificates,
  erasures,
  exerciseAttempts,
  invites,
  kpiEvidence,
  kpiImportDrafts,
  learningEvents,
  moduleCompletions,
  observationReplies,
  observations,
  passwordResets,
  promotions,
  quizAttempts,
  quizDrafts,
  reminderPreferences,
  reminders,
  replayComments,
  reviewCards,
  reviewLogs,
  reviewSettings,
  sessions,
  signOffs,
  teamMembers,
  teams,
  users,
} from '../../../../db/schema';
import type { Database } from '../../platform/server/db';

export const EXPORT_FORMAT = 'sales-academy/personal-data@1';

export async function collectPersonalData(db: Database, userId: string, now: Date) {
  const person = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!person) return null;
  const { passwordHash, ...profile } = person;
  const [membership, mySessions, attempts, drafts, exercises, completions, events, kpis, signed, promoted, assigned, certs, audit, invited, resets, erased] = await Promise.all([
    db.select({ teamId: teamMembers.teamId, teamName: teams.name, joinedAt: teamMembers.joinedAt }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(eq(teamMembers.userId, userId)),
    db.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId)),
    db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).orderBy(quizAttempts.finishedAt),
    db.select().from(quizDrafts).where(eq(quizDrafts.userId, userId)),
    db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, userId)).orderBy(exerciseAttempts.startedAt),
    db.select({ moduleId: moduleCompletions.moduleId, completedAt: moduleCompletions.completedAt }).from(moduleCompletions).where(eq(moduleCompletions.userId, userId)).orderBy(moduleCompletions.completedAt),
    db.select({ type: learningEvents.type, subject: learningEvents.subject, data: learningEvents.data, at: learningEvents.at }).from(learningEvents).where(eq(learningEvents.userId, userId)).orderBy(learningEvents.id),
    db.select().from(kpiEvidence).where(eq(kpiEvidence.userId, userId)).orderBy(kpiEvidence.recordedAt),
    db.select().from(signOffs).where(eq(signOffs.userId, userId)).orderBy(signOffs.at),
    db.select().from(promotions).where(eq(promotions.userId, userId)).orderBy(promotions.at),
    db.select().from(assignments).where(eq(assignments.userId, userId)).orderBy(assignments.createdAt),
    db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(certificates.issuedAt),
    db
      .select()
      .from(auditLog)
      .where(
        or(
          eq(auditLog.subjectUserId, userId),
          eq(auditLog.actorId, userId),
          // An invite sent before the account existed names only the address.
          and(isNull(auditLog.subjectUserId), sql`json_valid(${auditLog.after}) AND lower(json_extract(${auditLog.after}, '$.email')) = lower(${person.email})`),
        ),
      )
      .orderBy(auditLog.id),
    db.select({ email: invites.email, name: invites.name, role: invites.role, levelId: invites.levelId, expiresAt: invites.expiresAt, usedAt: invites.usedAt }).from(invites).where(eq(invites.email, person.email)),
    db.select({ createdAt: passwordResets.createdAt, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt }).from(passwordResets).where(eq(passwordResets.userId, userId)),
    db.select().from(erasures).where(eq(erasures.userId, userId)),
  ]);
  const [observed, commentsOnThem, cards, reviews, cap, inbox, reminderSettings, kpiFiles] = await Promise.all([
    db.select().from(observations).where(eq(observations.userId, userId)).orderBy(asc(observations.observedOn), asc(observations.createdAt)),
    db
      .select({ id: replayComments.id, attemptId: replayComments.attemptId, step: replayComments.step, authorId: replayComments.authorId, body: replayComments.body, at: replayComments.at })
      .from(replayComments)
      .innerJoin(exerciseAttempts, eq(exerciseAttempts.id, replayComments.attemptId))
      .where(eq(exerciseAttempts.userId, userId))
      .orderBy(asc(replayComments.at)),
    db.select().from(reviewCards).where(eq(reviewCards.userId, userId)).orderBy(asc(reviewCards.cardId)),
    db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId)).orderBy(asc(reviewLogs.reviewedAt)),
    db.select({ dailyCap: reviewSettings.dailyCap }).from(reviewSettings).where(eq(reviewSettings.userId, userId)).get(),
    db.select().from(reminders).where(eq(reminders.userId, userId)).orderBy(asc(reminders.createdAt)),
    db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, userId)).get(),
    db.select().from(kpiImportDrafts).where(eq(kpiImportDrafts.actorId, userId)).orderBy(asc(kpiImportDrafts.createdAt)),
  ]);
  // The conversation under their observations, and what they wrote under anyone else's (a manager's answers).
  const observationIds = observed.map((o) => o.id);
  const replies = await db
    .select()
    .from(observationReplies)
    .where(observationIds.length === 0 ? eq(observationReplies.authorId, userId) : or(eq(observationReplies.authorId, userId), inArray(observationReplies.observationId, observationIds)))
    .orderBy(asc(observationReplies.at));
  // The names of the people who recorded, signed or changed something about them.
  const actorIds = new Set([...kpis.map((k) => k.recordedBy), ...signed.map((s) => s.managerId), ...promoted.map((p) => p.promotedBy), ...assigned.map((a) => a.assignedBy), ...audit.map((a) => a.actorId), ...observed.map((o) => o.managerId), ...commentsOnThem.map((c) => c.authorId), ...replies.map((r) => r.authorId)]);
  const actors = actorIds.size === 0 ? [] : await db.select({ id: users.id, name: users.name }).from(users);
  const nameOf = new Map(actors.filter((a) => actorIds.has(a.id)).map((a) => [a.id, a.name]));
  const who = (id: string) => ({ id, name: nameOf.get(id) ?? null });
  const addressIn = (value: unknown) => (value && typeof value === 'object' && 'email' in value ? String((value as { email: unknown }).email).toLowerCase() : null);
  const aboutThem = (a: { subjectUserId: string | null; after: unknown }) => a.subjectUserId === userId || (a.subjectUserId === null && addressIn(a.after) === person.email.toLowerCase());
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    notIncluded: ['password hash (kept only as an argon2id hash, never readable)', 'session and link secrets (only their hashes are kept)'],
    profile: { ...profile, hasPassword: passwordHash !== null },
    teams: membership,
    sessions: mySessions,
    quizAttempts: attempts.map(({ userId: _, ...a }) => a),
    quizDrafts: drafts.map(({ userId: _, ...d }) => d),
    exerciseAttempts: exercises.map(({ userId: _, ...e }) => e),
    moduleCompletions: completions,
    learningEvents: events,
    kpiEvidence: kpis.map(({ userId: _, recordedBy, ...k }) => ({ ...k, recordedBy: who(recordedBy) })),
    signOffs: signed.map(({ userId: _, managerId, ...s }) => ({ ...s, by: who(managerId) })),
    promotions: promoted.map(({ userId: _, promotedBy, ...p }) => ({ ...p, by: who(promotedBy) })),
    assignments: assigned.map(({ userId: _, assignedBy, ...a }) => ({ ...a, by: who(assignedBy) })),
    certificates: certs.map(({ userId: _, ...c }) => c),
    // Entries about them in full; entries they made about others without the before/after, which
    // is those others' data.
    auditEntries: audit.map((a) =>
      aboutThem(a) ? { id: a.id, action: a.action, at: a.at, actor: who(a.actorId), about: 'you', before: a.before, after: a.after } : { id: a.id, action: a.action, at: a.at, actor: who(a.actorId), about: a.subjectUserId },
    ),
    invites: invited,
    passwordResetLinks: resets,
    erasure: erased[0] ?? null,
    observations: observed.map(({ userId: _, managerId, ...o }) => ({
      ...o,
      by: who(managerId),
      replies: replies.filter((r) => r.observationId === o.id).map(({ observationId: _o, authorId, ...r }) => ({ ...r, by: who(authorId) })),
    })),
    // Replies they wrote under other people's observations (as a manager): their own words.
    observationRepliesElsewhere: replies.filter((r) => !observationIds.includes(r.observationId)).map(({ authorId: _, ...r }) => r),
    // Steps counted from 1, as the replay page shows them.
    replayComments: commentsOnThem.map(({ authorId, step, ...c }) => ({ ...c, step: step + 1, by: who(authorId) })),
    reviewCards: cards.map(({ userId: _, ...c }) => c),
    reviewLogs: reviews.map(({ userId: _, ...r }) => r),
    reviewSettings: cap ?? null,
    reminders: inbox.map(({ userId: _, ...r }) => r),
    reminderPreferences: reminderSettings ? (({ userId: _, ...p }) => p)(reminderSettings) : null,
    kpiImportDrafts: kpiFiles.map(({ actorId: _, ...d }) => d),
  };
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof collectPersonalData>>>;
