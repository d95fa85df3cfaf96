/**
 * Every list whose ids an answer, a stored attempt or a keyed list on screen refers to must not
 * hold one id twice. Each case starts from a valid tree, repeats one id, and expects the problem
 * to name the file, the list (by its parents' ids), the repeated value and the fix.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type ContentFileInput } from '../../src/lib/content/check';
import { duplicatesIn } from '../../src/schemas/unique-ids';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const option = (id: string, correct = false) => ({ id, text: text(id), correct, explanation: text(`why ${id}`) });
const moduleData = (extra: Record<string, unknown> = {}) => ({ title: 'T', order: 1, minutes: 10, objectives: ['o'], ...extra });
const fix = (what: string) => `give every ${what} its own id (answers refer to it): rename all but one after their content`;

function tree({ quiz, exercise, level, prerequisites }: { quiz?: unknown; exercise?: Record<string, unknown>; level?: Record<string, unknown>; prerequisites?: string[] }) {
  const body = (lang: string) => `${lang}\n${quiz ? '\n<Quiz id="q" />\n' : ''}${exercise ? '\n<Exercise id="e" />\n' : ''}`;
  const frontmatter = moduleData({ ...(quiz ? { quiz: 'q' } : {}), ...(prerequisites ? { prerequisites } : {}) });
  const files: ContentFileInput[] = [
    { path: 'courses/c/course.yaml', data: { title: text('C'), summary: text('S'), order: 1 } },
    { path: 'courses/c/m.zh.mdx', data: frontmatter, body: body('正文') },
    { path: 'courses/c/m.en.mdx', data: { ...frontmatter, title: 'M' }, body: body('Body') },
    { path: 'courses/c/n.zh.mdx', data: moduleData({ order: 2 }), body: '正文' },
    { path: 'courses/c/n.en.mdx', data: moduleData({ order: 2 }), body: 'Body' },
  ];
  if (quiz) files.push({ path: 'quizzes/q.yaml', data: quiz });
  if (exercise) {
    files.push({ path: 'exercises/e.yaml', data: { title: text('E'), instructions: text('I'), module: 'c/m', practises: text('P'), debrief: text('D'), ...exercise } });
  }
  if (level) files.push({ path: 'levels/mid.yaml', data: { order: 2, name: text('Mid'), description: text('D'), criteria: level } });
  // A file that fails its schema is reported once, in that file: no lesson echoes it as missing.
  return checkContent(files).map(formatProblem);
}

const quizOf = (...questions: unknown[]) => ({ title: text('Q'), questions });
const single = (id: string, options: unknown[]) => ({ id, type: 'single', prompt: text('P'), options });

describe('ids in quizzes', () => {
  it('passes distinct ids everywhere', () => {
    expect(tree({ quiz: quizOf(single('q1', [option('a', true), option('b')]), single('q2', [option('a', true), option('b')])) })).toEqual([]);
  });

  it('flags two options of one single-choice question with one id, naming the question', () => {
    expect(tree({ quiz: quizOf(single('q1', [option('a', true), option('b')]), single('q3', [option('a', true), option('b'), option('a')])) })).toEqual([
      `content/quizzes/q.yaml › questions[id=q3].options: the 1st and 3rd options share the id "a"; ${fix('option')}`,
    ]);
  });

  it('flags repeated option ids in a multiple-choice question', () => {
    const question = { id: 'pick', type: 'multiple', prompt: text('P'), options: [option('a', true), option('a', true)] };
    expect(tree({ quiz: quizOf(question) })).toEqual([`content/quizzes/q.yaml › questions[id=pick].options: the 1st and 2nd options share the id "a"; ${fix('option')}`]);
  });

  it('flags two questions with one id', () => {
    expect(tree({ quiz: quizOf(single('same', [option('a', true), option('b')]), single('same', [option('c', true), option('d')])) })).toEqual([
      `content/quizzes/q.yaml › questions: the 1st and 2nd questions share the id "same"; ${fix('question')}`,
    ]);
  });

  it('flags repeated ordering item ids', () => {
    const items = ['lead', 'visit', 'lead'].map((id) => ({ id, text: text(id) }));
    expect(tree({ quiz: quizOf({ id: 'order', type: 'ordering', prompt: text('P'), items, explanation: text('E') }) })).toEqual([
      `content/quizzes/q.yaml › questions[id=order].items: the 1st and 3rd items share the id "lead"; ${fix('item')}`,
    ]);
  });

  it('flags repeated matching pair ids, which name both the left and the right side', () => {
    const pairs = ['grade', 'visit', 'visit'].map((id, i) => ({ id, left: text(`l${i}`), right: text(`r${i}`) }));
    expect(tree({ quiz: quizOf({ id: 'match', type: 'matching', prompt: text('P'), pairs, explanation: text('E') }) })).toEqual([
      `content/quizzes/q.yaml › questions[id=match].pairs: the 2nd and 3rd pairs share the id "visit"; ${fix('pair')}`,
    ]);
  });
});

describe('ids in exercises', () => {
  it('flags repeated sequence steps', () => {
    const items = ['record', 'judge', 'record'].map((id) => ({ id, text: text(id) }));
    expect(tree({ exercise: { type: 'sequence', items } })).toEqual([`content/exercises/e.yaml › items: the 1st and 3rd steps share the id "record"; ${fix('step')}`]);
  });

  it('flags repeated classify buckets and cards', () => {
    const problems = tree({
      exercise: {
        type: 'classify',
        buckets: [{ id: 'hot', label: text('H') }, { id: 'hot', label: text('H2') }],
        cards: ['school', 'factory', 'school'].map((id) => ({ id, text: text(id), bucket: 'hot', explanation: text('x') })),
      },
    });
    expect(problems).toContain(`content/exercises/e.yaml › buckets: the 1st and 2nd buckets share the id "hot"; ${fix('bucket')}`);
    expect(problems).toContain(`content/exercises/e.yaml › cards: the 1st and 3rd cards share the id "school"; ${fix('card')}`);
  });

  it('flags repeated role-play nodes, and repeated choices within one node', () => {
    const end = (id: string) => ({ id, outcome: 'success', narration: text('end'), debrief: text('d') });
    const choice = (id: string, to: string) => ({ id, text: text(id), to, effects: { listening: 1 }, feedback: text('f') });
    const opening = { id: 'opening', customer: text('hi'), choices: [choice('ask', 'won'), choice('ask', 'won')] };
    const problems = tree({ exercise: { type: 'roleplay', persona: text('p'), start: 'opening', nodes: [opening, end('won'), end('won')] } });
    expect(problems).toContain(`content/exercises/e.yaml › nodes[id=opening].choices: the 1st and 2nd choices share the id "ask"; ${fix('choice')}`);
    expect(problems).toContain(`content/exercises/e.yaml › nodes: the 2nd and 3rd nodes share the id "won"; ${fix('node')}`);
  });

  it('flags repeated document segments in a spot-the-issue review', () => {
    const issue = { criterion: 'accuracy', explanation: text('x') };
    const segments = [
      { id: 'price', text: text('p'), issue },
      { id: 'delivery', text: text('d') },
      { id: 'price', text: text('p2') },
    ];
    expect(tree({ exercise: { type: 'spot-the-issue', document: { kind: 'quotation', heading: text('Q') }, segments } })).toEqual([
      `content/exercises/e.yaml › segments: the 1st and 3rd segments share the id "price"; ${fix('segment')}`,
    ]);
  });

  it('flags repeated calculation inputs', () => {
    const question = (id: string) => ({ id, prompt: text('P'), answer: 5, solution: text('x') });
    const exercise = { type: 'calculation', scenario: text('S'), givens: [{ label: text('L'), value: text('1') }], questions: [question('rate'), question('rate')] };
    expect(tree({ exercise })).toEqual([`content/exercises/e.yaml › questions: the 1st and 2nd questions share the id "rate"; ${fix('question')}`]);
  });
});

describe('ids in levels and modules', () => {
  it('flags a level criterion listed twice: module, course, exercise or KPI', () => {
    const problems = tree({
      level: {
        modules: ['c/m', 'c/n', 'c/m'],
        courses: ['c', 'c'],
        kpis: [
          { metric: 'lead-conversion', minPercent: 20 },
          { metric: 'lead-conversion', minPercent: 30 },
        ],
      },
    });
    expect(problems).toEqual([
      'content/levels/mid.yaml › criteria.modules: lists module "c/m" more than once (the 1st and 3rd entries); keep one and remove the others',
      'content/levels/mid.yaml › criteria.courses: lists course "c" more than once (the 1st and 2nd entries); keep one and remove the others',
      'content/levels/mid.yaml › criteria.kpis: lists KPI "lead-conversion" more than once (the 1st and 2nd entries); keep one and remove the others',
    ]);
    const exercises = tree({ level: { exercises: [{ id: 'e', minPercent: 60 }, { id: 'e', minPercent: 80 }] } });
    expect(exercises).toContain('content/levels/mid.yaml › criteria.exercises: lists exercise "e" more than once (the 1st and 2nd entries); keep one and remove the others');
  });

  it('flags a prerequisite listed twice', () => {
    expect(tree({ prerequisites: ['c/n', 'c/n'] })).toContain(
      'content/courses/c/m.zh.mdx › prerequisites: lists module "c/n" more than once (the 1st and 2nd entries); keep one and remove the others',
    );
  });
});

describe('duplicatesIn', () => {
  it('lists each repeated value once, with every position it takes', () => {
    expect(duplicatesIn(['a', 'b', 'a', 'c', 'a', 'b'])).toEqual([
      { value: 'a', positions: [1, 3, 5] },
      { value: 'b', positions: [2, 6] },
    ]);
    expect(duplicatesIn(['a', 'b'])).toEqual([]);
  });
});
