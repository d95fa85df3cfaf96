import { and, eq } from 'drizzle-orm';
import { learningEvents, quizAttempts } from '../../../db/schema';
import type { Answers, QuizResult } from '../quiz-grading';
import type { Database } from './db';

export interface NewQuizAttempt {
  userId: string;
  quizId: string;
  answers: Answers;
  result: QuizResult;
  startedAt: Date;
  finishedAt: Date;
  idempotencyKey?: string | undefined;
}

/**
 * Stores a graded attempt and its learning event in one transaction. With an idempotency key, a
 * retry of a submission that already landed returns the stored attempt instead of a second one.
 */
export async function recordQuizAttempt(db: Database, attempt: NewQuizAttempt): Promise<{ id: string; duplicate: boolean }> {
  return db.transaction(async (tx) => {
    if (attempt.idempotencyKey) {
      const existing = await tx
        .select({ id: quizAttempts.id })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.userId, attempt.userId), eq(quizAttempts.idempotencyKey, attempt.idempotencyKey)))
        .get();
      if (existing) return { id: existing.id, duplicate: true };
    }
    const id = crypto.randomUUID();
    const { result } = attempt;
    await tx.insert(quizAttempts).values({
      id,
      userId: attempt.userId,
      quizId: attempt.quizId,
      answers: attempt.answers,
      result: result.questions.map((q) => ({ questionId: q.questionId, correct: q.correct, chosen: q.options.filter((o) => o.chosen).map((o) => o.id) })),
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percent,
      passed: result.passed,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      idempotencyKey: attempt.idempotencyKey ?? null,
    });
    await tx.insert(learningEvents).values({
      userId: attempt.userId,
      type: 'quiz.submitted',
      subject: attempt.quizId,
      data: { attemptId: id, percent: result.percent, passed: result.passed },
      at: attempt.finishedAt,
    });
    return { id, duplicate: false };
  });
}

export async function quizAttemptsFor(db: Database, userId: string, quizId: string) {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
    .orderBy(quizAttempts.finishedAt);
}
