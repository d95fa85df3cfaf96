import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { apportion, BENCH_TEAM_ID, prepareForLargeSeed, seedLargeOrganisation, teamSizes } from '../../scripts/db/large-organisation';
import { quizQuestionTallies } from '../../src/lib/analytics/server/tallies';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const count = async (table: string) => Number((await t.db.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe('the large synthetic company', () => {
  it('splits learners into teams of 50 and of about 20, and attempts exactly', () => {
    expect(teamSizes({ learners: 10_000, teams: 500, bigTeams: 20, bigTeamSize: 50 }).filter((n) => n === 50)).toHaveLength(20);
    const sizes = teamSizes({ learners: 10_000, teams: 500, bigTeams: 20, bigTeamSize: 50 });
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    expect(apportion(1_000_000, [1, 2, 3, 0.5]).reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });

  it('builds people, teams, attempts, completions and events at a small scale, with the promised counts', async () => {
    const progress: number[] = [];
    const { rows } = await seedLargeOrganisation(t.db, {
      learners: 120,
      quizAttempts: 1_500,
      teams: 5,
      bigTeams: 1,
      bigTeamSize: 50,
      passwordHash: 'not-a-real-hash',
      progress: (written) => progress.push(written),
    });
    expect(await count('users')).toBe(120 + 5 + 13);
    expect(await count('teams')).toBe(5);
    expect(await count('quiz_attempts')).toBe(1_500);
    // The synthetic company is on the office ladder only, which is what LADDER_TRACKS switches on by default.
    expect(await count(`users WHERE level_id IN ('field-rep', 'county-manager', 'provincial-manager', 'regional-manager')`)).toBe(0);
    expect(await count(`team_members WHERE team_id = '${BENCH_TEAM_ID}'`)).toBe(50);
    expect(await count('module_completions')).toBeGreaterThan(0);
    expect(await count(`learning_events WHERE type = 'quiz.submitted'`)).toBe(1_500);
    expect(rows).toBe(progress[progress.length - 1]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The attempts are real quizzes' questions, so content analytics work on the large company too.
    const { tallies } = await quizQuestionTallies(t.db, 'lead-to-after-sales');
    expect(tallies.reduce((sum, q) => sum + q.attempts, 0)).toBeGreaterThan(0);
  });

  it('refuses a database that already has people, unless forced, and then starts from nothing', async () => {
    await insertUser(t.db, { email: 'real.person@company.cn' });
    await expect(prepareForLargeSeed(t.db, { force: false })).rejects.toThrow(/already has people/);
    expect(await count('users')).toBe(1);
    expect(await prepareForLargeSeed(t.db, { force: true })).toBe('emptied');
    expect(await count('users')).toBe(0);
    expect(await prepareForLargeSeed(t.db, { force: false })).toBe('empty');
  });
});
