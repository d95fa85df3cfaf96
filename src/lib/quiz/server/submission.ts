/**
 * Submitting a quiz attempt: the rules between a learner's answers and a stored, graded attempt.
 * The quiz.submit action calls it; pure rules live in the quiz modules it imports.
 */
import { z } from 'astro/zod';
import type { Quiz } from '../../../schemas/quiz';
import type { Language } from '../../../schemas/common';
import { attemptAvailability } from '../attempt-rules';
import { attemptSeed, planAttempt } from '../draw';
import { attemptStatus, attemptView, gradeAttempt, storedAttemptResult, type AttemptStatus } from '../attempt';
import type { QuizResult } from '../grading';
import { unreadableNumericAnswer } from '../numeric-answers';
import type { Database } from '../../platform/server/db';
import { attemptHistory, recordQuizAttempt, storedQuizAttempt, type StoredQuizAttempt } from './attempts';

const id = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens');
const DAY_MS = 24 * 60 * 60 * 1000;

/** One answer as the browser sends it: option or item ids, true/false, a typed number, or left → right ids. */
const answer = z.union([
  z.array(id).max(26),
  z.boolean(),
  z.string().max(40, 'a typed number has at most 40 characters'),
  z.record(id, id).refine((pairs) => Object.keys(pairs).length <= 26, 'a matching question has at most 26 pairs'),
]);

/** A learner's answers keyed by question id, as submit and the saved draft (quiz-drafts.ts) both take them. */
export const quizAnswersInput = z.record(id, answer).refine((answers) => Object.keys(answers).length <= 200, 'a quiz has at most 200 questions');

export const quizSubmitInput = z.strictObject({
  quizId: id,
  lang: z.enum(['zh', 'en']),
  answers: quizAnswersInput,
  /** The seed the page showed. Only compared with the one the server derives; never used to grade. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  startedAt: z.number().int().positive().optional(),
  idempotencyKey: z.uuid().optional(),
});
export type QuizSubmission = z.infer<typeof quizSubmitInput>;

/** The graded attempt and whether another may start; the island asks quiz.view for its questions. */
export type SubmittedAttempt = { attemptId: string; next: AttemptStatus } & QuizResult;

/** Why a submission was refused; `code` is an Astro Action error code the island translates. */
export class SubmissionRefused extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

type SentAnswer = QuizSubmission['answers'][string];

/** Whether an answer has the shape its question type takes, as the island sends it. */
export function answerFitsQuestion(type: Quiz['questions'][number]['type'], answer: SentAnswer): boolean {
  switch (type) {
    case 'single':
    case 'multiple':
    case 'ordering':
      return Array.isArray(answer);
    case 'true-false':
      return typeof answer === 'boolean';
    case 'numeric':
      return typeof answer === 'string';
    case 'matching':
      return typeof answer === 'object' && answer !== null && !Array.isArray(answer);
  }
}

/**
 * Refuses answers to questions the attempt with this seed did not draw, and answers of the wrong
 * shape: a broken or forged client, not a wrong answer. Submissions and saved drafts both pass here.
 */
export function refuseForeignAnswers(quiz: Quiz, seed: number, answers: QuizSubmission['answers']): void {
  const drawn = new Set(planAttempt(quiz, seed).questions.map((q) => q.questionId));
  const strays = Object.keys(answers).filter((questionId) => !drawn.has(questionId));
  if (strays.length > 0) {
    throw new SubmissionRefused('BAD_REQUEST', `This attempt has no question "${strays[0]}". Reload the page and answer the questions it shows.`);
  }
  const misshapen = quiz.questions.find((q) => q.id in answers && !answerFitsQuestion(q.type, answers[q.id]!));
  if (misshapen) {
    throw new SubmissionRefused('BAD_REQUEST', `The answer to question "${misshapen.id}" is not a ${misshapen.type} answer. Reload the page and answer it again.`);
  }
  // Option ids are the file's own (the browser sees them); one the question lacks, a repeat, or a
  // second pick on a single-choice question is a forged answer, never stored as a wrong one.
  const unknownChoice = quiz.questions.find((q) => {
    if ((q.type !== 'single' && q.type !== 'multiple') || !(q.id in answers)) return false;
    const picked = answers[q.id] as string[];
    const options = new Set(q.options.map((o) => o.id));
    return picked.some((id) => !options.has(id)) || new Set(picked).size !== picked.length || (q.type === 'single' && picked.length > 1);
  });
  if (unknownChoice) {
    throw new SubmissionRefused('BAD_REQUEST', `The answer to question "${unknownChoice.id}" names options it does not have. Reload the page and answer it again.`);
  }
}

export async function submitQuizAttempt(
  db: Database,
  userId: string,
  quiz: Quiz,
  input: QuizSubmission,
  now: Date,
): Promise<SubmittedAttempt> {
  const lang: Language = input.lang;
  // A graded reply is only ever built from a stored attempt of this quiz by this learner: a key
  // already spent on another quiz would otherwise grade this one and store nothing — every key
  // for free, with no attempt counted.
  const keyReused = () => new SubmissionRefused('CONFLICT', 'This submission key was already used for another quiz. Reload the page and submit again.');
  const asStored = (attempt: StoredQuizAttempt, history: typeof past): SubmittedAttempt => ({
    attemptId: attempt.id,
    ...storedAttemptResult(quiz, attempt, lang),
    next: attemptStatus(attemptView(input.quizId, quiz, lang, userId, history, now)),
  });
  // A retried submission that already landed gets its own result back, as stored, not a limit error.
  const { past, earlier } = await attemptHistory(db, userId, input.quizId, input.idempotencyKey);
  if (earlier) {
    if (earlier.quizId !== input.quizId) throw keyReused();
    return asStored(earlier, past);
  }

  const availability = attemptAvailability(quiz, past, now);
  if (availability.status === 'limit') {
    throw new SubmissionRefused('FORBIDDEN', `You have used all ${availability.maxAttempts} attempts at this quiz.`);
  }
  if (availability.status === 'cooldown') {
    throw new SubmissionRefused('TOO_MANY_REQUESTS', `Your last attempt did not pass. Try again after ${availability.until.toISOString()}.`);
  }
  const seed = attemptSeed(userId, input.quizId, availability.attemptNumber);
  const stale = () => new SubmissionRefused('CONFLICT', 'This attempt was already submitted, perhaps in another tab. Reload the page to start the next one.');
  if (input.seed !== undefined && input.seed !== seed) throw stale();

  refuseForeignAnswers(quiz, seed, input.answers);
  const unreadable = unreadableNumericAnswer(quiz, planAttempt(quiz, seed).questions.map((q) => q.questionId), input.answers, lang);
  if (unreadable) throw new SubmissionRefused('BAD_REQUEST', unreadable);

  // The client's clock only bounds the start time; it can never move it into the future or a day back.
  const startedAt = new Date(Math.min(now.getTime(), Math.max(now.getTime() - DAY_MS, input.startedAt ?? now.getTime())));
  const result = gradeAttempt(quiz, seed, input.answers, lang);
  const stored = await recordQuizAttempt(db, {
    userId,
    quizId: input.quizId,
    answers: input.answers,
    result,
    seed,
    attemptNumber: availability.attemptNumber,
    startedAt,
    finishedAt: now,
    idempotencyKey: input.idempotencyKey,
  });
  if (stored.stale) throw stale();
  if (stored.conflict) throw keyReused();
  if (stored.duplicate) {
    // A twin of this retry landed first: answer with what it stored, not with this grading.
    const winner = await storedQuizAttempt(db, userId, stored.id);
    if (!winner || winner.quizId !== input.quizId) throw keyReused();
    return asStored(winner, (await attemptHistory(db, userId, input.quizId, undefined)).past);
  }
  const next = attemptView(input.quizId, quiz, lang, userId, [...past, { percent: result.percent, passed: result.passed, finishedAt: now }], now);
  return { attemptId: stored.id, ...result, next: attemptStatus(next) };
}
