import { quizSchema, type Quiz } from '../../src/schemas/quiz';

export const text = (s: string) => ({ zh: `${s}（中）`, en: s });

/** A quiz with one question of every type; items and pairs are written in their right order. */
export function everyTypeQuiz(extra: Record<string, unknown> = {}): Quiz {
  return quizSchema.parse({
    title: text('Every type'),
    passPercent: 50,
    ...extra,
    questions: [
      {
        id: 'pick-one',
        type: 'single',
        prompt: text('Pick b'),
        options: ['a', 'b', 'c'].map((id) => ({ id, text: text(`opt ${id}`), correct: id === 'b', explanation: text(`SECRET why ${id}`) })),
      },
      { id: 'fact', type: 'true-false', prompt: text('Sign first?'), answer: false, explanation: { true: text('SECRET no'), false: text('SECRET yes') } },
      {
        id: 'stages',
        type: 'ordering',
        prompt: text('Order the stages'),
        items: ['grade', 'visit', 'propose', 'quote', 'sign'].map((id) => ({ id, text: text(`stage ${id}`) })),
        explanation: text('SECRET order'),
      },
      {
        id: 'outputs',
        type: 'matching',
        prompt: text('Match stage to output'),
        pairs: ['grade', 'visit', 'propose', 'quote'].map((id) => ({ id, left: text(`stage ${id}`), right: text(`output ${id}`) })),
        explanation: text('SECRET pairs'),
      },
      {
        id: 'share',
        type: 'numeric',
        prompt: text('Share of A leads'),
        answer: 12.5,
        tolerance: 0.1,
        unit: { zh: '%', en: '%' },
        explanation: text('SECRET 5 / 40'),
      },
    ],
  });
}
