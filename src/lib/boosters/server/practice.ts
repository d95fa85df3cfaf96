/**
 * "Practise what I missed": after a quiz attempt, the questions that attempt got wrong, asked again
 * and graded on the server, with nothing stored — no attempt row, no score, no review log.
 * Only questions the learner has already had graded wrong in a stored attempt are asked, so a
 * practice reply never reveals a key the learner has not been shown after submitting.
 */
import { and, desc, eq } from 'drizzle-orm';
import { quizAttempts } from '../../../../db/schema';
import { t } from '../../../i18n/ui';
import type { Language } from '../../../schemas/common';
import type { Quiz } from '../../../schemas/quiz';
import { hash32 } from '../../quiz/draw';
import type { QuestionResult } from '../../quiz/grading';
import type { PublicQuestion } from '../../quiz/public';
import { unreadableNumericAnswer } from '../../quiz/numeric-answers';
import type { Database } from '../../platform/server/db';
import { refuseForeignAnswers, SubmissionRefused } from '../../quiz/server/submission';
import { gradeQuestionCard, oneQuestionQuiz, questionPrompt } from '../prompts';
import { ReviewRefused, type ReviewAnswer } from './reviews';

/** The questions the learner's latest attempt at this quiz got wrong, in the order it asked them, and that attempt's id. */
export async function missedInLatestAttempt(db: Database, userId: string, quiz: Quiz, quizId: string): Promise<{ attemptId: string; questionIds: string[] } | null> {
  const latest = await db
    .select({ id: quizAttempts.id, result: quizAttempts.result })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
    .orderBy(desc(quizAttempts.finishedAt))
    .limit(1)
    .get();
  if (!latest) return null;
  const verdicts = Array.isArray(latest.result) ? (latest.result as { questionId?: unknown; correct?: unknown }[]) : [];
  const exists = new Set(quiz.questions.map((q) => q.id));
  const questionIds = verdicts.filter((v) => typeof v.questionId === 'string' && v.correct !== true && exists.has(v.questionId)).map((v) => v.questionId as string);
  return { attemptId: latest.id, questionIds };
}

const practiceSeed = (userId: string, attemptId: string, questionId: string) => hash32(`${userId}\u0000practice\u0000${attemptId}\u0000${questionId}`);

export interface PracticeRound {
  quizId: string;
  title: string;
  questions: PublicQuestion[];
}

export async function practiceRound(db: Database, userId: string, quiz: Quiz, quizId: string, lang: Language): Promise<PracticeRound> {
  const missed = await missedInLatestAttempt(db, userId, quiz, quizId);
  if (!missed) throw new ReviewRefused('NOT_FOUND', t(lang, 'practice.noAttempt'));
  const questions = missed.questionIds.map((questionId) => {
    const question = questionPrompt(quizId, oneQuestionQuiz(quiz, questionId)!, practiceSeed(userId, missed.attemptId, questionId), lang);
    return question;
  });
  return { quizId, title: quiz.title[lang], questions };
}

/** Grades one practice answer. Nothing is written. */
export async function gradePractice(db: Database, userId: string, quiz: Quiz, input: { quizId: string; questionId: string; lang: Language; answer: ReviewAnswer['answer'] }): Promise<{ questionId: string; correct: boolean; result: QuestionResult }> {
  const { lang } = input;
  const missed = await missedInLatestAttempt(db, userId, quiz, input.quizId);
  if (!missed) throw new ReviewRefused('NOT_FOUND', t(lang, 'practice.noAttempt'));
  if (!missed.questionIds.includes(input.questionId)) throw new ReviewRefused('BAD_REQUEST', t(lang, 'practice.notMissed', { question: input.questionId }));
  const single = oneQuestionQuiz(quiz, input.questionId)!;
  const seed = practiceSeed(userId, missed.attemptId, input.questionId);
  try {
    refuseForeignAnswers(single, seed, { [input.questionId]: input.answer });
  } catch (error) {
    if (error instanceof SubmissionRefused) throw new ReviewRefused('BAD_REQUEST', `${t(lang, 'review.badAnswer')} ${t(lang, 'review.reload')}`);
    throw error;
  }
  const unreadable = unreadableNumericAnswer(single, [input.questionId], { [input.questionId]: input.answer }, lang);
  if (unreadable) throw new ReviewRefused('BAD_REQUEST', unreadable);
  const result = gradeQuestionCard(single, seed, input.questionId, input.answer, lang);
  return { questionId: input.questionId, correct: result.correct, result };
}
