import { describe, expect, it } from 'vitest';
import { answerFitsQuestion } from '../../src/lib/quiz/server/submission';

describe('the shape of a submitted answer', () => {
  it('takes ids for choice and ordering questions, a boolean, a typed number and pairs', () => {
    expect(answerFitsQuestion('single', ['a'])).toBe(true);
    expect(answerFitsQuestion('multiple', [])).toBe(true);
    expect(answerFitsQuestion('ordering', ['x', 'y'])).toBe(true);
    expect(answerFitsQuestion('true-false', false)).toBe(true);
    expect(answerFitsQuestion('numeric', '12.5')).toBe(true);
    expect(answerFitsQuestion('matching', { left: 'right' })).toBe(true);
  });

  it('refuses an answer shaped for another question type', () => {
    expect(answerFitsQuestion('single', '')).toBe(false);
    expect(answerFitsQuestion('multiple', true)).toBe(false);
    expect(answerFitsQuestion('true-false', 'true')).toBe(false);
    expect(answerFitsQuestion('numeric', ['12'])).toBe(false);
    expect(answerFitsQuestion('matching', ['a'])).toBe(false);
    expect(answerFitsQuestion('ordering', { a: 'b' })).toBe(false);
  });
});
