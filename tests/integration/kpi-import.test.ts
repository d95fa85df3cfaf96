import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { auditLog, kpiEvidence, kpiImportDrafts, teamMembers, teams } from '../../db/schema';
import { confirmKpiImport, previewKpiImport, KpiImportError, DRAFT_TTL_MS } from '../../src/lib/kpi-import/server/store';
import { loadLearnerRecords } from '../../src/lib/promotion/server/learner-records';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const zone = 'Asia/Shanghai';
const now = new Date('2026-06-03T02:00:00Z');
const bytes = (s: string) => new TextEncoder().encode(s);

async function organisation() {
  const manager = await insertUser(t.db, { name: '王经理', role: 'manager', email: 'boss@test.academy' });
  const otherManager = await insertUser(t.db, { name: '北经理', role: 'manager', email: 'north@test.academy' });
  const admin = await insertUser(t.db, { name: 'Admin', role: 'admin', email: 'admin@test.academy' });
  const zhou = await insertUser(t.db, { name: '周敏', email: 'zhou@test.academy', employeeNumber: 'E1001' });
  const chen = await insertUser(t.db, { name: '陈杰', email: 'chen@test.academy', employeeNumber: 'E1002' });
  const wu = await insertUser(t.db, { name: '吴昊', email: 'wu@test.academy', employeeNumber: 'E2001' });
  await t.db.insert(teams).values([
    { id: 'east', name: '华东', managerId: manager.id },
    { id: 'north', name: '华北', managerId: otherManager.id },
  ]);
  await t.db.insert(teamMembers).values([
    { userId: zhou.id, teamId: 'east' },
    { userId: chen.id, teamId: 'east' },
    { userId: wu.id, teamId: 'north' },
  ]);
  return { manager, otherManager, admin, zhou, chen, wu };
}

const FILE = '工号,邮箱,指标,数值,期间\nE1001,,达成率,104%,2026年5月\n,chen@test.academy,客户满意度,"1,000",2026-Q2\n';

describe('KPI import', () => {
  it('previews every row before → after, writes them in one audited go, and an identical second upload changes nothing', async () => {
    const { manager, zhou, chen } = await organisation();
    const preview = await previewKpiImport(t.db, manager, 'crm.csv', bytes(FILE), zone, now);
    if (!preview.ok) throw new Error('unreadable');
    expect(preview.problems).toEqual([]);
    expect(preview.planned.map((p) => [p.userId, p.metric, p.period, p.before, p.valuePercent, p.status])).toEqual([
      [zhou.id, 'target-attainment', '2026-05', null, 104, 'new'],
      [chen.id, 'customer-satisfaction', '2026-Q2', null, 1000, 'new'],
    ]);
    expect(await t.db.select().from(kpiEvidence)).toEqual([]);

    expect(await confirmKpiImport(t.db, manager, preview.draftId!, preview.fileHash, now)).toEqual({ written: 2, unchanged: 0 });
    const record = await loadLearnerRecords(t.db, zhou.id);
    expect(record!.record.kpis).toMatchObject([{ metric: 'target-attainment', valuePercent: 104, period: '2026-05', recordedBy: manager.id }]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'kpi.recorded'));
    expect(audit.map((a) => a.subjectUserId).sort()).toEqual([zhou.id, chen.id].sort());
    expect(audit.find((a) => a.subjectUserId === zhou.id)!.after).toMatchObject({ valuePercent: 104, line: 2 });

    // The same draft cannot be confirmed twice.
    await expect(confirmKpiImport(t.db, manager, preview.draftId!, preview.fileHash, now)).rejects.toBeInstanceOf(KpiImportError);
    const again = await previewKpiImport(t.db, manager, 'crm.csv', bytes(FILE), zone, now);
    expect(again.ok && again.planned.map((p) => p.status)).toEqual(['same', 'same']);
    expect(again.ok && again.draftId).toBeNull();
    expect(await t.db.select().from(kpiEvidence)).toHaveLength(2);
  });

  it('shows a changed value as before → after and writes only the changed row', async () => {
    const { manager, zhou } = await organisation();
    const first = await previewKpiImport(t.db, manager, 'a.csv', bytes(FILE), zone, now);
    await confirmKpiImport(t.db, manager, first.ok ? first.draftId! : '', first.ok ? first.fileHash : '', now);
    const changed = FILE.replace('104%', '98.5%');
    const preview = await previewKpiImport(t.db, manager, 'b.csv', bytes(changed), zone, now);
    if (!preview.ok) throw new Error('unreadable');
    expect(preview.planned.map((p) => [p.status, p.before, p.valuePercent])).toEqual([
      ['changed', 104, 98.5],
      ['same', 1000, 1000],
    ]);
    expect(await confirmKpiImport(t.db, manager, preview.draftId!, preview.fileHash, now)).toEqual({ written: 1, unchanged: 1 });
    const kpis = (await loadLearnerRecords(t.db, zhou.id))!.record.kpis;
    expect(kpis.map((k) => k.valuePercent).sort()).toEqual([104, 98.5].sort());
  });

  it('lets a manager name only their own team: someone on another team is a bad row, and an admin may name anyone', async () => {
    const { manager, admin, wu } = await organisation();
    const file = 'email,kpi,value,period\nwu@test.academy,growth,12,2026-05\n';
    const preview = await previewKpiImport(t.db, manager, 'x.csv', bytes(file), zone, now);
    expect(preview.ok && preview.problems).toEqual([{ line: 2, code: 'person.unknown', value: 'wu@test.academy' }]);
    expect(preview.ok && preview.draftId).toBeNull();
    const byAdmin = await previewKpiImport(t.db, admin, 'x.csv', bytes(file), zone, now);
    expect(byAdmin.ok && byAdmin.planned.map((p) => p.userId)).toEqual([wu.id]);
    // A learner names nobody.
    const byLearner = await previewKpiImport(t.db, wu, 'x.csv', bytes(file), zone, now);
    expect(byLearner.ok && byLearner.problems.map((p) => p.code)).toEqual(['person.unknown']);
  });

  it('writes nothing from a 10,000-row file with one bad line, and all of it once the line is fixed', async () => {
    const { manager } = await organisation();
    // 10,000 distinct (person, KPI, period) rows inside the importable window (ten years back, one
    // ahead): fourteen people × four KPIs × 179 periods of 2017 to 2026.
    const extra = await Promise.all(Array.from({ length: 12 }, (_, n) => insertUser(t.db, { name: `销售${n}`, email: `s${n}@test.academy` })));
    await t.db.insert(teamMembers).values(extra.map((u) => ({ userId: u.id, teamId: 'east' })));
    const emails = ['zhou@test.academy', 'chen@test.academy', ...extra.map((_, n) => `s${n}@test.academy`)];
    const periods = Array.from({ length: 10 }, (_, y) => 2017 + y).flatMap((y) => [`${y}`, `${y}-H1`, `${y}-H2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`)]);
    const lines = ['email,kpi,value,period'];
    for (let i = 0; i < 10_000; i++) lines.push(`${emails[i % 14]},${['target-attainment', 'csat', 'growth', 'conversion'][Math.floor(i / 14) % 4]},${i % 97},${periods[Math.floor(i / 56)]}`);
    const good = lines.join('\n');
    const bad = [...lines.slice(0, 5001), 'zhou@test.academy,csat,oops,2026-05', ...lines.slice(5002)].join('\n');
    const refused = await previewKpiImport(t.db, manager, 'big.csv', bytes(bad), zone, now);
    expect(refused.ok && refused.problems).toEqual([{ line: 5002, code: 'value.unreadable', value: 'oops' }]);
    expect(refused.ok && refused.draftId).toBeNull();
    expect(await t.db.select().from(kpiImportDrafts)).toEqual([]);

    const fixed = await previewKpiImport(t.db, manager, 'big.csv', bytes(good), zone, now);
    if (!fixed.ok) throw new Error('unreadable');
    expect(fixed.problems).toEqual([]);
    const distinct = fixed.planned.length;
    expect(distinct).toBe(10_000);
    expect(await confirmKpiImport(t.db, manager, fixed.draftId!, fixed.fileHash, now)).toEqual({ written: distinct, unchanged: 0 });
    expect(await t.db.$count(kpiEvidence)).toBe(distinct);
    expect(await t.db.$count(auditLog, eq(auditLog.action, 'kpi.recorded'))).toBe(distinct);
  }, 60_000);

  it('refuses a draft that is someone else’s, expired, or for a different file', async () => {
    const { manager, otherManager } = await organisation();
    const preview = await previewKpiImport(t.db, manager, 'crm.csv', bytes(FILE), zone, now);
    if (!preview.ok) throw new Error('unreadable');
    await expect(confirmKpiImport(t.db, otherManager, preview.draftId!, preview.fileHash, now)).rejects.toMatchObject({ code: 'expired' });
    await expect(confirmKpiImport(t.db, manager, preview.draftId!, 'f'.repeat(64), now)).rejects.toMatchObject({ code: 'expired' });
    await expect(confirmKpiImport(t.db, manager, preview.draftId!, preview.fileHash, new Date(now.getTime() + DRAFT_TTL_MS + 1))).rejects.toMatchObject({ code: 'expired' });
    expect(await t.db.$count(kpiEvidence)).toBe(0);
  });

  it('refuses the whole file when someone in it left the team between preview and confirmation', async () => {
    const { manager, zhou } = await organisation();
    const preview = await previewKpiImport(t.db, manager, 'crm.csv', bytes(FILE), zone, now);
    if (!preview.ok) throw new Error('unreadable');
    await t.db.update(teamMembers).set({ teamId: 'north' }).where(eq(teamMembers.userId, zhou.id));
    await expect(confirmKpiImport(t.db, manager, preview.draftId!, preview.fileHash, now)).rejects.toMatchObject({ code: 'stale' });
    expect(await t.db.$count(kpiEvidence)).toBe(0);
  });
});
