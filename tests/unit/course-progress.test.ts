import { describe, expect, it } from 'vitest';
import { courseProgress } from '../../src/lib/learning-records/course-progress';

const modules = [
  { moduleId: 'c/one', quizId: 'q-one' },
  { moduleId: 'c/two', quizId: undefined },
  { moduleId: 'c/three', quizId: 'q-three' },
];

describe('courseProgress', () => {
  it('resumes at the first unfinished module in course order, even after a later one is done', () => {
    const p = courseProgress(modules, new Set(['c/one', 'c/three']), new Map());
    expect(p).toMatchObject({ done: 2, total: 3, percent: 67, resumeModuleId: 'c/two' });
  });

  it('has nothing to resume when every module is complete', () => {
    expect(courseProgress(modules, new Set(['c/one', 'c/two', 'c/three']), new Map()).resumeModuleId).toBeNull();
  });

  it('reports the best quiz score of the course and ignores other courses’ quizzes', () => {
    const p = courseProgress(modules, new Set(), new Map([['q-one', 60], ['q-three', 90], ['elsewhere', 100]]));
    expect(p.bestQuizPercent).toBe(90);
  });

  it('reports no quiz score before any attempt and 0% for an empty course', () => {
    expect(courseProgress(modules, new Set(), new Map()).bestQuizPercent).toBeNull();
    expect(courseProgress([], new Set(), new Map())).toMatchObject({ percent: 0, total: 0, resumeModuleId: null });
  });
});
