import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from './test-database';
import { seedDemoOrganisation } from '../../scripts/db/seed-demo';
import { demoPeople } from '../../scripts/db/demo-organisation';
import { moduleCompletions, teamMembers, teams, users } from '../../db/schema';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

describe('demo organisation seed', () => {
  it('adds an admin, a trainer, a manager leading a team of at least six learners at different levels', async () => {
    const lines: string[] = [];
    await seedDemoOrganisation(t.db, { log: (l) => lines.push(l) });
    const all = await t.db.select().from(users).all();
    expect(all).toHaveLength(demoPeople.length);
    for (const role of ['admin', 'trainer', 'manager'] as const) expect(all.some((u) => u.role === role)).toBe(true);
    const [team] = await t.db.select().from(teams).all();
    expect(all.find((u) => u.id === team!.managerId)?.role).toBe('manager');
    const members = await t.db.select({ level: users.levelId }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId));
    expect(members.length).toBeGreaterThanOrEqual(6);
    expect(new Set(members.map((m) => m.level)).size).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('gives learners varied progress', async () => {
    await seedDemoOrganisation(t.db);
    const perUser = await t.db.$client.execute('SELECT user_id, count(*) AS n FROM module_completions GROUP BY user_id');
    const learners = demoPeople.filter((p) => p.role === 'learner').length;
    expect(perUser.rows.length).toBeGreaterThan(0);
    expect(perUser.rows.length).toBeLessThan(learners + 2);
    expect(await t.db.select().from(moduleCompletions).all()).not.toHaveLength(0);
  });

  it('moves demo people through the ladder’s courses first, so only those who have done everything have done the auto-parts elective', async () => {
    await seedDemoOrganisation(t.db);
    const elective = await t.db.$client.execute(
      "SELECT DISTINCT u.email FROM module_completions c JOIN users u ON u.id = c.user_id WHERE c.module_id LIKE 'auto-parts/%' ORDER BY u.email",
    );
    expect(elective.rows.map((r) => r.email)).toEqual(demoPeople.filter((p) => p.progress >= 1).map((p) => p.email).sort());
    // 陈杰 is about a third through: onboarding and roles done, the sales workflow not yet begun.
    const chen = await t.db.select().from(users).where(eq(users.email, 'chen.jie@demo.academy')).get();
    const done = await t.db.select({ moduleId: moduleCompletions.moduleId }).from(moduleCompletions).where(eq(moduleCompletions.userId, chen!.id));
    expect(done.some((d) => d.moduleId.startsWith('roles/'))).toBe(true);
    expect(done.some((d) => d.moduleId.startsWith('sales-workflow/'))).toBe(false);
  });

  it('completes modules from a fixed list, so a module added later shows as new even to someone who has done everything', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = join(mkdtempSync(join(tmpdir(), 'seed-new-module-')), 'content');
    cpSync('content', root, { recursive: true });
    for (const lang of ['zh', 'en']) {
      const model = readFileSync(join(root, `courses/sales-workflow/lead-grading.${lang}.mdx`), 'utf8');
      writeFileSync(join(root, `courses/sales-workflow/brand-new-module.${lang}.mdx`), model.replace(/^order: \d+$/m, 'order: 99').replace(/^prerequisites:.*$/m, ''));
    }
    await seedDemoOrganisation(t.db, { contentRoot: root });
    const done = await t.db.$client.execute("SELECT count(*) AS n FROM module_completions WHERE module_id = 'sales-workflow/brand-new-module'");
    expect(Number(done.rows[0]!.n)).toBe(0);
    const liu = await t.db.$client.execute(
      "SELECT count(*) AS n FROM module_completions c JOIN users u ON u.id = c.user_id WHERE u.email = 'liu.yang@demo.academy' AND c.module_id = 'sales-workflow/lead-grading'",
    );
    expect(Number(liu.rows[0]!.n)).toBe(1);
  });

  it('refuses to seed a database that already has people', async () => {
    await seedDemoOrganisation(t.db);
    await expect(seedDemoOrganisation(t.db)).rejects.toThrow(/already has users/);
  });
});
