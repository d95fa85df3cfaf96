import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { eq } from 'drizzle-orm';
import { auditLog, teamMembers, teams, users } from '../../db/schema';
import { importUserRows } from '../../src/lib/people/server/import';
import { importLookups, readImportFile } from '../../src/lib/people/user-import';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-23T10:00:00Z');

async function setup() {
  const admin = await insertUser(t.db, { role: 'admin' });
  await insertUser(t.db, { email: 'already@test.academy' });
  await t.db.insert(teams).values({ id: 'team-a', name: '华东销售一组' });
  const teamRows = await t.db.select({ id: teams.id, name: teams.name }).from(teams);
  const lookups = importLookups([{ id: 'junior', order: 1, names: ['初级销售'] }, { id: 'mid', order: 2, names: ['中级销售'] }], teamRows);
  return { admin, lookups };
}

const csv = [
  'email,name,role,level,team',
  'ok.one@test.academy,王芳,learner,junior,华东销售一组',
  'bad-email,无效邮箱,learner,junior,',
  'ok.two@test.academy,Li Lei,学员,中级销售,',
  'already@test.academy,已存在,learner,junior,',
  'ok.one@test.academy,重复,learner,junior,',
  'no.team@test.academy,没有团队,learner,junior,不存在的团队',
].join('\n');

describe('importing people from CSV', () => {
  it('lands the good rows and reports every bad one with its line and reason', async () => {
    const { admin, lookups } = await setup();
    const read = readImportFile(csv);
    if (!read.ok) throw new Error('unreadable');
    const outcomes = await importUserRows(t.db, admin.id, read.rows, lookups, now);
    expect(outcomes.map((o) => [o.line, o.status, o.status === 'failed' ? o.problems.map((p) => p.code) : []])).toEqual([
      [2, 'created', []],
      [3, 'failed', ['email.invalid']],
      [4, 'created', []],
      [5, 'failed', ['email.taken']],
      [6, 'failed', ['email.duplicate']],
      [7, 'failed', ['team.unknown']],
    ]);
    const emails = (await t.db.select({ email: users.email }).from(users).all()).map((u) => u.email).sort();
    expect(emails).toContain('ok.one@test.academy');
    expect(emails).toContain('ok.two@test.academy');
    expect(emails).not.toContain('no.team@test.academy');
    expect(emails).not.toContain('bad-email');
  });

  it('writes each imported account whole: user, team membership and audit row, and nothing for a failed row', async () => {
    const { admin, lookups } = await setup();
    const read = readImportFile(csv);
    if (!read.ok) throw new Error('unreadable');
    const outcomes = await importUserRows(t.db, admin.id, read.rows, lookups, now);
    const created = outcomes.filter((o) => o.status === 'created');
    const audit = await t.db.select().from(auditLog).all();
    expect(audit).toHaveLength(created.length);
    expect(audit.every((a) => a.action === 'user.imported' && a.actorId === admin.id)).toBe(true);
    const members = await t.db.select().from(teamMembers).all();
    expect(members).toHaveLength(1);
    const imported = await t.db.select().from(users).all();
    expect(imported.filter((u) => u.email.startsWith('ok.')).every((u) => u.passwordHash === null && u.levelSince.getTime() === now.getTime())).toBe(true);
  });

  it('reports a row as taken when the same email is imported again in a later batch', async () => {
    const { admin, lookups } = await setup();
    const row = { line: 2, email: 'again@test.academy', name: 'Again', role: '', level: '', team: '' };
    expect((await importUserRows(t.db, admin.id, [row], lookups, now))[0]!.status).toBe('created');
    const second = await importUserRows(t.db, admin.id, [{ ...row, line: 900 }], lookups, now);
    expect(second).toEqual([{ line: 900, email: 'again@test.academy', status: 'failed', problems: [{ field: 'email', code: 'email.taken', value: 'again@test.academy' }] }]);
  });

  it('stores employee numbers from an optional 工号 column, refusing one used twice or already taken', async () => {
    const { admin, lookups } = await setup();
    await insertUser(t.db, { email: 'holder@test.academy', employeeNumber: 'E0001' });
    const read = readImportFile(['email,name,role,level,team,工号', 'a@test.academy,甲,,,,ｅ１００１', 'b@test.academy,乙,,,,E1001', 'c@test.academy,丙,,,,E0001', 'd@test.academy,丁,,,,E 9', 'e@test.academy,戊,,,,'].join('\n'));
    if (!read.ok) throw new Error('unreadable');
    const outcomes = await importUserRows(t.db, admin.id, read.rows, lookups, now);
    expect(outcomes.map((o) => [o.line, o.status, o.status === 'failed' ? o.problems.map((p) => p.code) : []])).toEqual([
      [2, 'created', []],
      [3, 'failed', ['employee.duplicate']],
      [4, 'failed', ['employee.taken']],
      [5, 'failed', ['employee.invalid']],
      [6, 'created', []],
    ]);
    expect(await t.db.select({ n: users.employeeNumber }).from(users).where(eq(users.email, 'a@test.academy'))).toEqual([{ n: 'E1001' }]);
    expect(await t.db.select({ n: users.employeeNumber }).from(users).where(eq(users.email, 'e@test.academy'))).toEqual([{ n: null }]);
  });
});
