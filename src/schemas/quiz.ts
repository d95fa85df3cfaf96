import { z } from 'astro/zod';
import { bilingualText, slug } from './common';
import { uniqueIds } from './unique-ids';

// Option ids reach the browser, so they must not give the answer away.
const neutralId = slug.refine((id) => !/(^|-)(correct|right|wrong|incorrect|true|false|answer)(-|$)/.test(id), {
  message: 'an option id reaches the browser, so it must not hint at the answer (avoid words like "correct" or "wrong"); name it after its content',
});

/**
 * What a question asks the learner to do, so content:check can report how much of a quiz is
 * practice rather than memory: `scenario` puts the learner in a concrete situation (a customer,
 * a colleague, a case) and asks what to do or what went wrong; `application` asks them to apply a
 * rule to given facts (grade these leads, work out this rate, order these steps); `recall` asks
 * for a fact, term or list as stated in the lesson. Optional: an unmarked question counts as
 * unclassified, never as scenario.
 */
export const questionKinds = ['scenario', 'application', 'recall'] as const;
export type QuestionKind = (typeof questionKinds)[number];
const kind = z
  .enum(questionKinds)
  .optional()
  .describe('scenario | application | recall — what the question asks of the learner; reported by content:check, never shown');

const option = z.strictObject({
  id: neutralId.describe('Option id, unique within its question; describes the option, never whether it is right'),
  text: bilingualText,
  correct: z.boolean().default(false).describe('Whether choosing this option is right'),
  explanation: bilingualText.describe('Why this option is right or wrong, shown after submitting'),
});

const choiceBase = z.strictObject({
  id: slug.describe('Question id, unique within its quiz'),
  kind,
  prompt: bilingualText,
  options: z.array(option).min(2, 'give at least two options'),
});

// Two options with one id would both grade as chosen, and the island's keyed list would break.
const uniqueOptions = (q: { options: readonly { id: string }[] }, context: z.core.$RefinementCtx) =>
  uniqueIds(q.options, 'id', context, { path: ['options'], what: 'option' });

const singleChoice = choiceBase
  .extend({ type: z.literal('single') })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: 'a single-choice question needs exactly one option with "correct: true"',
    path: ['options'],
  })
  .superRefine(uniqueOptions);

const multipleChoice = choiceBase
  .extend({ type: z.literal('multiple') })
  .refine((q) => q.options.some((o) => o.correct), {
    message: 'a multiple-choice question needs at least one option with "correct: true"',
    path: ['options'],
  })
  .superRefine(uniqueOptions);

const trueFalse = z.strictObject({
  id: slug,
  kind,
  type: z.literal('true-false'),
  prompt: bilingualText,
  answer: z.boolean().describe('Whether the statement is true'),
  explanation: z.strictObject({ true: bilingualText, false: bilingualText }).describe(
    'Feedback for answering true and for answering false',
  ),
});

// Ordering items and matching pairs never reach the browser under their own ids: the public view
// numbers them in the attempt's shuffled order, so these ids only need to be stable for reviews.
const orderingItem = z.strictObject({
  id: slug.describe('Item id, unique within its question; stored with answers so past attempts can be reviewed'),
  text: bilingualText.describe('The step or stage as the learner sees it'),
  explanation: bilingualText.optional().describe('Optional note on why this item sits where it does, shown after submitting'),
});

const ordering = z
  .strictObject({
    id: slug.describe('Question id, unique within its quiz'),
    kind,
    type: z.literal('ordering'),
    prompt: bilingualText,
    items: z
      .array(orderingItem)
      .min(3, 'give at least three items: with two, ordering is a coin toss')
      .max(10, 'give at most ten items; split a longer flow into two questions')
      .describe('The items in the RIGHT order; every attempt shows them shuffled'),
    explanation: bilingualText.describe('Why this is the right order, shown after submitting'),
  })
  .superRefine((q, context) => uniqueIds(q.items, 'id', context, { path: ['items'], what: 'item' }));

const matchingPair = z.strictObject({
  id: slug.describe('Pair id, unique within its question; stored with answers so past attempts can be reviewed'),
  left: bilingualText.describe('What the learner matches from (e.g. a stage)'),
  right: bilingualText.describe('What belongs to it (e.g. the stage’s output)'),
  explanation: bilingualText.optional().describe('Optional note on why these two belong together, shown after submitting'),
});

const matching = z
  .strictObject({
    id: slug.describe('Question id, unique within its quiz'),
    kind,
    type: z.literal('matching'),
    prompt: bilingualText,
    pairs: z
      .array(matchingPair)
      .min(3, 'give at least three pairs: with two, matching is a coin toss')
      .max(10, 'give at most ten pairs; split a longer list into two questions')
      .describe('Each left item with the right item that belongs to it; both sides are shuffled per attempt'),
    explanation: bilingualText.describe('What ties the pairs together, shown after submitting'),
  })
  .superRefine((q, context) => uniqueIds(q.pairs, 'id', context, { path: ['pairs'], what: 'pair' }))
  .refine((q) => new Set(q.pairs.map((p) => p.right.zh)).size === q.pairs.length && new Set(q.pairs.map((p) => p.right.en)).size === q.pairs.length, {
    message: 'two pairs have the same right-hand text, so a learner could not tell them apart; make every "right" text different',
    path: ['pairs'],
  });

const numeric = z.strictObject({
  id: slug.describe('Question id, unique within its quiz'),
  kind,
  type: z.literal('numeric'),
  prompt: bilingualText,
  answer: z.number().describe('The right value'),
  tolerance: z
    .number()
    .min(0, 'tolerance is a distance from the answer, so it cannot be negative')
    .default(0)
    .describe('How far a learner’s value may be from the answer and still count, in the same unit (0 = exact)'),
  unit: bilingualText.optional().describe('Unit shown next to the input, e.g. { zh: 万元, en: "10k yuan" } or { zh: "%", en: "%" }'),
  explanation: bilingualText.describe('The worked solution, shown after submitting'),
});

export const questionSchema = z.discriminatedUnion('type', [singleChoice, multipleChoice, trueFalse, ordering, matching, numeric]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];

export const scoringPolicies = ['best', 'last'] as const;
export type ScoringPolicy = (typeof scoringPolicies)[number];

/** `content/quizzes/<quiz-id>.yaml`: one bilingual quiz, graded only on the server. */
export const quizSchema = z
  .strictObject({
    title: bilingualText,
    passPercent: z.number().int().min(1).max(100).default(70).describe('Score in percent needed to pass'),
    draw: z
      .number()
      .int()
      .min(1, 'draw at least one question')
      .optional()
      .describe('Ask only this many questions per attempt, drawn at random from the pool; leave out to ask every question'),
    shuffle: z
      .boolean()
      .default(false)
      .describe('Shuffle the question order and the options of choice questions per attempt (ordering and matching items are always shuffled)'),
    maxAttempts: z
      .number()
      .int()
      .min(1, 'allow at least one attempt')
      .optional()
      .describe('How many attempts each learner gets; leave out for unlimited'),
    cooldownMinutes: z
      .number()
      .int()
      .min(0)
      .max(10080, 'a cooldown longer than a week locks learners out; use at most 10080 minutes')
      .default(0)
      .describe('Minutes a learner waits after an attempt below the pass mark before trying again (0 = no wait)'),
    scoring: z
      .enum(scoringPolicies)
      .default('best')
      .describe('Which attempt counts towards progress: "best" (highest percent) or "last" (most recent)'),
    questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
  })
  .superRefine((quiz, context) => uniqueIds(quiz.questions, 'id', context, { path: ['questions'], what: 'question' }))
  .refine((quiz) => quiz.draw === undefined || quiz.draw <= quiz.questions.length, {
    message: '"draw" asks for more questions than the quiz has; lower it or add questions',
    path: ['draw'],
  });
export type Quiz = z.infer<typeof quizSchema>;
