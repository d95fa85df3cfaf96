import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attemptSeed, hash32, planAttempt, shuffled, mulberry32 } from '../../src/lib/quiz/draw';
import { everyTypeQuiz } from './quiz-fixtures';

const ids = ['pick-one', 'fact', 'stages', 'outputs', 'share'];
const seeds = Array.from({ length: 200 }, (_, i) => attemptSeed('learner-1', 'drill', i));

describe('attemptSeed', () => {
  it('is the same for the same learner, quiz and attempt, so reloading the page never re-rolls the draw', () => {
    expect(attemptSeed('u', 'q', 0)).toBe(attemptSeed('u', 'q', 0));
  });

  it('changes with the attempt, the learner and the quiz', () => {
    const all = [attemptSeed('u', 'q', 0), attemptSeed('u', 'q', 1), attemptSeed('v', 'q', 0), attemptSeed('u', 'r', 0)];
    expect(new Set(all).size).toBe(4);
  });

  it('is an unsigned 32-bit integer, as the attempt row stores it', () => {
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
  });
});

describe('planAttempt', () => {
  it('asks every question in the authored order when the quiz neither draws nor shuffles', () => {
    const plan = planAttempt(everyTypeQuiz(), 1234);
    expect(plan.questions.map((q) => q.questionId)).toEqual(ids);
    expect(plan.questions[0]!.order).toEqual(['a', 'b', 'c']);
  });

  it('gives the same plan for the same seed', () => {
    const quiz = everyTypeQuiz({ draw: 3, shuffle: true });
    for (const seed of seeds.slice(0, 20)) expect(planAttempt(quiz, seed)).toEqual(planAttempt(quiz, seed));
  });

  it('draws exactly N distinct questions of the pool, and different seeds draw different sets', () => {
    const quiz = everyTypeQuiz({ draw: 3 });
    const drawnSets = new Set<string>();
    for (const seed of seeds) {
      const drawn = planAttempt(quiz, seed).questions.map((q) => q.questionId);
      expect(new Set(drawn).size).toBe(3);
      // Without `shuffle` the drawn questions keep the authored order.
      expect(drawn).toEqual(ids.filter((id) => drawn.includes(id)));
      drawnSets.add(drawn.join());
    }
    expect(drawnSets.size).toBe(10); // all C(5,3) subsets turn up over 200 attempts
  });

  it('shuffles questions and choice options only when the quiz asks for it', () => {
    const orders = new Set(seeds.map((s) => planAttempt(everyTypeQuiz({ shuffle: true }), s).questions.map((q) => q.questionId).join()));
    const options = new Set(seeds.map((s) => planAttempt(everyTypeQuiz({ shuffle: true }), s).questions.find((q) => q.questionId === 'pick-one')!.order.join()));
    expect(orders.size).toBeGreaterThan(50);
    expect(options.size).toBe(6);
  });

  it('always shuffles ordering items and both sides of a matching question, whatever `shuffle` says', () => {
    const quiz = everyTypeQuiz();
    const itemOrders = new Set<string>();
    let alignedWithAnswer = 0;
    for (const seed of seeds) {
      const plan = planAttempt(quiz, seed);
      const stages = plan.questions.find((q) => q.questionId === 'stages')!;
      const outputs = plan.questions.find((q) => q.questionId === 'outputs')!;
      expect([...stages.order].sort()).toEqual(['grade', 'propose', 'quote', 'sign', 'visit']);
      expect([...outputs.rightOrder].sort()).toEqual([...outputs.order].sort());
      itemOrders.add(stages.order.join());
      if (outputs.order.join() === outputs.rightOrder.join()) alignedWithAnswer++;
    }
    expect(itemOrders.size).toBeGreaterThan(60);
    // Reading the two columns side by side gives the answer only by chance (1 in 24 for 4 pairs).
    expect(alignedWithAnswer).toBeLessThan(30);
  });

  it('keeps other questions’ shuffles when one question is edited', () => {
    const before = everyTypeQuiz();
    const after = everyTypeQuiz();
    const stages = after.questions[2]!;
    if (stages.type !== 'ordering') throw new Error('fixture changed');
    stages.items.push({ id: 'deliver', text: { zh: '交付', en: 'deliver' } });
    const outputs = (quiz: typeof before) => planAttempt(quiz, 99).questions.find((q) => q.questionId === 'outputs');
    expect(outputs(after)).toEqual(outputs(before));
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (list, seed) => {
        const copy = [...list];
        const out = shuffled(list, mulberry32(seed));
        expect(list).toEqual(copy);
        expect([...out].sort()).toEqual([...list].sort());
      }),
    );
  });

  it('spreads hashes and random numbers across their range', () => {
    expect(hash32('a')).not.toBe(hash32('b'));
    const random = mulberry32(7);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(400);
  });
});
