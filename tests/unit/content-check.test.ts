import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type ContentFileInput } from '../../src/lib/content-check';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const option = (id: string, correct = false) => ({ id, text: text(id), correct, explanation: text(`why ${id}`) });
const moduleData = (extra: Record<string, unknown> = {}) => ({ title: 'T', order: 1, minutes: 10, objectives: ['o'], quiz: 'q', ...extra });

/** A small valid content tree; each test breaks one thing. */
function validTree(): ContentFileInput[] {
  return [
    { path: 'courses/c/course.yaml', data: { title: text('C'), summary: text('S'), order: 1 } },
    { path: 'courses/c/m.zh.mdx', data: moduleData(), body: '正文\n\n<Quiz id="q" />\n' },
    { path: 'courses/c/m.en.mdx', data: { ...moduleData(), title: 'M' }, body: 'Body\n\n<Quiz id="q" />\n' },
    {
      path: 'quizzes/q.yaml',
      data: { title: text('Q'), questions: [{ id: 'one', type: 'single', prompt: text('P'), options: [option('a', true), option('b')] }] },
    },
    { path: 'levels/mid.yaml', data: { order: 2, name: text('Mid'), description: text('D'), criteria: { modules: ['c/m'] } } },
  ];
}

function problemsAfter(change: (files: ContentFileInput[]) => void): string[] {
  const files = validTree();
  change(files);
  return checkContent(files).map(formatProblem);
}

const file = (files: ContentFileInput[], path: string) => files.find((f) => f.path === path)!;

describe('content check', () => {
  it('passes a valid tree', () => {
    expect(checkContent(validTree())).toEqual([]);
  });

  it('names file, field, value and expectation for bad frontmatter', () => {
    const problems = problemsAfter((f) => ((file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).minutes = 'ten'));
    expect(problems).toContain('content/courses/c/m.zh.mdx › minutes: is "ten", but it must be a number');
  });

  it('says how to add a missing required field', () => {
    const problems = problemsAfter((f) => delete (file(f, 'courses/c/m.en.mdx').data as Record<string, unknown>).objectives);
    expect(problems).toContain('content/courses/c/m.en.mdx › objectives: is missing; add "objectives" (expected array)');
  });

  it('flags a misspelt field', () => {
    const problems = problemsAfter((f) => ((file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).minuets = 5));
    expect(problems.join('\n')).toMatch(/m\.zh\.mdx › \(whole file\): has unknown field\(s\) "minuets"/);
  });

  it('flags a quiz id that does not exist, in frontmatter and in the body', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).quiz = 'nope';
      file(f, 'courses/c/m.zh.mdx').body = '<Quiz id="nope" />';
    });
    expect(problems).toContain('content/courses/c/m.zh.mdx › quiz: names quiz "nope", but there is no content/quizzes/nope.yaml');
    expect(problems).toContain('content/courses/c/m.zh.mdx › (body): <Quiz id="nope" /> names something that does not exist; add content/quizzes/nope.yaml or fix the id');
  });

  it('flags an exercise id that does not exist', () => {
    const problems = problemsAfter((f) => (file(f, 'courses/c/m.en.mdx').body = '<Exercise id="ghost" />'));
    expect(problems).toContain('content/courses/c/m.en.mdx › (body): <Exercise id="ghost" /> names something that does not exist; add content/exercises/ghost.yaml or fix the id');
  });

  it('flags a prerequisite that does not exist', () => {
    const problems = problemsAfter((f) => {
      for (const lang of ['zh', 'en']) (file(f, `courses/c/m.${lang}.mdx`).data as Record<string, unknown>).prerequisites = ['c/missing'];
    });
    expect(problems).toContain('content/courses/c/m.zh.mdx › prerequisites[0]: names module "c/missing", which does not exist; use course-id/module-id of an existing module');
  });

  it('flags a level that requires a module that does not exist', () => {
    const problems = problemsAfter((f) => ((file(f, 'levels/mid.yaml').data as { criteria: { modules: string[] } }).criteria.modules = ['c/gone']));
    expect(problems).toContain('content/levels/mid.yaml › criteria.modules[0]: names module "c/gone", which does not exist');
  });

  it('flags a module missing its other-language twin', () => {
    const problems = problemsAfter((f) => f.splice(f.findIndex((x) => x.path === 'courses/c/m.en.mdx'), 1));
    expect(problems).toContain('content/courses/c/m.zh.mdx › (file): has no English twin; add courses/c/m.en.mdx');
  });

  it('flags twins that disagree on shared fields', () => {
    const problems = problemsAfter((f) => ((file(f, 'courses/c/m.en.mdx').data as Record<string, unknown>).minutes = 12));
    expect(problems).toContain('content/courses/c/m.en.mdx › minutes: is 12 but the Chinese twin says 10; the twins must agree');
  });

  it('flags a single-choice question with no correct answer', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'quizzes/q.yaml').data as { questions: { options: { correct: boolean }[] }[] }).questions[0]!.options[0]!.correct = false;
    });
    expect(problems).toContain('content/quizzes/q.yaml › questions[0].options: a single-choice question needs exactly one option with "correct: true"');
  });

  it('flags an option id that gives the answer away', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'quizzes/q.yaml').data as { questions: { options: { id: string }[] }[] }).questions[0]!.options[0]!.id = 'correct-one';
    });
    expect(problems.join('\n')).toMatch(/quizzes\/q\.yaml › questions\[0\]\.options\[0\]\.id: an option id reaches the browser/);
  });

  it('reports a YAML syntax error as it was read', () => {
    const problems = problemsAfter((f) => Object.assign(file(f, 'quizzes/q.yaml'), { data: undefined, error: 'YAML syntax error: bad indentation' }));
    expect(problems).toContain('content/quizzes/q.yaml › (file): YAML syntax error: bad indentation');
  });

  it('rejects MDX that does not compile, unknown components and code', () => {
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = '<Callout>\n未闭合\n')).join('\n')).toMatch(/m\.zh\.mdx › \(body\): is not valid MDX: .*closing tag/);
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = '<Chart id="x" />'))).toContain(
      'content/courses/c/m.zh.mdx › (body): uses <Chart>, which is not an authoring component; use one of Callout, Steps, Flow, RoleCard, KeyTerm, Quiz, Exercise',
    );
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = 'export const x = process.exit(1)\n\n正文')).join('\n')).toMatch(/import or export line/);
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = '<script>alert(1)</script>')).join('\n')).toMatch(/<script> tag/);
  });

  it('flags a file outside the known folders', () => {
    expect(problemsAfter((f) => f.push({ path: 'notes/todo.yaml', data: {} })).join('\n')).toMatch(/notes\/todo\.yaml › \(file\): is not where content belongs/);
  });
});
