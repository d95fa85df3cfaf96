import { describe, expect, it } from 'vitest';
import { fromPublicAnswers, toPublicQuiz, type PublicQuestion } from '../../src/lib/quiz/public';
import { planAttempt } from '../../src/lib/quiz/draw';
import { everyTypeQuiz } from './quiz-fixtures';

const quiz = everyTypeQuiz();
const seeds = Array.from({ length: 50 }, (_, i) => 1000 + i);
const find = <T extends PublicQuestion['type']>(questions: PublicQuestion[], type: T) =>
  questions.find((q): q is Extract<PublicQuestion, { type: T }> => q.type === type)!;

describe('the public view of ordering, matching and numeric questions', () => {
  it('carries no answer, explanation, authored id or right value in either language', () => {
    for (const seed of seeds) {
      for (const lang of ['zh', 'en'] as const) {
        const json = JSON.stringify(toPublicQuiz('every', quiz, lang, planAttempt(quiz, seed)));
        expect(json).not.toMatch(/SECRET|"correct"|"answer"|"explanation"|"tolerance"|12\.5|"pairs"|"given"/);
        // Authored item and pair ids would hint at the order or the pairing.
        expect(json).not.toMatch(/"id":"(grade|visit|propose|quote|sign)"/);
      }
    }
  });

  it('keeps what the learner needs: the items, both columns and the unit, in the page language', () => {
    const questions = toPublicQuiz('every', quiz, 'zh', planAttempt(quiz, 7)).questions;
    expect(find(questions, 'ordering').items.map((i) => i.text).sort()).toEqual(
      ['grade', 'visit', 'propose', 'quote', 'sign'].map((id) => `stage ${id}（中）`).sort(),
    );
    const matching = find(questions, 'matching');
    expect(matching.left).toHaveLength(4);
    expect(matching.right.map((r) => r.text).sort()).toEqual(['grade', 'propose', 'quote', 'visit'].map((id) => `output ${id}（中）`));
    expect(find(questions, 'numeric')).toEqual({ id: 'share', type: 'numeric', prompt: 'Share of A leads（中）', unit: '%' });
  });

  it('numbers ordering items and matching sides only by their shuffled position', () => {
    const questions = toPublicQuiz('every', quiz, 'en', planAttempt(quiz, 7)).questions;
    expect(find(questions, 'ordering').items.map((i) => i.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
    expect(find(questions, 'matching').left.map((i) => i.id)).toEqual(['left-1', 'left-2', 'left-3', 'left-4']);
    expect(find(questions, 'matching').right.map((i) => i.id)).toEqual(['right-1', 'right-2', 'right-3', 'right-4']);
  });

  it('does not show ordering items in the authored order attempt after attempt', () => {
    const authored = ['grade', 'visit', 'propose', 'quote', 'sign'].map((id) => `stage ${id}`).join();
    const shown = seeds.map((seed) => find(toPublicQuiz('every', quiz, 'en', planAttempt(quiz, seed)).questions, 'ordering').items.map((i) => i.text).join());
    expect(shown.filter((order) => order === authored).length).toBeLessThan(5);
    expect(new Set(shown).size).toBeGreaterThan(25);
  });

  it('shows only the drawn questions', () => {
    const drawing = everyTypeQuiz({ draw: 2 });
    const plan = planAttempt(drawing, 3);
    expect(toPublicQuiz('every', drawing, 'en', plan).questions.map((q) => q.id)).toEqual(plan.questions.map((q) => q.questionId));
    expect(plan.questions).toHaveLength(2);
  });
});

describe('fromPublicAnswers', () => {
  const plan = planAttempt(quiz, 42);
  const publicQuiz = toPublicQuiz('every', quiz, 'en', plan);
  const ordering = find(publicQuiz.questions, 'ordering');
  const stagesPlan = plan.questions.find((q) => q.questionId === 'stages')!;
  const outputsPlan = plan.questions.find((q) => q.questionId === 'outputs')!;

  it('translates public ids back to the authored ids of this attempt', () => {
    const answers = fromPublicAnswers(quiz, plan, {
      stages: ordering.items.map((i) => i.id),
      outputs: { 'left-1': 'right-1' },
      share: '12.5',
      fact: false,
    });
    expect(answers.stages).toEqual(stagesPlan.order);
    expect(answers.outputs).toEqual({ [outputsPlan.order[0]!]: outputsPlan.rightOrder[0]! });
    expect(answers).toMatchObject({ share: '12.5', fact: false });
  });

  it('turns authored ids, out-of-range positions and junk into a marker that is never right', () => {
    const answers = fromPublicAnswers(quiz, plan, {
      stages: ['grade', 'item-0', 'item-6', 'item-x', 'item-1'],
      outputs: { grade: 'grade', 'left-9': 'right-1', 'left-1': 'right-99' },
    });
    expect(answers.stages).toEqual(['#unknown', '#unknown', '#unknown', '#unknown', stagesPlan.order[0]]);
    expect(Object.keys(answers.outputs as object)).toContain('#unknown');
    expect(Object.values(answers.outputs as object)).toContain('#unknown');
  });

  it('drops answers to questions the attempt did not ask', () => {
    const drawing = everyTypeQuiz({ draw: 1 });
    const small = planAttempt(drawing, 5);
    const asked = small.questions[0]!.questionId;
    const answers = fromPublicAnswers(drawing, small, { 'pick-one': ['b'], fact: false, share: '12.5', stages: [], outputs: {} });
    expect(Object.keys(answers)).toEqual([asked]);
  });
});
