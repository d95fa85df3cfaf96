/**
 * The team pages' loaders, called directly with a real database: what a manager's dashboard and a
 * member's page hold, and the 404s that keep other teams' people out of sight.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { teamMembers, teams } from '../../db/schema';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import type { Database } from '../../src/lib/platform/server/db';
import type { LadderLevel } from '../../src/lib/promotion/ladder';
import type { Catalogue } from '../../src/lib/promotion/server/ladder';
import { recordKpiEvidence, signOff } from '../../src/lib/promotion/server/decisions';
import { completeModule } from '../../src/lib/learning-records/server/progress';
import { loadMemberPage, loadTeamBoard, type PageContent } from '../../src/lib/promotion/server/team-page-loader';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const now = new Date('2026-11-20T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const noCriteria = { modules: [], courses: [], quizScoreMode: 'best' as const, exercises: [], kpis: [], minMonthsAtPreviousLevel: 0, managerSignOff: false };
const ladder: LadderLevel[] = [
  { id: 'junior', track: 'office', order: 1, name: { zh: '初级', en: 'Junior' }, description: { zh: '初级', en: 'Junior' }, criteria: noCriteria },
  {
    id: 'mid',
    track: 'office',
    order: 2,
    name: { zh: '中级', en: 'Mid' },
    description: { zh: '中级', en: 'Mid' },
    criteria: { ...noCriteria, courses: ['basics'], kpis: [{ metric: 'target-attainment', minPercent: 100 }], managerSignOff: true },
  },
];
const basicsOne = { moduleId: 'basics/one', courseId: 'basics', slug: 'one', order: 1, title: { zh: '第一课', en: 'Lesson one' }, quizId: undefined };
const catalogue: Catalogue = {
  courses: [{ id: 'basics', order: 1, title: { zh: '基础', en: 'Basics' }, modules: [basicsOne] }],
  modules: new Map([['basics/one', basicsOne]]),
  courseModules: new Map([['basics', ['basics/one']]]),
  moduleQuiz: new Map(),
  exerciseModule: new Map(),
  rubricTitles: new Map(),
  quizTitles: new Map(),
  exerciseTitles: new Map(),
};
const content: PageContent = { ladder, catalogue };

async function team(db: Database, id: string, name: string, managerId: string | null, memberIds: string[]) {
  await db.insert(teams).values({ id, name, managerId });
  for (const userId of memberIds) await db.insert(teamMembers).values({ userId, teamId: id });
}

/** 王芳 leads 华东 with two people, one of them ready for mid; 李强 leads 华北 with one. */
async function organisation(db: Database) {
  const wang = await insertUser(db, { role: 'manager', name: '王芳', levelId: 'mid' });
  const li = await insertUser(db, { role: 'manager', name: '李强', levelId: 'mid' });
  const ready = await insertUser(db, { name: '陈晨', levelSince: new Date(now.getTime() - 200 * DAY) });
  const notYet = await insertUser(db, { name: '赵磊' });
  const north = await insertUser(db, { name: '孙丽' });
  await team(db, 'east', '华东', wang.id, [ready.id, notYet.id]);
  await team(db, 'north', '华北', li.id, [north.id]);
  await completeModule(db, ready.id, 'basics/one', new Date(now.getTime() - 5 * DAY));
  await recordKpiEvidence(db, { actorId: wang.id, userId: ready.id, metric: 'target-attainment', valuePercent: 104, period: '2026-Q3', note: 'CRM', now });
  await signOff(db, { actorId: wang.id, userId: ready.id, levelId: 'mid', note: '', now });
  return { wang, li, ready, notYet, north };
}

describe('loadTeamBoard', () => {
  it("shows a manager their own team: everyone in it, who is ready, and the table's links", async () => {
    const { wang } = await organisation(t.db);
    const view = await loadTeamBoard(t.db, { actor: wang, lang: 'zh', search: new URLSearchParams(), now, zone: ZONE, content });
    expect(view.kind).toBe('team');
    if (view.kind !== 'team') return;
    expect(view.board.team).toMatchObject({ id: 'east', name: '华东' });
    expect(view.board.rows.map((r) => r.row.name).sort()).toEqual(['赵磊', '陈晨'].sort());
    expect({ total: view.board.total, ready: view.board.ready }).toEqual({ total: 2, ready: 1 });
    expect(view.board.exportHref).toMatch(/^\/zh\/team\/export\.csv\?.*team=east/);
    expect(view.board.assignees[0]).toEqual({ value: 'team:east', label: expect.stringContaining('华东') });
    // The one not ready yet lists what is missing; the ready one lists nothing.
    const byName = new Map(view.board.rows.map((r) => [r.row.name, r.missing.map((c) => c.kind)]));
    expect(byName.get('陈晨')).toEqual([]);
    expect(byName.get('赵磊')).toEqual(expect.arrayContaining(['course', 'kpi', 'sign-off']));
  });

  it("answers not-found for a team the manager does not lead, so other teams' ids stay hidden", async () => {
    const { wang } = await organisation(t.db);
    const view = await loadTeamBoard(t.db, { actor: wang, lang: 'en', search: new URLSearchParams({ team: 'north' }), now, zone: ZONE, content });
    expect(view).toEqual({ kind: 'not-found' });
  });

  it('says so when a manager leads no team yet', async () => {
    const newcomer = await insertUser(t.db, { role: 'manager', name: '周敏' });
    expect(await loadTeamBoard(t.db, { actor: newcomer, lang: 'zh', search: new URLSearchParams(), now, zone: ZONE, content })).toEqual({ kind: 'no-team', teams: [] });
  });

  it('applies the search in the query string to the rows and keeps it in the sort links', async () => {
    const { wang } = await organisation(t.db);
    const view = await loadTeamBoard(t.db, { actor: wang, lang: 'en', search: new URLSearchParams({ q: '陈' }), now, zone: ZONE, content });
    if (view.kind !== 'team') throw new Error(`expected a team, got ${view.kind}`);
    expect(view.board.rows.map((r) => r.row.name)).toEqual(['陈晨']);
    expect(view.board.total).toBe(2);
    expect(view.board.leadingHeaders[0]!.href).toContain(`q=${encodeURIComponent('陈')}`);
  });
});

describe('loadMemberPage', () => {
  it("gives a manager their person's readiness, evidence and who recorded it", async () => {
    const { wang, ready } = await organisation(t.db);
    const view = await loadMemberPage(t.db, { actor: wang, userId: ready.id, now, zone: ZONE, content });
    if (view === 'not-found') throw new Error('expected the member page');
    expect(view.person).toMatchObject({ id: ready.id, name: '陈晨' });
    expect(view.target?.id).toBe('mid');
    expect(view.readiness).toMatchObject({ ready: true });
    expect(view.kpis.map((k) => k.valuePercent)).toEqual([104]);
    expect(view.currentSignOff).not.toBeNull();
    expect(view.names.get(wang.id)).toBe('王芳');
  });

  it("answers not-found for someone on another manager's team, and for an id no one has", async () => {
    const { wang, north } = await organisation(t.db);
    expect(await loadMemberPage(t.db, { actor: wang, userId: north.id, now, zone: ZONE, content })).toBe('not-found');
    expect(await loadMemberPage(t.db, { actor: wang, userId: 'x'.repeat(65), now, zone: ZONE, content })).toBe('not-found');
    expect(await loadMemberPage(t.db, { actor: wang, userId: crypto.randomUUID(), now, zone: ZONE, content })).toBe('not-found');
  });
});
