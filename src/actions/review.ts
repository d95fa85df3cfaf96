/**
 * Boosters: answering today's review cards, setting the daily cap, and practising the questions a
 * quiz attempt missed. Every learner reviews only their own cards (the user comes from the
 * session, never from the input), and every key stays on the server until the answer is stored.
 */
import { ActionError, defineAction } from 'astro:actions';
import { findQuiz } from '../lib/content/server/curriculum';
import { loadBoosterContent } from '../lib/boosters/server/content';
import { answerCard, dailyCapInput, practiceAnswerInput, practiceInput, reviewAnswerInput, ReviewRefused, setDailyCap as storeDailyCap } from '../lib/boosters/server/reviews';
import { gradePractice, practiceRound } from '../lib/boosters/server/practice';
import { requireUnlocked, requireUser } from './guards';

function refused(error: unknown): never {
  if (error instanceof ReviewRefused) throw new ActionError({ code: error.code, message: error.message });
  throw error;
}

async function quizOr404(quizId: string) {
  const quiz = await findQuiz(quizId);
  if (!quiz) throw new ActionError({ code: 'NOT_FOUND', message: `There is no quiz "${quizId}".` });
  return quiz.data;
}

/** Stores one answer to one due card and returns its verdict; the same answer again gets the stored verdict. */
export const answer = defineAction({
  input: reviewAnswerInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    return answerCard(context.locals.db, user.id, await loadBoosterContent(), input, new Date()).catch(refused);
  },
});

/** The learner's own cap on cards a day; a form on the review page posts it. */
export const setDailyCap = defineAction({
  accept: 'form',
  input: dailyCapInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    return { dailyCap: await storeDailyCap(context.locals.db, user.id, input.dailyCap) };
  },
});

/** The questions the learner's latest attempt at a quiz missed, without keys. */
export const practice = defineAction({
  input: practiceInput,
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'quiz', input.quizId, input.lang);
    const quiz = await quizOr404(input.quizId);
    return practiceRound(context.locals.db, user.id, quiz, input.quizId, input.lang).catch(refused);
  },
});

/** Grades one practice answer; nothing is stored and no score changes. */
export const practiceAnswer = defineAction({
  input: practiceAnswerInput,
  handler: async (input, context) => {
    const user = await requireUnlocked(context, 'quiz', input.quizId, input.lang);
    const quiz = await quizOr404(input.quizId);
    return gradePractice(context.locals.db, user.id, quiz, input).catch(refused);
  },
});
