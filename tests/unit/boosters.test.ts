import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardsToHave, cardId, parseCardId } from '../../src/lib/boosters/cards';
import { newCardState, scheduleAnswer } from '../../src/lib/boosters/schedule';
import { cardsLeftToday, dueCards } from '../../src/lib/boosters/session';
import { retentionOver30Days } from '../../src/lib/boosters/retention';
import { gradeQuestionCard, gradeTermCard, oneQuestionQuiz, questionPrompt, termPrompt } from '../../src/lib/boosters/prompts';
import type { GlossaryTerm } from '../../src/schemas/glossary';
import { everyTypeQuiz, text } from './quiz-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-06-10T02:00:00Z');

describe('booster scheduling (FSRS)', () => {
  it('brings a wrongly answered new card back sooner than a rightly answered one', () => {
    const card = newCardState(now);
    expect(scheduleAnswer(card, false, now).due.getTime()).toBeLessThan(scheduleAnswer(card, true, now).due.getTime());
  });

  it('never schedules a card due again before the moment it was answered, and a miss never later than a hit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { maxLength: 12 }), (history) => {
        let card = newCardState(now);
        let at = now;
        for (const [correct, waitDays] of history) {
          at = new Date(Math.max(at.getTime(), card.due.getTime()) + waitDays * DAY);
          card = scheduleAnswer(card, correct, at);
          expect(card.due.getTime()).toBeGreaterThan(at.getTime());
        }
        const next = new Date(Math.max(at.getTime(), card.due.getTime()));
        expect(scheduleAnswer(card, false, next).due.getTime()).toBeLessThanOrEqual(scheduleAnswer(card, true, next).due.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('spaces a card further out after each right answer in a row', () => {
    let card = newCardState(now);
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = card.due.getTime() < now.getTime() ? now : card.due;
      const next = scheduleAnswer(card, true, at);
      gaps.push(next.due.getTime() - at.getTime());
      card = next;
    }
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps[3]!).toBeGreaterThan(gaps[0]!);
  });
});

describe("today's review", () => {
  const card = (id: string, dueInHours: number) => ({ cardId: id, due: new Date(now.getTime() + dueInHours * HOUR) });

  it('shows only due cards, most overdue first, at most the cards left under the cap', () => {
    const cards = [card('a', -1), card('b', 5), card('c', -30), card('d', 0), card('e', -2)];
    expect(dueCards(cards, now, 3).map((c) => c.cardId)).toEqual(['c', 'e', 'a']);
    expect(dueCards(cards, now, 10).map((c) => c.cardId)).toEqual(['c', 'e', 'a', 'd']);
  });

  it('counts answers already given today against the daily cap', () => {
    expect(cardsLeftToday(10, 0)).toBe(10);
    expect(cardsLeftToday(10, 7)).toBe(3);
    expect(cardsLeftToday(5, 9)).toBe(0);
    expect(dueCards([card('a', -1)], now, cardsLeftToday(5, 5))).toEqual([]);
  });
});

describe('retention over 30 days', () => {
  const zone = 'Asia/Shanghai';

  it('is the share of review answers right since midnight company time 29 days ago', () => {
    // 2026-06-10 10:00 in Shanghai; the window opens 2026-05-12 00:00 Shanghai = 2026-05-11 16:00 UTC.
    const answers = [
      { correct: true, at: new Date('2026-05-11T16:00:00Z') },
      { correct: false, at: new Date('2026-05-11T15:59:59Z') },
      { correct: false, at: new Date('2026-06-09T12:00:00Z') },
      { correct: true, at: new Date('2026-06-10T01:00:00Z') },
    ];
    expect(retentionOver30Days(answers, now, zone)).toEqual({ right: 2, total: 3, share: 2 / 3 });
  });

  it('has no figure when there were no reviews', () => {
    expect(retentionOver30Days([], now, zone)).toEqual({ right: 0, total: 0, share: null });
  });
});

describe('card derivation', () => {
  const sources = {
    completed: [
      { moduleId: 'c/one', quizId: 'quiz-one', keyTerms: ['close-rate', 'gone-term'] },
      { moduleId: 'c/two', quizId: undefined, keyTerms: ['close-rate', 'lead'] },
    ],
    metQuestions: new Map([
      ['quiz-one', new Set(['q1', 'q3', 'removed'])],
      ['quiz-other', new Set(['x'])],
    ]),
    quizQuestions: new Map([['quiz-one', new Set(['q1', 'q2', 'q3'])]]),
    glossary: new Set(['close-rate', 'lead']),
  };

  it('makes a card of each question met and each key term of completed modules, once each', () => {
    expect(cardsToHave(sources)).toEqual(['question:quiz-one/q1', 'question:quiz-one/q3', 'term:close-rate', 'term:lead']);
  });

  it('reads card ids back and refuses anything else', () => {
    expect(parseCardId(cardId({ kind: 'question', quizId: 'quiz-one', questionId: 'q1' }))).toEqual({ kind: 'question', quizId: 'quiz-one', questionId: 'q1' });
    expect(parseCardId('term:lead')).toEqual({ kind: 'term', termId: 'lead' });
    for (const bad of ['', 'term:', 'question:q1', 'term:Lead', 'term:lead/x', 'quiz:a/b', 'term:../x']) expect(parseCardId(bad)).toBeNull();
  });
});

describe('card prompts', () => {
  const quiz = everyTypeQuiz();
  const glossary: GlossaryTerm[] = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((id) => ({ id, term: text(id), definition: text(`means ${id}`) }));

  it('shows a question card without its key and grades it with the quiz grading', () => {
    const single = oneQuestionQuiz(quiz, 'pick-one')!;
    const prompt = questionPrompt('every', single, 7, 'en');
    expect(JSON.stringify(prompt)).not.toMatch(/SECRET|correct/);
    expect(gradeQuestionCard(single, 7, 'pick-one', ['b'], 'en').correct).toBe(true);
    expect(gradeQuestionCard(single, 7, 'pick-one', ['a'], 'en').correct).toBe(false);
  });

  it('asks a term card as four definitions under public ids and grades only the right one as right', () => {
    const prompt = termPrompt(glossary[0]!, glossary, 11, 'en', 'alpha?');
    if (prompt.type !== 'single') throw new Error('a term card is a single choice');
    expect(prompt.options.map((o) => o.id)).toEqual(['definition-1', 'definition-2', 'definition-3', 'definition-4']);
    expect(prompt.options.every((o) => Object.keys(o).join() === 'id,text')).toBe(true);
    const right = prompt.options.find((o) => o.text === 'means alpha')!.id;
    const wrong = prompt.options.find((o) => o.text !== 'means alpha')!.id;
    expect(gradeTermCard(glossary[0]!, glossary, 11, [right], 'en', 'alpha?').correct).toBe(true);
    expect(gradeTermCard(glossary[0]!, glossary, 11, [wrong], 'en', 'alpha?').correct).toBe(false);
    expect(gradeTermCard(glossary[0]!, glossary, 11, ['definition-9'], 'en', 'alpha?').correct).toBe(false);
  });
});

describe('number keys in a review session', () => {
  const single = { id: 'q', type: 'single' as const, prompt: 'p', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] };
  const multiple = { ...single, type: 'multiple' as const };

  it('picks the n-th choice, toggles on multiple choice, reads 1 as true and 2 as false, and ignores other keys', async () => {
    const { choiceForKey } = await import('../../src/lib/boosters/island');
    expect(choiceForKey(single, undefined, '2')).toEqual({ answer: ['b'] });
    expect(choiceForKey(single, ['b'], '1')).toEqual({ answer: ['a'] });
    expect(choiceForKey(single, undefined, '3')).toBeNull();
    expect(choiceForKey(multiple, ['a'], '2')).toEqual({ answer: ['a', 'b'] });
    expect(choiceForKey(multiple, ['a', 'b'], '1')).toEqual({ answer: ['b'] });
    expect(choiceForKey({ id: 't', type: 'true-false', prompt: 'p' }, undefined, '1')).toEqual({ answer: true });
    expect(choiceForKey({ id: 't', type: 'true-false', prompt: 'p' }, undefined, '2')).toEqual({ answer: false });
    expect(choiceForKey(single, undefined, 'x')).toBeNull();
    expect(choiceForKey(single, undefined, '0')).toBeNull();
    expect(choiceForKey({ id: 'n', type: 'numeric', prompt: 'p' }, undefined, '1')).toBeNull();
  });
});
