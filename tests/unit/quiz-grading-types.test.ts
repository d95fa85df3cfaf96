import { describe, expect, it } from 'vitest';
import { gradeQuiz, parseNumber, type MatchingResult, type NumericResult, type OrderingResult } from '../../src/lib/quiz/grading';
import { everyTypeQuiz } from './quiz-fixtures';

const quiz = everyTypeQuiz();
const right = ['grade', 'visit', 'propose', 'quote', 'sign'];
const ordering = (answer: unknown) => gradeQuiz(quiz, { stages: answer as string[] }, 'en').questions[2] as OrderingResult;
const matching = (answer: unknown) => gradeQuiz(quiz, { outputs: answer as Record<string, string> }, 'en').questions[3] as MatchingResult;
const numeric = (answer: unknown) => gradeQuiz(quiz, { share: answer as string }, 'en').questions[4] as NumericResult;
const allPairs = { grade: 'grade', visit: 'visit', propose: 'propose', quote: 'quote' };

describe('ordering questions', () => {
  it('credits exactly the authored order', () => {
    expect(ordering(right)).toMatchObject({ correct: true, points: 1, answered: true, given: right });
  });

  it('is all-or-nothing: two swapped neighbours earn nothing, but feedback shows where each item went', () => {
    const result = ordering(['grade', 'propose', 'visit', 'quote', 'sign']);
    expect(result).toMatchObject({ correct: false, points: 0 });
    expect(result.items.map((i) => i.givenPosition)).toEqual([1, 3, 2, 4, 5]);
    expect(result.explanation).toBe('SECRET order');
  });

  it('counts an empty or missing order as unanswered and wrong', () => {
    expect(ordering([])).toMatchObject({ correct: false, answered: false, given: null });
    expect(gradeQuiz(quiz, {}, 'en').questions[2]).toMatchObject({ correct: false, answered: false });
  });

  it('gives no credit for a duplicated item, a missing item or an extra one', () => {
    expect(ordering(['grade', 'grade', 'propose', 'quote', 'sign']).correct).toBe(false);
    expect(ordering(['grade', 'visit', 'propose', 'quote']).correct).toBe(false);
    expect(ordering([...right, 'sign']).correct).toBe(false);
  });

  it('treats ids from outside the question and answers of the wrong shape as wrong', () => {
    expect(ordering(['grade', 'visit', 'propose', 'quote', 'injected']).correct).toBe(false);
    expect(ordering(true)).toMatchObject({ correct: false, answered: false });
    expect(ordering({ 0: 'grade' })).toMatchObject({ correct: false, answered: false });
  });
});

describe('matching questions', () => {
  it('credits every left side matched to its own right side', () => {
    expect(matching(allPairs)).toMatchObject({ correct: true, points: 1 });
  });

  it('is all-or-nothing but marks each pair, naming what the learner chose', () => {
    const result = matching({ ...allPairs, grade: 'visit', visit: 'grade' });
    expect(result.correct).toBe(false);
    expect(result.pairs.map((p) => p.correct)).toEqual([false, false, true, true]);
    expect(result.pairs[0]).toMatchObject({ left: 'stage grade', right: 'output grade', chosen: 'output visit' });
  });

  it('gives no credit when one right side is chosen twice or a left side is left open', () => {
    expect(matching({ ...allPairs, visit: 'grade' }).correct).toBe(false);
    const { quote: _, ...threePairs } = allPairs;
    const open = matching(threePairs);
    expect(open).toMatchObject({ correct: false, answered: true });
    expect(open.pairs[3]!.chosen).toBeNull();
  });

  it('treats tampered ids on either side as wrong, even alongside a complete right answer', () => {
    expect(matching({ ...allPairs, injected: 'grade' }).correct).toBe(false);
    expect(matching({ ...allPairs, quote: 'injected' }).correct).toBe(false);
  });

  it('counts an empty or wrongly shaped answer as unanswered', () => {
    expect(matching({})).toMatchObject({ correct: false, answered: false, given: null });
    expect(matching(['grade'])).toMatchObject({ correct: false, answered: false });
  });
});

describe('numeric questions', () => {
  it('credits a value within the tolerance, at its edge included', () => {
    expect(numeric('12.5')).toMatchObject({ correct: true, value: 12.5 });
    expect(numeric('12.4').correct).toBe(true);
    expect(numeric('12.6').correct).toBe(true);
    expect(numeric('12.61').correct).toBe(false);
    expect(numeric('-12.5').correct).toBe(false);
  });

  it('reports the right value, tolerance and unit in the page language', () => {
    expect(numeric('3')).toMatchObject({ correct: false, answer: 12.5, tolerance: 0.1, unit: '%', explanation: 'SECRET 5 / 40' });
  });

  it('keeps an unreadable value as answered but wrong, and an empty one as unanswered', () => {
    expect(numeric('twelve')).toMatchObject({ correct: false, answered: true, value: null, given: 'twelve' });
    expect(numeric('   ')).toMatchObject({ correct: false, answered: false, given: null });
    expect(numeric(['12.5'])).toMatchObject({ correct: false, answered: false });
  });

  it('is exact at tolerance 0, despite binary floating point', () => {
    const exact = everyTypeQuiz();
    const share = exact.questions[4]!;
    if (share.type !== 'numeric') throw new Error('fixture changed');
    share.tolerance = 0;
    share.answer = 0.3;
    expect(gradeQuiz(exact, { share: String(0.1 + 0.2) }, 'en').questions[4]!.correct).toBe(true);
    expect(gradeQuiz(exact, { share: '0.31' }, 'en').questions[4]!.correct).toBe(false);
  });
});

describe('parseNumber', () => {
  it('reads numbers the way people type them', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('１２．５')).toBe(12.5);
    expect(parseNumber('1,250.5')).toBe(1250.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber(24)).toBe(24);
  });

  it('refuses what it cannot read unambiguously', () => {
    for (const typed of ['', '1,5', '12,50', '1e3', '12%', 'abc', '-', '.', '0x10', 'Infinity']) expect(parseNumber(typed), typed).toBeNull();
    expect(parseNumber(Number.NaN)).toBeNull();
  });
});

describe('whole quizzes with every type', () => {
  it('scores one point per question and passes at the mark', () => {
    const result = gradeQuiz(quiz, { 'pick-one': ['b'], fact: false, stages: right, outputs: allPairs, share: '12.5' }, 'zh');
    expect(result).toMatchObject({ score: 5, maxScore: 5, percent: 100, passed: true });
    expect(result.questions.map((q) => q.type)).toEqual(['single', 'true-false', 'ordering', 'matching', 'numeric']);
  });

  it('grades only the questions an attempt asked, in the order it asked them', () => {
    const result = gradeQuiz(quiz, { share: '12.5', fact: false, stages: right }, 'en', ['share', 'fact']);
    expect(result.questions.map((q) => q.questionId)).toEqual(['share', 'fact']);
    expect(result).toMatchObject({ score: 2, maxScore: 2, percent: 100 });
  });

  it('does not mistake inherited object keys for answers', () => {
    const result = gradeQuiz(quiz, JSON.parse('{"__proto__": {"fact": false}}'), 'en');
    expect(result.questions[1]).toMatchObject({ answered: false, correct: false });
  });
});
