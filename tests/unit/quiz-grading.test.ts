import { describe, expect, it } from 'vitest';
import { gradeQuiz, type ChoiceResult } from '../../src/lib/quiz/grading';
import { quizSchema, type Quiz } from '../../src/schemas/quiz';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const option = (id: string, correct = false) => ({ id, text: text(id), correct, explanation: text(`why ${id}`) });

const quiz: Quiz = quizSchema.parse({
  title: text('Sample'),
  passPercent: 60,
  questions: [
    { id: 'one', type: 'single', prompt: text('Pick b'), options: [option('a'), option('b', true), option('c')] },
    { id: 'many', type: 'multiple', prompt: text('Pick a and c'), options: [option('a', true), option('b'), option('c', true)] },
    {
      id: 'fact',
      type: 'true-false',
      prompt: text('Sign before review?'),
      answer: false,
      explanation: { true: text('no'), false: text('yes') },
    },
  ],
});

describe('gradeQuiz', () => {
  it('gives full marks and a pass for all right answers', () => {
    const result = gradeQuiz(quiz, { one: ['b'], many: ['c', 'a'], fact: false }, 'en');
    expect(result).toMatchObject({ score: 3, maxScore: 3, percent: 100, passed: true, passPercent: 60 });
  });

  it('gives no credit for a multiple-choice answer missing one right option', () => {
    const result = gradeQuiz(quiz, { one: ['b'], many: ['a'], fact: false }, 'en');
    expect(result.questions[1]).toMatchObject({ correct: false, points: 0 });
    expect(result.score).toBe(2);
  });

  it('gives no credit for ticking every box of a multiple-choice question', () => {
    const result = gradeQuiz(quiz, { many: ['a', 'b', 'c'] }, 'en');
    expect(result.questions[1]!.correct).toBe(false);
  });

  it('never credits a single-choice answer that names two options', () => {
    const result = gradeQuiz(quiz, { one: ['b', 'a'] }, 'en');
    expect(result.questions[0]!.correct).toBe(false);
  });

  it('treats an option id from outside the question as wrong', () => {
    const result = gradeQuiz(quiz, { many: ['a', 'c', 'injected'] }, 'en');
    expect(result.questions[1]!.correct).toBe(false);
  });

  it('scores unanswered questions as wrong and marks them unanswered', () => {
    const result = gradeQuiz(quiz, {}, 'en');
    expect(result.score).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.questions.every((q) => !q.answered)).toBe(true);
  });

  it('fails just below the pass mark and passes exactly at it', () => {
    const strict = quizSchema.parse({ ...quiz, passPercent: 67 });
    expect(gradeQuiz(strict, { one: ['b'], many: ['a', 'c'] }, 'en')).toMatchObject({ percent: 66.7, passed: false });
    const atMark = quizSchema.parse({ ...quiz, passPercent: 100 });
    expect(gradeQuiz(atMark, { one: ['b'], many: ['a', 'c'], fact: false }, 'en').passed).toBe(true);
  });

  it('explains every option after grading, in the requested language', () => {
    const zh = gradeQuiz(quiz, { one: ['a'] }, 'zh');
    const one = zh.questions[0] as ChoiceResult;
    expect(one.options.map((o) => o.explanation)).toEqual(['why a（中）', 'why b（中）', 'why c（中）']);
    expect(one.options.find((o) => o.id === 'a')).toMatchObject({ chosen: true, correct: false });
  });

  it('grades true/false answers and explains both choices', () => {
    const wrong = gradeQuiz(quiz, { fact: true }, 'en').questions[2] as ChoiceResult;
    expect(wrong.correct).toBe(false);
    expect(wrong.options).toEqual([
      { id: 'true', text: 'true', correct: false, chosen: true, explanation: 'no' },
      { id: 'false', text: 'false', correct: true, chosen: false, explanation: 'yes' },
    ]);
  });

  it('ignores answers to questions the quiz does not have', () => {
    const result = gradeQuiz(quiz, { one: ['b'], ghost: ['x'] }, 'en');
    expect(result.maxScore).toBe(3);
    expect(result.score).toBe(1);
  });
});
