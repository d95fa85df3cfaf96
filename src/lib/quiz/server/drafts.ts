/**
 * Saved drafts of a quiz attempt: the answers a learner has given so far, kept on the server per
 * learner and quiz under the attempt's seed, so a reload, a detour to another page or a new
 * login finds them as they were left. A draft belongs to one attempt: once an attempt is stored
 * (recordQuizAttempt deletes the draft in the same transaction) the next seed differs, and a draft
 * under an older seed is never shown.
 */
import { z } from 'astro/zod';
import { sql } from 'drizzle-orm';
import type { Quiz } from '../../../schemas/quiz';
import { attemptAvailability } from '../attempt-rules';
import { attemptSeed, planAttempt } from '../draw';
import type { Answers } from '../grading';
import type { Database } from '../../platform/server/db';
import { groupCommitFor } from '../../platform/server/group-commit';
import { attemptHistory } from './attempts';
import { answerFitsQuestion, quizAnswersInput, refuseForeignAnswers, SubmissionRefused } from './submission';

/**
 * A draft's answers as JSON. The 64 KiB action body limit bounds the request; this bounds what one
 * row may hold, well above a real quiz (200 questions of short ids fit in a few kilobytes).
 */
export const MAX_DRAFT_CHARS = 16_000;

export const quizDraftInput = z.strictObject({
  quizId: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens'),
  /** The seed of the attempt the page shows; a draft for any other attempt is refused. */
  seed: z.number().int().min(0).max(0xffffffff),
  answers: quizAnswersInput.refine((answers) => JSON.stringify(answers).length <= MAX_DRAFT_CHARS, `a draft holds at most ${MAX_DRAFT_CHARS} characters of answers`),
});
export type QuizDraftInput = z.infer<typeof quizDraftInput>;

/** The attempt was submitted (here or in another tab) since the page loaded: its draft is over. */
const staleAttempt = () =>
  new SubmissionRefused('CONFLICT', 'This attempt was already submitted, perhaps in another tab. Reload the page to start the next one.');

/**
 * Stores the answers given so far for the attempt the learner is on. Refused like a submission
 * would be: for an attempt that may not start, for another attempt's seed, for questions the
 * attempt did not draw or answers of the wrong shape. The reply says when it was saved, nothing
 * about the answers.
 */
export async function saveQuizDraft(db: Database, userId: string, quiz: Quiz, input: QuizDraftInput, now: Date): Promise<{ savedAt: number }> {
  const { past } = await attemptHistory(db, userId, input.quizId, undefined);
  const availability = attemptAvailability(quiz, past, now);
  if (availability.status === 'limit') throw new SubmissionRefused('FORBIDDEN', `You have used all ${availability.maxAttempts} attempts at this quiz.`);
  if (availability.status === 'cooldown') {
    throw new SubmissionRefused('TOO_MANY_REQUESTS', `Your last attempt did not pass. Try again after ${availability.until.toISOString()}.`);
  }
  const seed = attemptSeed(userId, input.quizId, availability.attemptNumber);
  if (input.seed !== seed) throw staleAttempt();
  refuseForeignAnswers(quiz, seed, input.answers);

  const answers = JSON.stringify(input.answers);
  // Written only while the attempt count is still the one the seed came from, in the same queue as
  // submissions: a save that loses the race with its own attempt's submission leaves no draft behind.
  const stored = await groupCommitFor(db).run(async (tx) => {
    const result = await tx.run(sql`
      INSERT INTO quiz_drafts (user_id, quiz_id, seed, answers, updated_at)
      SELECT ${userId}, ${input.quizId}, ${seed}, ${answers}, ${now.getTime()}
      WHERE (SELECT count(*) FROM quiz_attempts WHERE user_id = ${userId} AND quiz_id = ${input.quizId}) = ${availability.attemptNumber}
      ON CONFLICT (user_id, quiz_id) DO UPDATE SET seed = excluded.seed, answers = excluded.answers, updated_at = excluded.updated_at`);
    return result.rowsAffected > 0;
  });
  if (!stored) throw staleAttempt();
  return { savedAt: now.getTime() };
}

/**
 * The saved answers of the attempt with this seed, or null when there are none for it. Answers
 * to questions the attempt no longer draws (a trainer edited the quiz since) are left out, so the
 * island never restores an answer it would then be refused for saving.
 */
export async function draftAnswersFor(db: Database, userId: string, quizId: string, quiz: Quiz, seed: number): Promise<Answers | null> {
  const { rows } = await db.$client.execute({
    sql: 'SELECT answers FROM quiz_drafts WHERE user_id = ? AND quiz_id = ? AND seed = ?',
    args: [userId, quizId, seed],
  });
  const row = rows[0];
  if (!row) return null;
  let saved: unknown;
  try {
    saved = JSON.parse(String(row.answers));
  } catch {
    return null;
  }
  const parsed = quizAnswersInput.safeParse(saved);
  if (!parsed.success) return null;
  const types = new Map(quiz.questions.map((q) => [q.id, q.type]));
  const drawn = new Set(planAttempt(quiz, seed).questions.map((q) => q.questionId));
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([questionId, answer]) => drawn.has(questionId) && answerFitsQuestion(types.get(questionId)!, answer)),
  );
}
