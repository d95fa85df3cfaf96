import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { quizAttempts, reviewCards, reviewLogs } from '../../db/schema';
import { boosterContentFromFiles } from '../../src/lib/boosters/server/content-files';
import { answerCard, cardsDueToday, ReviewRefused, setDailyCap, todaysReview, type ReviewAnswer } from '../../src/lib/boosters/server/reviews';
import { gradePractice, practiceRound } from '../../src/lib/boosters/server/practice';
import type { ReviewPrompt } from '../../src/lib/boosters/prompts';
import { completeModule } from '../../src/lib/learning-records/server/progress';
import { submitQuizAttempt } from '../../src/lib/quiz/server/submission';
import { attemptSeed, planAttempt } from '../../src/lib/quiz/draw';
import { toPublicQuiz } from '../../src/lib/quiz/public';
import type { Quiz } from '../../src/schemas/quiz';

const content = boosterContentFromFiles(resolve('content'));
const ZONE = 'Asia/Shanghai';
const QUIZ = 'contract-review';
const quiz = content.quizzes.get(QUIZ)!;
const start = new Date('2026-11-23T02:00:00Z');
const DAY = 24 * 3_600_000;

/** The right answer to a prompt, worked out from the content files the way only the server can. */
function rightAnswer(prompt: ReviewPrompt): ReviewAnswer['answer'] {
  const q = prompt.question;
  if (prompt.kind === 'term') {
    const termId = prompt.cardId.slice('term:'.length);
    const definition = content.glossary.find((g) => g.id === termId)!.definition.zh;
    return [(q as { options: { id: string; text: string }[] }).options.find((o) => o.text === definition)!.id];
  }
  const questionId = prompt.cardId.split('/')[1]!;
  const authored = quiz.questions.find((x) => x.id === questionId)!;
  if (authored.type === 'true-false') return authored.answer;
  if (authored.type === 'single' || authored.type === 'multiple') return authored.options.filter((o) => o.correct).map((o) => o.id);
  throw new Error(`no right answer written for ${authored.type}`);
}
function wrongAnswer(prompt: ReviewPrompt): ReviewAnswer['answer'] {
  const right = rightAnswer(prompt);
  if (typeof right === 'boolean') return !right;
  const options = (prompt.question as { options: { id: string }[] }).options;
  return [options.find((o) => !(right as string[]).includes(o.id))!.id];
}

/** Every explanation in a quiz file, in both languages. */
function explanations(q: Quiz): string[] {
  return q.questions.flatMap((x) => {
    if (x.type === 'single' || x.type === 'multiple') return x.options.flatMap((o) => [o.explanation.zh, o.explanation.en]);
    if (x.type === 'true-false') return [x.explanation.true.zh, x.explanation.false.zh, x.explanation.true.en, x.explanation.false.en];
    return [x.explanation.zh, x.explanation.en];
  });
}

let t: TestDatabase;
let userId: string;

async function learnerWhoTookTheQuiz(answersRight: boolean) {
  await completeModule(t.db, userId, 'sales-workflow/contract-review', start);
  const seed = attemptSeed(userId, QUIZ, 0);
  const shown = toPublicQuiz(QUIZ, quiz, 'zh', planAttempt(quiz, seed));
  const answers = Object.fromEntries(
    shown.questions.map((q) => {
      const authored = quiz.questions.find((x) => x.id === q.id)!;
      if (!answersRight) return [q.id, authored.type === 'true-false' ? !authored.answer : []];
      if (authored.type === 'true-false') return [q.id, authored.answer];
      if (authored.type === 'single' || authored.type === 'multiple') return [q.id, authored.options.filter((o) => o.correct).map((o) => o.id)];
      return [q.id, []];
    }),
  );
  return submitQuizAttempt(t.db, userId, quiz, { quizId: QUIZ, lang: 'zh', answers, seed }, start);
}

beforeEach(async () => {
  t = await createTestDatabase();
  userId = (await insertUser(t.db, { role: 'learner' })).id;
});
afterEach(() => t.close());

describe("today's review", () => {
  it('has a card for each question met and each key term of a completed module, at most ten a day by default, without any key', async () => {
    await learnerWhoTookTheQuiz(true);
    const review = await todaysReview(t.db, userId, content, 'zh', start, ZONE);
    const cards = await t.db.select().from(reviewCards).where(eq(reviewCards.userId, userId));
    expect(cards.map((c) => c.cardId).sort()).toEqual(
      [...quiz.questions.map((q) => `question:${QUIZ}/${q.id}`), 'term:contract-review', 'term:authorised-signatory', 'term:contract-filing'].sort(),
    );
    expect(review.dueNow).toBe(cards.length);
    expect(review.dailyCap).toBe(10);
    expect(review.prompts).toHaveLength(Math.min(10, cards.length));
    const sent = JSON.stringify(review);
    for (const secret of explanations(quiz)) expect(sent).not.toContain(secret);
    expect(sent).not.toMatch(/"correct"|"answer"/);
  });

  it('has no cards for a learner who completed nothing', async () => {
    expect((await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts).toEqual([]);
    expect(await cardsDueToday(t.db, userId, content, start, ZONE)).toBe(0);
  });

  it('brings a wrong answer back sooner than a right one, and never changes the quiz score', async () => {
    const attempt = await learnerWhoTookTheQuiz(true);
    const [first, second] = (await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts;
    const right = await answerCard(t.db, userId, content, { cardId: first!.cardId, dueAt: first!.dueAt, lang: 'zh', answer: rightAnswer(first!) }, start);
    const wrong = await answerCard(t.db, userId, content, { cardId: second!.cardId, dueAt: second!.dueAt, lang: 'zh', answer: wrongAnswer(second!) }, start);
    expect(right.correct).toBe(true);
    expect(wrong.correct).toBe(false);
    expect(wrong.nextDue).toBeLessThan(right.nextDue);
    const rows = await t.db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId));
    expect(rows.map((r) => [r.id, r.percent])).toEqual([[attempt.attemptId, attempt.percent]]);
  });

  it('takes a card answered twice for the same due review once: the repeat gets the stored verdict and schedules nothing', async () => {
    await learnerWhoTookTheQuiz(true);
    const [card] = (await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts;
    const input = { cardId: card!.cardId, dueAt: card!.dueAt, lang: 'zh' as const, answer: wrongAnswer(card!) };
    const first = await answerCard(t.db, userId, content, input, start);
    const again = await answerCard(t.db, userId, content, { ...input, answer: rightAnswer(card!) }, new Date(start.getTime() + 60_000));
    expect(again).toMatchObject({ repeated: true, correct: false, nextDue: first.nextDue });
    const both = await Promise.all([answerCard(t.db, userId, content, input, start), answerCard(t.db, userId, content, input, start)]);
    expect(both.every((v) => v.repeated && v.nextDue === first.nextDue)).toBe(true);
    const [logs] = await t.db.select({ n: count() }).from(reviewLogs).where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.cardId, card!.cardId)));
    expect(logs!.n).toBe(1);
  });

  it('lands only one of two different answers sent at once to the same due review', async () => {
    await learnerWhoTookTheQuiz(true);
    const [card] = (await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts;
    const base = { cardId: card!.cardId, dueAt: card!.dueAt, lang: 'zh' as const };
    const replies = await Promise.allSettled([
      answerCard(t.db, userId, content, { ...base, answer: rightAnswer(card!) }, start),
      answerCard(t.db, userId, content, { ...base, answer: wrongAnswer(card!) }, start),
    ]);
    const verdicts = replies.flatMap((r) => (r.status === 'fulfilled' ? [r.value.correct] : []));
    expect(new Set(verdicts).size).toBe(1);
    const [logs] = await t.db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, userId));
    expect(logs!.n).toBe(1);
  });

  it('refuses an answer to a review no longer due with 409, an unknown card with 404, a malformed id or forged option with 400', async () => {
    await learnerWhoTookTheQuiz(true);
    const [card] = (await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts;
    const refusal = (input: ReviewAnswer) => answerCard(t.db, userId, content, input, start).then(() => null, (e: unknown) => e);
    expect(await refusal({ cardId: card!.cardId, dueAt: card!.dueAt + 1, lang: 'en', answer: rightAnswer(card!) })).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal({ cardId: 'term:no-such-term', dueAt: card!.dueAt, lang: 'en', answer: ['definition-1'] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal({ cardId: `question:${QUIZ}/no-such-question`, dueAt: card!.dueAt, lang: 'en', answer: true })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal({ cardId: '../../etc', dueAt: card!.dueAt, lang: 'en', answer: true })).toMatchObject({ code: 'BAD_REQUEST' });
    const forged = card!.kind === 'term' ? ['definition-9'] : ['no-such-option'];
    const error = await refusal({ cardId: card!.cardId, dueAt: card!.dueAt, lang: 'en', answer: card!.question.type === 'true-false' ? ['x'] : forged });
    expect(error).toBeInstanceOf(ReviewRefused);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await t.db.select().from(reviewLogs)).length).toBe(0);
  });

  it("counts today's answers against the learner's own daily cap and shows the due count on My learning", async () => {
    await learnerWhoTookTheQuiz(true);
    await setDailyCap(t.db, userId, 3);
    const review = await todaysReview(t.db, userId, content, 'zh', start, ZONE);
    expect(review.prompts).toHaveLength(3);
    expect(await cardsDueToday(t.db, userId, content, start, ZONE)).toBe(3);
    for (const p of review.prompts.slice(0, 2)) await answerCard(t.db, userId, content, { cardId: p.cardId, dueAt: p.dueAt, lang: 'zh', answer: rightAnswer(p) }, start);
    expect((await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts).toHaveLength(1);
    expect(await cardsDueToday(t.db, userId, content, start, ZONE)).toBe(1);
    // The next company day the cap starts again.
    expect((await todaysReview(t.db, userId, content, 'zh', new Date(start.getTime() + DAY), ZONE)).prompts).toHaveLength(3);
  });

  it('refuses on the server an answer past today\'s cap (409, in the learner\'s language), and takes it again the next company day', async () => {
    await learnerWhoTookTheQuiz(true);
    await setDailyCap(t.db, userId, 1);
    // The prompts as they stood before the cap: a client that kept an old page (or scripts) still has them.
    await setDailyCap(t.db, userId, 10);
    const prompts = (await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts;
    await setDailyCap(t.db, userId, 1);
    const [first, second] = prompts;
    await answerCard(t.db, userId, content, { cardId: first!.cardId, dueAt: first!.dueAt, lang: 'zh', answer: rightAnswer(first!) }, start, ZONE);
    const over = await answerCard(t.db, userId, content, { cardId: second!.cardId, dueAt: second!.dueAt, lang: 'en', answer: rightAnswer(second!) }, start, ZONE).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(ReviewRefused);
    expect((over as ReviewRefused).code).toBe('CONFLICT');
    expect((over as ReviewRefused).message).toContain('limit for today (1 a day)');
    const overZh = await answerCard(t.db, userId, content, { cardId: second!.cardId, dueAt: second!.dueAt, lang: 'zh', answer: rightAnswer(second!) }, start, ZONE).catch((e: unknown) => e);
    expect((overZh as ReviewRefused).message).toContain('每天 1 张');
    expect(await t.db.select().from(reviewLogs)).toHaveLength(1);
    // Two tabs answering two different cards at once under a cap of 2 with one left: one lands.
    await setDailyCap(t.db, userId, 2);
    const [third, fourth] = prompts.slice(2);
    const both = await Promise.allSettled([third!, fourth!].map((p) => answerCard(t.db, userId, content, { cardId: p.cardId, dueAt: p.dueAt, lang: 'zh', answer: rightAnswer(p) }, start, ZONE)));
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await t.db.select().from(reviewLogs)).toHaveLength(2);
    await setDailyCap(t.db, userId, 1);
    // The repeat of the stored answer is not a new review: it still gets its verdict.
    expect((await answerCard(t.db, userId, content, { cardId: first!.cardId, dueAt: first!.dueAt, lang: 'zh', answer: rightAnswer(first!) }, start, ZONE)).repeated).toBe(true);
    // The next company day the cap starts again.
    const tomorrow = new Date(start.getTime() + DAY);
    expect((await answerCard(t.db, userId, content, { cardId: second!.cardId, dueAt: second!.dueAt, lang: 'zh', answer: rightAnswer(second!) }, tomorrow, ZONE)).repeated).toBe(false);
  });

  it('gives retention as the share of review answers right over the last 30 days', async () => {
    await learnerWhoTookTheQuiz(true);
    const prompts = (await todaysReview(t.db, userId, content, 'zh', start, ZONE)).prompts.slice(0, 4);
    for (const [i, p] of prompts.entries()) {
      await answerCard(t.db, userId, content, { cardId: p.cardId, dueAt: p.dueAt, lang: 'zh', answer: i === 0 ? wrongAnswer(p) : rightAnswer(p) }, start);
    }
    expect((await todaysReview(t.db, userId, content, 'zh', start, ZONE)).retention).toEqual({ right: 3, total: 4, share: 0.75 });
    expect((await todaysReview(t.db, userId, content, 'zh', new Date(start.getTime() + 31 * DAY), ZONE)).retention).toEqual({ right: 0, total: 0, share: null });
  });
});

describe('practise what I missed', () => {
  it('asks only the questions the latest attempt got wrong, grades them on the server and stores nothing', async () => {
    await learnerWhoTookTheQuiz(false);
    const round = await practiceRound(t.db, userId, quiz, QUIZ, 'en');
    const stored = await t.db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId));
    const missed = (stored[0]!.result as { questionId: string; correct: boolean }[]).filter((v) => !v.correct).map((v) => v.questionId);
    expect(round.questions.map((q) => q.id)).toEqual(missed);
    expect(JSON.stringify(round)).not.toMatch(/"correct"|explanation/);
    const q = round.questions.find((x) => x.type === 'true-false')!;
    const authored = quiz.questions.find((x) => x.id === q.id)!;
    if (authored.type !== 'true-false') throw new Error('expected a true/false question');
    const graded = await gradePractice(t.db, userId, quiz, { quizId: QUIZ, questionId: q.id, lang: 'en', answer: authored.answer });
    expect(graded.correct).toBe(true);
    expect(await t.db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId))).toEqual(stored);
    expect(await t.db.select().from(reviewLogs)).toEqual([]);
  });

  it('refuses a question the latest attempt did not miss (400) and a quiz never attempted (404)', async () => {
    await expect(practiceRound(t.db, userId, quiz, QUIZ, 'en')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await learnerWhoTookTheQuiz(true);
    expect((await practiceRound(t.db, userId, quiz, QUIZ, 'en')).questions).toEqual([]);
    await expect(gradePractice(t.db, userId, quiz, { quizId: QUIZ, questionId: quiz.questions[0]!.id, lang: 'en', answer: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the demo organisation', () => {
  it('has a learner with booster cards due today and a retention figure from her past reviews', async () => {
    const { seedDemoOrganisation } = await import('../../scripts/db/seed-demo');
    const { users } = await import('../../db/schema');
    const now = new Date('2026-11-23T02:00:00Z');
    await t.db.delete(users);
    await seedDemoOrganisation(t.db, { now });
    const sun = (await t.db.select().from(users).where(eq(users.email, 'sun.li@demo.academy')).get())!;
    const review = await todaysReview(t.db, sun.id, content, 'zh', now, ZONE);
    expect(review.prompts.length).toBeGreaterThan(0);
    expect(review.retention.total).toBeGreaterThan(0);
    expect(review.retention.share).toBeGreaterThan(0.5);
    expect(review.retention.share).toBeLessThan(1);
  }, 60_000);
});

describe('the daily cap as typed', () => {
  it('reads full-width digits and spaces, and refuses anything but a whole number from 1 to 100', async () => {
    const { dailyCapInput } = await import('../../src/lib/boosters/server/reviews');
    expect(dailyCapInput.parse({ dailyCap: '１５' })).toEqual({ dailyCap: 15 });
    expect(dailyCapInput.parse({ dailyCap: ' 7 ' })).toEqual({ dailyCap: 7 });
    for (const bad of ['0', '101', '2.5', 'ten', '', '0x10', '1e1', '0b11', '+5', '-3']) expect(dailyCapInput.safeParse({ dailyCap: bad }).success, bad).toBe(false);
  });
});
