import { describe, expect, it } from 'vitest';
import { previewProgress, previewState } from '../../src/lib/lesson-preview/preview';

const module = { moduleId: 'c/third', prerequisites: ['c/first'] };
const course = ['c/first', 'c/second', 'c/third', 'c/fourth'];
const now = new Date('2026-12-01T02:00:00Z');

describe('lesson preview as a learner', () => {
  it('is for trainers and admins only, and only for the three states', () => {
    expect(previewState('locked', 'trainer')).toBe('locked');
    expect(previewState('in-progress', 'admin')).toBe('in-progress');
    expect(previewState('new', 'learner')).toBeNull();
    expect(previewState('new', 'manager')).toBeNull();
    expect(previewState('finished', 'trainer')).toBeNull();
    expect(previewState(null, 'trainer')).toBeNull();
  });

  it('locked lists every prerequisite; new has nothing done; in progress has the modules before it done and not this one', () => {
    expect(previewProgress('locked', module, course, now)).toEqual({ completed: new Map(), missing: ['c/first'] });
    expect(previewProgress('new', module, course, now)).toEqual({ completed: new Map(), missing: [] });
    const inProgress = previewProgress('in-progress', module, course, now);
    expect([...inProgress.completed.keys()]).toEqual(['c/first', 'c/second']);
    expect(inProgress.missing).toEqual([]);
  });
});
