import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { lockedWorkRefusal } from '../../src/lib/learning-records/server/work-access';
import { workIndexFromFiles } from '../../src/lib/content/server/content-index';
import { completeModule } from '../../src/lib/learning-records/server/progress';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const index = workIndexFromFiles('content');
const now = new Date('2026-11-23T10:00:00Z');

describe('quiz and exercise actions in a locked module (requireUnlocked)', () => {
  it('refuse a learner until the prerequisite is finished, saying which module to finish', async () => {
    const learner = await insertUser(t.db, { role: 'learner' });
    const user = { id: learner.id, role: 'learner' };
    const quiz = await lockedWorkRefusal(t.db, user, index, 'quiz', 'contract-review', 'zh');
    expect(quiz).toContain('“全流程总览：从线索到售后”');
    const exercise = await lockedWorkRefusal(t.db, user, index, 'exercise', 'contract-draft-review', 'en');
    expect(exercise).toMatch(/Finish first: “.+”/);
    await completeModule(t.db, learner.id, 'sales-workflow/lead-to-after-sales', now);
    expect(await lockedWorkRefusal(t.db, user, index, 'quiz', 'contract-review', 'zh')).toBeNull();
    expect(await lockedWorkRefusal(t.db, user, index, 'exercise', 'contract-draft-review', 'en')).toBeNull();
  });

  it('let a learner work in a module without prerequisites, and reviewers anywhere', async () => {
    const learner = await insertUser(t.db, { role: 'learner' });
    expect(await lockedWorkRefusal(t.db, { id: learner.id, role: 'learner' }, index, 'quiz', 'lead-to-after-sales', 'zh')).toBeNull();
    const manager = await insertUser(t.db, { role: 'manager' });
    expect(await lockedWorkRefusal(t.db, { id: manager.id, role: 'manager' }, index, 'quiz', 'contract-review', 'zh')).toBeNull();
  });
});
