import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../src/schemas/quiz';
import { text } from './quiz-fixtures';

const messages = (input: unknown) => {
  const parsed = quizSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const quizWith = (question: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  title: text('T'),
  ...extra,
  questions: [{ id: 'q', prompt: text('P'), explanation: text('E'), ...question }],
});
const items = (...ids: string[]) => ids.map((id) => ({ id, text: text(id) }));
const pairs = (...ids: string[]) => ids.map((id) => ({ id, left: text(`l ${id}`), right: text(`r ${id}`) }));

describe('quiz schema for the new types and options', () => {
  it('accepts an ordering, a matching and a numeric question with defaults filled in', () => {
    const quiz = quizSchema.parse({
      title: text('T'),
      questions: [
        { id: 'o', type: 'ordering', prompt: text('P'), items: items('a', 'b', 'c'), explanation: text('E') },
        { id: 'm', type: 'matching', prompt: text('P'), pairs: pairs('a', 'b', 'c'), explanation: text('E') },
        { id: 'n', type: 'numeric', prompt: text('P'), answer: 24, explanation: text('E') },
      ],
    });
    expect(quiz).toMatchObject({ shuffle: false, cooldownMinutes: 0, scoring: 'best' });
    expect(quiz.questions[2]).toMatchObject({ tolerance: 0 });
    expect(quiz.draw).toBeUndefined();
    expect(quiz.maxAttempts).toBeUndefined();
  });

  it('refuses ordering and matching questions too small to be more than a coin toss', () => {
    expect(messages(quizWith({ type: 'ordering', items: items('a', 'b') }))).toEqual([expect.stringMatching(/^questions\.0\.items: give at least three items/)]);
    expect(messages(quizWith({ type: 'matching', pairs: pairs('a', 'b') }))).toEqual([expect.stringMatching(/^questions\.0\.pairs: give at least three pairs/)]);
  });

  it('refuses duplicate item or pair ids and two identical right-hand texts', () => {
    expect(messages(quizWith({ type: 'ordering', items: items('a', 'a', 'b') }))).toEqual([
      'questions.0.items: the 1st and 2nd items share the id "a"; give every item its own id (answers refer to it): rename all but one after their content',
    ]);
    expect(messages(quizWith({ type: 'matching', pairs: pairs('a', 'a', 'b') }))).toContain(
      'questions.0.pairs: the 1st and 2nd pairs share the id "a"; give every pair its own id (answers refer to it): rename all but one after their content',
    );
    const twins = [...pairs('a', 'b'), { id: 'c', left: text('l c'), right: text('r a') }];
    expect(messages(quizWith({ type: 'matching', pairs: twins }))[0]).toMatch(/same right-hand text/);
  });

  it('refuses a negative tolerance and a numeric question without an answer', () => {
    expect(messages(quizWith({ type: 'numeric', answer: 1, tolerance: -1 }))[0]).toMatch(/cannot be negative/);
    expect(messages(quizWith({ type: 'numeric' }))[0]).toMatch(/^questions\.0\.answer/);
  });

  it('refuses drawing more questions than the pool has, and odd attempt settings', () => {
    const numeric = { type: 'numeric', answer: 1 };
    expect(messages(quizWith(numeric, { draw: 2 }))).toEqual(['draw: "draw" asks for more questions than the quiz has; lower it or add questions']);
    expect(messages(quizWith(numeric, { maxAttempts: 0 }))[0]).toMatch(/^maxAttempts: allow at least one attempt/);
    expect(messages(quizWith(numeric, { cooldownMinutes: 20000 }))[0]).toMatch(/at most 10080 minutes/);
    expect(messages(quizWith(numeric, { scoring: 'average' }))[0]).toMatch(/^scoring/);
  });
});
