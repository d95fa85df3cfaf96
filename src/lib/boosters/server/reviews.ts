/**
 * Booster cards in the database: keeping a learner's cards in step with what they have completed,
 * today's review, storing an answer (once per due review), the daily cap and the retention figure.
 * Content comes in as a `BoosterContent`, so tests and the seed can pass files instead of Astro's
 * collections.
 */
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { z } from 'astro/zod';
import { moduleCompletions, quizAttempts, reviewCards, reviewLogs, reviewSettings } from '../../../../db/schema';
import { t } from '../../../i18n/ui';
import type { Language } from '../../../schemas/common';
import { dayKey, startOfDay } from '../../dates';
import type { Answer, QuestionResult } from '../../quiz/grading';
import { unreadableNumericAnswer } from '../../quiz/numeric-answers';
import type { Database } from '../../platform/server/db';
import { groupCommitFor } from '../../platform/server/group-commit';
import { companyTimeZone } from '../../platform/server/company-time';
import { quizAnswersInput, refuseForeignAnswers, SubmissionRefused } from '../../quiz/server/submission';
import { cardsToHave, parseCardId, type CardRef } from '../cards';
import type { BoosterContent } from '../content';
import { gradeQuestionCard, gradeTermCard, isTermAnswer, oneQuestionQuiz, questionPrompt, reviewSeed, termPrompt, type ReviewPrompt } from '../prompts';
import { retentionOver30Days, retentionWindowStart, type Retention } from '../retention';
import { newCardState, scheduleAnswer, type CardState } from '../schedule';
import { cardsLeftToday, DEFAULT_DAILY_CAP, dueCards, MAX_DAILY_CAP } from '../session';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');
// One answer exactly as a quiz submission takes it (same shapes and limits).
const answer = quizAnswersInput.valueType;

export const reviewAnswerInput = z.strictObject({
  cardId: z.string().min(1).max(140),
  /** The due time the prompt was shown with: names the one review this answer is for. */
  dueAt: z.number().int().min(0).max(8.64e15),
  lang: z.enum(['zh', 'en']),
  answer,
});
export type ReviewAnswer = z.infer<typeof reviewAnswerInput>;

/**
 * The cap as typed: full-width digits (an IME's １５) and spaces read like ASCII. Only decimal
 * digits: z.coerce would read `0x10` as 16 and `1e1` as 10, which nobody typing a count means.
 */
export const dailyCapInput = z.strictObject({
  dailyCap: z.preprocess(
    (value) => (typeof value === 'string' ? value.normalize('NFKC').trim() : value),
    z.union([z.number(), z.string().regex(/^[0-9]+$/, 'whole number in decimal digits').transform(Number)]).pipe(z.number().int().min(1).max(MAX_DAILY_CAP)),
  ),
});

export const practiceInput = z.strictObject({ quizId: id, lang: z.enum(['zh', 'en']) });
export const practiceAnswerInput = z.strictObject({ quizId: id, questionId: id, lang: z.enum(['zh', 'en']), answer });

/** Why an answer was refused; `code` is an Astro Action error code. */
export class ReviewRefused extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

type CardRow = typeof reviewCards.$inferSelect;
const stateOf = (row: CardRow): CardState => ({
  due: row.due,
  stability: row.stability,
  difficulty: row.difficulty,
  elapsedDays: row.elapsedDays,
  scheduledDays: row.scheduledDays,
  learningSteps: row.learningSteps,
  reps: row.reps,
  lapses: row.lapses,
  state: row.state,
  lastReview: row.lastReview,
});

/** Question ids each quiz has asked this learner in any stored attempt (from the stored verdicts). */
async function metQuestions(db: Database, userId: string, wrongInLatestOnly = false): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ quizId: quizAttempts.quizId, result: quizAttempts.result })
    .from(quizAttempts)
    .where(eq(quizAttempts.userId, userId))
    .orderBy(asc(quizAttempts.finishedAt));
  const met = new Map<string, Set<string>>();
  for (const row of rows) {
    const verdicts = Array.isArray(row.result) ? (row.result as { questionId?: unknown; correct?: unknown }[]) : [];
    const ids = verdicts.filter((v) => typeof v.questionId === 'string' && (!wrongInLatestOnly || v.correct !== true)).map((v) => v.questionId as string);
    if (wrongInLatestOnly) met.set(row.quizId, new Set(ids));
    else met.set(row.quizId, new Set([...(met.get(row.quizId) ?? []), ...ids]));
  }
  return met;
}

/**
 * Creates the cards a learner should have and lacks (new cards are due at once). Idempotent; a
 * card whose question or term left the content stays stored but is never shown.
 */
export async function syncCards(db: Database, userId: string, content: BoosterContent, now: Date): Promise<void> {
  const completed = await db.select({ moduleId: moduleCompletions.moduleId }).from(moduleCompletions).where(eq(moduleCompletions.userId, userId));
  const wanted = cardsToHave({
    completed: completed.flatMap(({ moduleId }) => {
      const module = content.modules.get(moduleId);
      return module ? [{ moduleId, ...module }] : [];
    }),
    metQuestions: await metQuestions(db, userId),
    quizQuestions: new Map([...content.quizzes].map(([quizId, quiz]) => [quizId, new Set(quiz.questions.map((q) => q.id))])),
    glossary: new Set(content.glossary.map((g) => g.id)),
  });
  if (wanted.length === 0) return;
  const have = new Set((await db.select({ cardId: reviewCards.cardId }).from(reviewCards).where(eq(reviewCards.userId, userId))).map((r) => r.cardId));
  const missing = wanted.filter((cardId) => !have.has(cardId));
  if (missing.length === 0) return;
  const fresh = newCardState(now);
  await groupCommitFor(db).run((tx) =>
    tx
      .insert(reviewCards)
      .values(missing.map((cardId) => ({ userId, cardId, ...fresh, createdAt: now })))
      .onConflictDoNothing(),
  );
}

export async function dailyCapOf(db: Database, userId: string): Promise<number> {
  const row = await db.select({ dailyCap: reviewSettings.dailyCap }).from(reviewSettings).where(eq(reviewSettings.userId, userId)).get();
  return row?.dailyCap ?? DEFAULT_DAILY_CAP;
}

export async function setDailyCap(db: Database, userId: string, dailyCap: number): Promise<number> {
  await groupCommitFor(db).run((tx) =>
    tx.insert(reviewSettings).values({ userId, dailyCap }).onConflictDoUpdate({ target: reviewSettings.userId, set: { dailyCap } }),
  );
  return dailyCap;
}

async function answeredSince(db: Database, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), gte(reviewLogs.reviewedAt, since)));
  return Number(row?.n ?? 0);
}

/** Whether the content still has what a card asks. */
function cardExists(ref: CardRef, content: BoosterContent): boolean {
  if (ref.kind === 'term') return content.glossary.some((g) => g.id === ref.termId);
  return content.quizzes.get(ref.quizId)?.questions.some((q) => q.id === ref.questionId) ?? false;
}

function promptFor(userId: string, row: { cardId: string; due: Date }, content: BoosterContent, lang: Language): ReviewPrompt | null {
  const ref = parseCardId(row.cardId);
  if (!ref || !cardExists(ref, content)) return null;
  const dueAt = row.due.getTime();
  const seed = reviewSeed(userId, row.cardId, dueAt);
  if (ref.kind === 'term') {
    const term = content.glossary.find((g) => g.id === ref.termId)!;
    const question = termPrompt(term, content.glossary, seed, lang, t(lang, 'review.termPrompt', { term: term.term[lang] }));
    return { cardId: row.cardId, dueAt, kind: 'term', source: t(lang, 'review.keyTerm'), question };
  }
  const quiz = content.quizzes.get(ref.quizId)!;
  const question = questionPrompt(ref.quizId, oneQuestionQuiz(quiz, ref.questionId)!, seed, lang);
  return { cardId: row.cardId, dueAt, kind: 'question', source: quiz.title[lang], question };
}

/** The learner's due cards, capped for today, as the browser may see them. */
export interface TodaysReview {
  prompts: ReviewPrompt[];
  /** Every card due now, whatever the cap. */
  dueNow: number;
  answeredToday: number;
  dailyCap: number;
  retention: Retention;
}

async function dueRows(db: Database, userId: string, now: Date) {
  return db
    .select({ cardId: reviewCards.cardId, due: reviewCards.due })
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), sql`${reviewCards.due} <= ${now.getTime()}`))
    .orderBy(asc(reviewCards.due), asc(reviewCards.createdAt), asc(reviewCards.cardId));
}

export async function todaysReview(db: Database, userId: string, content: BoosterContent, lang: Language, now: Date, zone: string): Promise<TodaysReview> {
  await syncCards(db, userId, content, now);
  const [dailyCap, answeredToday, due, retention] = await Promise.all([
    dailyCapOf(db, userId),
    answeredSince(db, userId, startOfDay(dayKey(now, zone), zone)!),
    dueRows(db, userId, now),
    retentionFor(db, userId, now, zone),
  ]);
  const shown = due.flatMap((row) => promptFor(userId, row, content, lang) ?? []);
  return { prompts: dueCards(shown.map((p) => ({ ...p, due: new Date(p.dueAt) })), now, cardsLeftToday(dailyCap, answeredToday)).map(({ due: _due, ...p }) => p), dueNow: shown.length, answeredToday, dailyCap, retention };
}

/** How many cards today's review would show now (due, under today's cap): the number on My learning. */
export async function cardsDueToday(db: Database, userId: string, content: BoosterContent, now: Date, zone: string): Promise<number> {
  await syncCards(db, userId, content, now);
  const [dailyCap, answeredToday, due] = await Promise.all([dailyCapOf(db, userId), answeredSince(db, userId, startOfDay(dayKey(now, zone), zone)!), dueRows(db, userId, now)]);
  const shown = due.filter((row) => {
    const ref = parseCardId(row.cardId);
    return ref !== null && cardExists(ref, content);
  });
  return Math.min(shown.length, cardsLeftToday(dailyCap, answeredToday));
}

export async function retentionFor(db: Database, userId: string, now: Date, zone: string): Promise<Retention> {
  const rows = await db
    .select({ correct: reviewLogs.correct, at: reviewLogs.reviewedAt })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), gte(reviewLogs.reviewedAt, retentionWindowStart(now, zone))));
  return retentionOver30Days(rows, now, zone);
}

export interface ReviewVerdict {
  cardId: string;
  correct: boolean;
  result: QuestionResult;
  /** When the card comes back (ms). */
  nextDue: number;
  /** True when this answer had already been stored: the reply is the stored one, nothing was scheduled again. */
  repeated: boolean;
}

/** Grades an answer to a card in the public ids of the review shown at `dueAt`. Throws ReviewRefused for a forged answer. */
function gradeCard(userId: string, ref: CardRef, cardId: string, dueAt: number, given: ReviewAnswer['answer'], content: BoosterContent, lang: Language): QuestionResult {
  const seed = reviewSeed(userId, cardId, dueAt);
  const reload = t(lang, 'review.reload');
  if (ref.kind === 'term') {
    if (!isTermAnswer(given)) throw new ReviewRefused('BAD_REQUEST', `${t(lang, 'review.badAnswer')} ${reload}`);
    const term = content.glossary.find((g) => g.id === ref.termId)!;
    return gradeTermCard(term, content.glossary, seed, given, lang, t(lang, 'review.termPrompt', { term: term.term[lang] }));
  }
  const single = oneQuestionQuiz(content.quizzes.get(ref.quizId)!, ref.questionId)!;
  try {
    refuseForeignAnswers(single, seed, { [ref.questionId]: given });
  } catch (error) {
    if (error instanceof SubmissionRefused) throw new ReviewRefused('BAD_REQUEST', `${t(lang, 'review.badAnswer')} ${reload}`);
    throw error;
  }
  const unreadable = unreadableNumericAnswer(single, [ref.questionId], { [ref.questionId]: given }, lang);
  if (unreadable) throw new ReviewRefused('BAD_REQUEST', unreadable);
  return gradeQuestionCard(single, seed, ref.questionId, given as Answer, lang);
}

/**
 * Stores one answer to one due review and schedules the card, in one transaction. The same answer
 * sent again (a double press, a retry) gets the stored verdict back and schedules nothing; an
 * answer to a review already answered otherwise, or not yet due, is a 409.
 */
export async function answerCard(db: Database, userId: string, content: BoosterContent, input: ReviewAnswer, now: Date, zone: string = companyTimeZone()): Promise<ReviewVerdict> {
  const lang = input.lang;
  const ref = parseCardId(input.cardId);
  if (!ref) throw new ReviewRefused('BAD_REQUEST', t(lang, 'review.unknownCard', { card: input.cardId.slice(0, 140) }));
  const row = await db.select().from(reviewCards).where(and(eq(reviewCards.userId, userId), eq(reviewCards.cardId, input.cardId))).get();
  if (!row || !cardExists(ref, content)) throw new ReviewRefused('NOT_FOUND', t(lang, 'review.unknownCard', { card: input.cardId }));

  const stored = async (): Promise<ReviewVerdict | null> => {
    const log = await db
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.cardId, input.cardId), eq(reviewLogs.dueAt, new Date(input.dueAt))))
      .get();
    if (!log) return null;
    const card = await db.select({ due: reviewCards.due }).from(reviewCards).where(and(eq(reviewCards.userId, userId), eq(reviewCards.cardId, input.cardId))).get();
    const result = gradeCard(userId, ref, input.cardId, input.dueAt, log.answer as ReviewAnswer['answer'], content, lang);
    return { cardId: input.cardId, correct: log.correct, result: { ...result, correct: log.correct }, nextDue: card!.due.getTime(), repeated: true };
  };

  const earlier = await stored();
  if (earlier) return earlier;
  if (row.due.getTime() !== input.dueAt) throw new ReviewRefused('CONFLICT', t(lang, 'review.alreadyAnswered'));
  if (row.due.getTime() > now.getTime()) throw new ReviewRefused('CONFLICT', t(lang, 'review.notDue'));
  // The daily cap holds on the server too, not only in what the page shows: a scripted client or a
  // second tab cannot answer more new reviews today than the learner allowed. (Repeats of a stored
  // answer were answered above and never count twice.)
  const dayStart = startOfDay(dayKey(now, zone), zone)!;
  const [dailyCap, answeredToday] = await Promise.all([dailyCapOf(db, userId), answeredSince(db, userId, dayStart)]);
  const capReached = () => new ReviewRefused('CONFLICT', t(lang, 'review.capReached', { cap: dailyCap }));
  if (cardsLeftToday(dailyCap, answeredToday) === 0) throw capReached();

  const result = gradeCard(userId, ref, input.cardId, input.dueAt, input.answer, content, lang);
  const next = scheduleAnswer(stateOf(row), result.correct, now);
  const landed = await groupCommitFor(db).run(async (tx) => {
    // Counted again inside the write, so two tabs answering at once cannot both take the last card.
    const [today] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, userId), gte(reviewLogs.reviewedAt, dayStart)));
    if (cardsLeftToday(dailyCap, Number(today?.n ?? 0)) === 0) return 'capped' as const;
    const inserted = await tx
      .insert(reviewLogs)
      .values({ id: crypto.randomUUID(), userId, cardId: input.cardId, dueAt: new Date(input.dueAt), correct: result.correct, answer: input.answer, reviewedAt: now })
      .onConflictDoNothing()
      .returning({ id: reviewLogs.id });
    if (inserted.length === 0) return false;
    // Only the review that was due moves the card: a racing twin finds the due changed and its log refused above.
    await tx
      .update(reviewCards)
      .set({ ...next })
      .where(and(eq(reviewCards.userId, userId), eq(reviewCards.cardId, input.cardId), eq(reviewCards.due, new Date(input.dueAt))));
    return true;
  });
  if (landed !== true) {
    const twin = await stored();
    if (twin) return twin;
    if (landed === 'capped') throw capReached();
    throw new ReviewRefused('CONFLICT', t(lang, 'review.alreadyAnswered'));
  }
  return { cardId: input.cardId, correct: result.correct, result, nextDue: next.due.getTime(), repeated: false };
}
