import { describe, expect, it } from 'vitest';
import validateStatement from 'xapi-validation';
import { statementsFor, type LearningEventRow, type StatementContext } from '../../src/lib/xapi/statements';
import { companyDayRange } from '../../src/lib/xapi/day-range';
import { quizSchema } from '../../src/schemas/quiz';

const quiz = quizSchema.parse({
  title: { zh: '线索分级', en: 'Lead grading' },
  questions: [
    {
      id: 'grade', type: 'single', prompt: { zh: '评几级？', en: 'Which grade?' },
      options: [
        { id: 'grade-a', text: { zh: 'A 级', en: 'Grade A' }, explanation: { zh: '…', en: '…' } },
        { id: 'grade-b', correct: true, text: { zh: 'B 级', en: 'Grade B' }, explanation: { zh: '…', en: '…' } },
      ],
    },
    { id: 'days', type: 'numeric', prompt: { zh: '几天？', en: 'How many days?' }, answer: 2, explanation: { zh: '…', en: '…' } },
  ],
});

const context: StatementContext = {
  origin: 'https://academy.example.com',
  actor: 'mbox',
  titles: {
    module: () => ({ zh: '线索分级', en: 'Lead grading' }),
    quiz: () => quiz.title,
    exercise: () => ({ zh: '价格异议', en: 'Price objection' }),
    level: () => ({ zh: '中级销售', en: 'Mid-level sales' }),
  },
  quiz: (id) => (id === 'lead-grading' ? quiz : undefined),
  attempt: (id) =>
    id === 'att-1'
      ? {
          id,
          questions: [
            { questionId: 'grade', correct: false, answered: true, given: ['grade-a'] },
            { questionId: 'days', correct: true, answered: true, given: '2' },
          ],
          score: 1, maxScore: 2, percent: 50, passed: false, durationMs: 95_500,
        }
      : undefined,
};

const person = { id: 'u-1', email: 'liu.yang@demo.academy', name: '刘洋' };
const event = (id: number, type: string, subject: string, data: unknown = null): LearningEventRow => ({
  id, type, subject, data, at: new Date('2026-11-30T02:00:00Z'), person,
});

describe('statementsFor', () => {
  const all = [
    ...statementsFor(event(1, 'module.completed', 'sales-workflow/lead-grading'), context),
    ...statementsFor(event(2, 'quiz.submitted', 'lead-grading', { attemptId: 'att-1', percent: 50, passed: false }), context),
    ...statementsFor(event(3, 'exercise.submitted', 'price-objection', { percent: 80, passed: true, durationMs: 61_000 }), context),
    ...statementsFor(event(4, 'promotion', 'mid'), context),
  ];

  it('makes valid xAPI statements for completions, quiz results with each answer, exercises and promotions', () => {
    expect(all.map((s) => (s.verb as { id: string }).id.split('/').pop())).toEqual(['completed', 'failed', 'answered', 'answered', 'completed', 'mastered']);
    for (const statement of all) expect(validateStatement(statement)).toEqual([]);
  });

  it('gives each answer’s response in the interaction format and as words in both languages', () => {
    const answer = all[2]! as any;
    expect(answer.result.response).toBe('grade-a');
    expect(answer.result.success).toBe(false);
    expect(answer.result.extensions['https://academy.example.com/xapi/extensions/response-text']).toEqual({ 'zh-CN': 'A 级', 'en-US': 'Grade A' });
    expect(answer.context.contextActivities.parent[0].id).toBe('https://academy.example.com/activities/quiz/lead-grading');
    expect((all[1] as any).result).toEqual({ score: { scaled: 0.5, raw: 1, min: 0, max: 2 }, success: false, completion: true, duration: 'PT95.5S' });
  });

  it('derives the same statement ids from the same event, and different ones per answer', () => {
    const again = statementsFor(event(2, 'quiz.submitted', 'lead-grading', { attemptId: 'att-1' }), context).map((s) => s.id);
    expect(again).toEqual(all.slice(1, 4).map((s) => s.id));
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it('names people by account instead of email when asked', () => {
    const [statement] = statementsFor(event(1, 'module.completed', 'x/y'), { ...context, actor: 'account' });
    expect(statement!.actor).toEqual({ objectType: 'Agent', name: '刘洋', account: { homePage: 'https://academy.example.com', name: 'u-1' } });
    expect(validateStatement(statement)).toEqual([]);
  });

  it('makes no statement for a page view or an attempt it cannot find', () => {
    expect(statementsFor(event(5, 'module.viewed', 'x/y'), context)).toEqual([]);
    expect(statementsFor(event(6, 'quiz.submitted', 'lead-grading', { attemptId: 'gone' }), context)).toEqual([]);
  });
});

describe('companyDayRange', () => {
  it('covers whole days in company time, both ends included', () => {
    const range = companyDayRange('2026-11-01', '2026-11-30', 'Asia/Shanghai');
    expect(range).toMatchObject({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
  });

  it('follows the configured zone', () => {
    expect(companyDayRange('2026-07-01', '2026-07-01', 'Europe/Berlin')).toMatchObject({ from: new Date('2026-06-30T22:00:00Z'), to: new Date('2026-07-01T22:00:00Z') });
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'admin.xapi.error.dates'],
    ['', '2026-03-01', 'admin.xapi.error.dates'],
    ['2026-03-02', '2026-03-01', 'admin.xapi.error.order'],
    ['2024-01-01', '2026-03-01', 'admin.xapi.error.long'],
  ])('refuses %s to %s', (from, to, error) => {
    expect(companyDayRange(from, to, 'Asia/Shanghai')).toEqual({ error });
  });
});
