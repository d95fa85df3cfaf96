import { describe, expect, it } from 'vitest';
import { buildWorkIndex, lockedWorkMessage, placementsOf, searchIndexKind } from '../../src/lib/learning-records/work-locks';
import { workIndexFromFiles } from '../../src/lib/content/server/content-index';

const index = buildWorkIndex(
  [
    { moduleId: 'c/intro', lang: 'zh', title: '入门', prerequisites: [], quiz: 'intro-quiz', body: '<Exercise id="warm-up" />' },
    { moduleId: 'c/intro', lang: 'en', title: 'Intro', prerequisites: [], quiz: 'intro-quiz' },
    { moduleId: 'c/deep', lang: 'zh', title: '深入', prerequisites: ['c/intro'], body: 'text <Quiz id="deep-quiz" /> <Quiz id=\'shared\' />' },
    { moduleId: 'c/deep', lang: 'en', title: 'Deep', prerequisites: ['c/intro'] },
    { moduleId: 'c/free', lang: 'en', title: 'Free', prerequisites: [], body: '<Quiz id="shared" />' },
  ],
  [{ id: 'deep-drill', module: 'c/deep' }],
);

describe('where work is placed and whether it is locked', () => {
  it('finds a placed quiz however the tag is written, as content:check accepts it', () => {
    const written = buildWorkIndex([{ moduleId: 'c/late', lang: 'zh', title: '晚', prerequisites: ['c/intro'], body: '<Quiz lang="zh" id = "late-id" />' }], []);
    expect(written.quizzes.get('late-id')).toEqual(['c/late']);
  });

  it('finds quizzes from frontmatter and <Quiz>, exercises from their module and <Exercise>', () => {
    expect(index.quizzes.get('intro-quiz')).toEqual(['c/intro']);
    expect(index.quizzes.get('deep-quiz')).toEqual(['c/deep']);
    expect(index.quizzes.get('shared')).toEqual(['c/deep', 'c/free']);
    expect(index.exercises.get('warm-up')).toEqual(['c/intro']);
    expect(index.exercises.get('deep-drill')).toEqual(['c/deep']);
  });

  it('refuses a learner work in a locked module, naming the module to finish first in their language', () => {
    const deep = placementsOf(index, 'quiz', 'deep-quiz');
    expect(lockedWorkMessage(deep, new Set(), 'learner', 'en')).toBe('This belongs to the module "Deep", which is not unlocked yet. Finish first: “Intro”.');
    expect(lockedWorkMessage(deep, new Set(), 'learner', 'zh')).toContain('“入门”');
    expect(lockedWorkMessage(placementsOf(index, 'exercise', 'deep-drill'), new Set(), 'learner', 'en')).toContain('Intro');
  });

  it('lets through unlocked work, work also placed in an open module, unplaced work and reviewers', () => {
    expect(lockedWorkMessage(placementsOf(index, 'quiz', 'deep-quiz'), new Set(['c/intro']), 'learner', 'en')).toBeNull();
    expect(lockedWorkMessage(placementsOf(index, 'quiz', 'shared'), new Set(), 'learner', 'en')).toBeNull();
    expect(lockedWorkMessage(placementsOf(index, 'quiz', 'nowhere'), new Set(), 'learner', 'en')).toBeNull();
    for (const role of ['trainer', 'manager', 'admin']) expect(lockedWorkMessage(placementsOf(index, 'quiz', 'deep-quiz'), new Set(), role, 'en')).toBeNull();
  });

  it('gives the full search index only to people who can open every module', () => {
    expect(searchIndexKind(index, new Set(), 'learner')).toBe('open');
    expect(searchIndexKind(index, new Set(['c/intro']), 'learner')).toBe('full');
    expect(searchIndexKind(index, new Set(), 'trainer')).toBe('full');
  });

  it('places every quiz and exercise of the real content in at least one module', () => {
    const real = workIndexFromFiles('content');
    expect(real.quizzes.get('contract-review')).toContain('sales-workflow/contract-review');
    expect(real.exercises.get('lead-grading-abc')).toEqual(['sales-workflow/lead-grading']);
    expect(placementsOf(real, 'quiz', 'contract-review')[0]!.prerequisites.map((p) => p.moduleId)).toEqual(['sales-workflow/lead-to-after-sales']);
  });
});
