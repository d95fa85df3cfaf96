import { describe, expect, it } from 'vitest';
import { formatPracticeReport, practiceReport } from '../../src/lib/content/check/practice';
import { quizSchema } from '../../src/schemas/quiz';
import type { ContentFileInput } from '../../src/lib/content/check';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const question = (id: string, kind?: string) => ({
  id,
  ...(kind ? { kind } : {}),
  type: 'true-false',
  prompt: text(id),
  answer: true,
  explanation: { true: text('yes'), false: text('no') },
});

function tree(): ContentFileInput[] {
  return [
    { path: 'courses/c/with-exercise.zh.mdx', data: {}, body: '正文\n\n<Exercise id="e" />\n' },
    { path: 'courses/c/with-exercise.en.mdx', data: {}, body: 'Body\n\n<Exercise id="e" />\n' },
    { path: 'courses/c/quiz-only.zh.mdx', data: {}, body: '<Quiz id="q" />' },
    { path: 'courses/c/quiz-only.en.mdx', data: {}, body: '<Quiz id="q" />' },
    { path: 'courses/c/course.yaml', data: {} },
    { path: 'quizzes/q.yaml', data: { draw: 3, questions: [question('a', 'scenario'), question('b', 'application'), question('c', 'recall'), question('d')] } },
    { path: 'quizzes/r.yaml', data: { questions: [question('e', 'recall'), question('f', 'scenario')] } },
  ];
}

describe('practice report', () => {
  it('counts a module as practised only when its lesson places an exercise', () => {
    const { modules } = practiceReport(tree());
    expect(modules).toEqual({ total: 2, withExercise: 1, without: ['c/quiz-only'] });
  });

  it('counts scenario and application questions as practice, and recall or unmarked ones as not', () => {
    const [q, r] = practiceReport(tree()).quizzes;
    expect(q).toMatchObject({ quizId: 'q', questions: 4, scenario: 1, application: 1, recall: 1, unmarked: 1, practiceShare: 0.5, asked: 3 });
    expect(r).toMatchObject({ quizId: 'r', questions: 2, practiceShare: 0.5, asked: 2 });
  });

  it('reports the overall share over every question of every quiz', () => {
    expect(practiceReport(tree()).overall).toEqual({ questions: 6, practice: 3, recall: 2, unmarked: 1, practiceShare: 0.5 });
  });

  it('flags a quiz below half in the printed report', () => {
    const files = tree();
    (files[6]!.data as { questions: unknown[] }).questions.push(question('g', 'recall'));
    const lines = formatPracticeReport(practiceReport(files));
    expect(lines[0]).toBe('Modules with an exercise: 1/2 (50%)');
    expect(lines.find((l) => l.includes(' r: '))).toMatch(/1\/3 \(33\.3%\).*below half/);
    expect(lines.find((l) => l.includes(' q: '))).not.toMatch(/below half/);
  });
});

describe('question kind', () => {
  it('accepts scenario, application and recall on any question type and refuses anything else', () => {
    const quiz = (kind: unknown) => ({ title: text('Q'), questions: [{ ...question('a'), kind }] });
    for (const kind of ['scenario', 'application', 'recall']) expect(quizSchema.safeParse(quiz(kind)).success).toBe(true);
    expect(quizSchema.safeParse(quiz('story')).success).toBe(false);
    const numeric = { id: 'n', kind: 'application', type: 'numeric', prompt: text('n'), answer: 1, explanation: text('1') };
    expect(quizSchema.safeParse({ title: text('Q'), questions: [numeric] }).success).toBe(true);
  });
});
