import { describe, expect, it } from 'vitest';
import { toPublicQuiz } from '../../src/lib/quiz/public';
import { quizSchema } from '../../src/schemas/quiz';

const quiz = quizSchema.parse({
  title: { zh: '测验', en: 'Quiz' },
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: { zh: '问题', en: 'Question' },
      options: [
        { id: 'alpha', correct: true, text: { zh: '甲', en: 'A' }, explanation: { zh: 'SECRET-ZH-1', en: 'SECRET-EN-1' } },
        { id: 'beta', text: { zh: '乙', en: 'B' }, explanation: { zh: 'SECRET-ZH-2', en: 'SECRET-EN-2' } },
      ],
    },
    {
      id: 'q2',
      type: 'true-false',
      prompt: { zh: '判断', en: 'Judge' },
      answer: true,
      explanation: { true: { zh: 'SECRET-ZH-3', en: 'SECRET-EN-3' }, false: { zh: 'SECRET-ZH-4', en: 'SECRET-EN-4' } },
    },
  ],
});

describe('toPublicQuiz', () => {
  it('carries no correct flag, answer or explanation in either language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const json = JSON.stringify(toPublicQuiz('sample', quiz, lang));
      expect(json).not.toMatch(/SECRET|"correct"|"answer"|"explanation"/);
    }
  });

  it('keeps what the learner needs to answer, in the page language', () => {
    expect(toPublicQuiz('sample', quiz, 'en')).toEqual({
      id: 'sample',
      title: 'Quiz',
      passPercent: 70,
      questions: [
        { id: 'q1', type: 'single', prompt: 'Question', options: [{ id: 'alpha', text: 'A' }, { id: 'beta', text: 'B' }] },
        { id: 'q2', type: 'true-false', prompt: 'Judge' },
      ],
    });
  });
});
