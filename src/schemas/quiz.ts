import { z } from 'astro/zod';
import { bilingualText, slug } from './common';

// Option ids reach the browser, so they must not give the answer away.
const neutralId = slug.refine((id) => !/(^|-)(correct|right|wrong|incorrect|true|false|answer)(-|$)/.test(id), {
  message: 'an option id reaches the browser, so it must not hint at the answer (avoid words like "correct" or "wrong"); name it after its content',
});

const option = z.strictObject({
  id: neutralId.describe('Option id, unique within its question; describes the option, never whether it is right'),
  text: bilingualText,
  correct: z.boolean().default(false).describe('Whether choosing this option is right'),
  explanation: bilingualText.describe('Why this option is right or wrong, shown after submitting'),
});

const choiceBase = z.strictObject({
  id: slug.describe('Question id, unique within its quiz'),
  prompt: bilingualText,
  options: z.array(option).min(2, 'give at least two options'),
});

const singleChoice = choiceBase.extend({ type: z.literal('single') }).refine(
  (q) => q.options.filter((o) => o.correct).length === 1,
  { message: 'a single-choice question needs exactly one option with "correct: true"', path: ['options'] },
);

const multipleChoice = choiceBase.extend({ type: z.literal('multiple') }).refine(
  (q) => q.options.some((o) => o.correct),
  { message: 'a multiple-choice question needs at least one option with "correct: true"', path: ['options'] },
);

const trueFalse = z.strictObject({
  id: slug,
  type: z.literal('true-false'),
  prompt: bilingualText,
  answer: z.boolean().describe('Whether the statement is true'),
  explanation: z.strictObject({ true: bilingualText, false: bilingualText }).describe(
    'Feedback for answering true and for answering false',
  ),
});

export const questionSchema = z.discriminatedUnion('type', [singleChoice, multipleChoice, trueFalse]);
export type Question = z.infer<typeof questionSchema>;

/** `content/quizzes/<quiz-id>.yaml`: one bilingual quiz, graded only on the server. */
export const quizSchema = z
  .strictObject({
    title: bilingualText,
    passPercent: z.number().int().min(1).max(100).default(70).describe('Score in percent needed to pass'),
    questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
  })
  .refine((quiz) => new Set(quiz.questions.map((q) => q.id)).size === quiz.questions.length, {
    message: 'question ids must be unique within a quiz',
    path: ['questions'],
  });
export type Quiz = z.infer<typeof quizSchema>;
