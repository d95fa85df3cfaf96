import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { assignmentProgress, dueAtFromDate } from '../../src/lib/learning-records/assignments';
import { dayKey } from '../../src/lib/dates';
import { levelById, nextLevel, sortLadder, type LadderLevel } from '../../src/lib/promotion/ladder';
import { applyTeamQuery, buildTeamRow, defaultTeamQuery, parseTeamQuery, teamQueryHref, type TeamRow } from '../../src/lib/promotion/team-matrix';
import { readinessFor, emptyRecord } from '../../src/lib/promotion/readiness';
import { teamErrorKey } from '../../src/lib/promotion/team-messages';
import { criteria, curriculum, fullLevel, now, readyRecord, since } from './readiness-fixtures';

describe('assignmentProgress', () => {
  const due = new Date('2026-09-01T00:00:00Z');
  const course = { targetType: 'course' as const, targetId: 'basics', dueAt: due };

  it('is open before the due date, overdue after it, done once every module is complete', () => {
    const some = new Map([['basics/one', new Date('2026-08-01T00:00:00Z')]]);
    expect(assignmentProgress(course, some, curriculum, new Date('2026-08-31T00:00:00Z'))).toMatchObject({ status: 'open', done: 1, total: 3 });
    expect(assignmentProgress(course, some, curriculum, new Date('2026-09-01T00:00:01Z'))).toMatchObject({ status: 'overdue', completedAt: null });
    const all = new Map(['basics/one', 'basics/two', 'basics/three'].map((m, i) => [m, new Date(Date.UTC(2026, 7, 10 + i))]));
    expect(assignmentProgress(course, all, curriculum, new Date('2027-01-01T00:00:00Z'))).toMatchObject({
      status: 'done',
      completedAt: new Date(Date.UTC(2026, 7, 12)),
      late: false,
    });
  });

  it('notes work finished after the due date as late, and is never overdue once done', () => {
    const module = { targetType: 'module' as const, targetId: 'skills/ask', dueAt: due };
    const late = new Map([['skills/ask', new Date('2026-09-03T00:00:00Z')]]);
    expect(assignmentProgress(module, late, curriculum, new Date('2026-10-01T00:00:00Z'))).toMatchObject({ status: 'done', late: true, done: 1, total: 1 });
  });

  it('judges an assignment by the modules it asked for, so a module added to the course later cannot make finished work overdue', () => {
    const asked = { ...course, moduleIds: ['basics/one', 'basics/two'] };
    const both = new Map([['basics/one', new Date('2026-08-10T00:00:00Z')], ['basics/two', new Date('2026-08-11T00:00:00Z')]]);
    const progress = assignmentProgress(asked, both, curriculum, new Date('2026-10-01T00:00:00Z'));
    expect(progress).toMatchObject({ status: 'done', late: false, done: 2, total: 2, addedSince: 1 });
    // Without the snapshot (assignments made before it was kept) the course as it is now counts.
    expect(assignmentProgress(course, both, curriculum, new Date('2026-10-01T00:00:00Z'))).toMatchObject({ status: 'overdue', total: 3, addedSince: 0 });
  });

  it('drops a module that has left the curriculum since unless it was done, so the assignment can still be finished', () => {
    const asked = { ...course, moduleIds: ['basics/one', 'basics/gone', 'basics/retired'] };
    const done = new Map([['basics/one', new Date('2026-08-10T00:00:00Z')], ['basics/retired', new Date('2026-08-09T00:00:00Z')]]);
    expect(assignmentProgress(asked, done, curriculum, new Date('2026-10-01T00:00:00Z'))).toMatchObject({ status: 'done', done: 2, total: 2, addedSince: 2 });
  });

  it('reads a due date as the end of that day in the company time zone', () => {
    expect(dueAtFromDate('2026-07-01', ZONE)).toEqual(new Date('2026-07-01T15:59:59.999Z'));
    expect(dueAtFromDate('2026-07-01', 'Europe/Berlin')).toEqual(new Date('2026-07-01T21:59:59.999Z'));
    expect(dayKey(new Date('2026-07-01T15:59:59.999Z'), ZONE)).toBe('2026-07-01');
    expect(dayKey(new Date('2026-07-01T16:00:00Z'), ZONE)).toBe('2026-07-02');
    for (const bad of ['2026-02-30', '2026-13-01', '01/07/2026', '2026-7-1', '']) expect(dueAtFromDate(bad, ZONE), bad).toBeNull();
  });
});

describe('the ladder', () => {
  const level = (id: string, order: number, track: LadderLevel['track'] = 'office'): LadderLevel => ({ id, track, order, name: { zh: id, en: id }, description: { zh: id, en: id }, criteria: criteria() });
  const ladder = sortLadder([level('senior', 3), level('junior', 1), level('mid', 2)]);

  it('orders levels by rung and finds the next one up', () => {
    expect(ladder.map((l) => l.id)).toEqual(['junior', 'mid', 'senior']);
    expect(nextLevel(ladder, 'junior')?.id).toBe('mid');
    expect(nextLevel(ladder, 'senior')).toBeNull();
    expect(nextLevel(ladder, 'retired')).toBeNull();
    expect(levelById(ladder, 'mid')?.order).toBe(2);
  });

  it('skips gaps in the numbering', () => {
    expect(nextLevel([level('a', 1), level('c', 7), level('b', 4)], 'a')?.id).toBe('b');
  });
});

describe('the team table', () => {
  const person = (name: string, extra: Partial<TeamRow> = {}, record = emptyRecord(name, 'junior', since)): TeamRow =>
    buildTeamRow(
      { userId: name, name, email: `${name}@x.test`, levelId: 'junior', levelOrder: 1, nextLevelId: 'mid', lastActivity: null, overdue: 0, openAssignments: 0, ...extra },
      readinessFor(fullLevel, record, curriculum, now, ZONE),
    );
  const rows = [
    person('刘洋', { lastActivity: new Date('2026-08-01T00:00:00Z') }, readyRecord()),
    person('陈杰', { overdue: 2, lastActivity: new Date('2026-08-05T00:00:00Z') }),
    person('周敏', { levelId: 'mid', levelOrder: 2 }),
  ];

  it('reads its state from the URL and ignores anything unknown', () => {
    expect(parseTeamQuery(new URLSearchParams('sort=name&dir=asc&show=ready&level=mid&q=%20刘%20'), ['junior', 'mid'])).toEqual({
      sort: 'name',
      dir: 'asc',
      show: 'ready',
      level: 'mid',
      q: '刘',
    });
    expect(parseTeamQuery(new URLSearchParams('sort=salary&dir=up&show=everyone&level=ceo'), ['junior'])).toEqual(defaultTeamQuery);
  });

  it('sorts by readiness with ready people first by default, and names in pinyin order', () => {
    expect(applyTeamQuery(rows, defaultTeamQuery).map((r) => r.name)[0]).toBe('刘洋');
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, sort: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['陈杰', '刘洋', '周敏']);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, sort: 'activity', dir: 'desc' }).map((r) => r.name)).toEqual(['陈杰', '刘洋', '周敏']);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, sort: 'overdue', dir: 'desc' }).map((r) => r.name)[0]).toBe('陈杰');
  });

  it('filters by readiness, overdue work, level and name or email', () => {
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, show: 'ready' }).map((r) => r.name)).toEqual(['刘洋']);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, show: 'not-ready' })).toHaveLength(2);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, show: 'overdue' }).map((r) => r.name)).toEqual(['陈杰']);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, level: 'mid' }).map((r) => r.name)).toEqual(['周敏']);
    expect(applyTeamQuery(rows, { ...defaultTeamQuery, q: '周敏@X' }).map((r) => r.name)).toEqual(['周敏']);
  });

  it('builds links that keep the other settings and leave defaults out', () => {
    const query = { ...defaultTeamQuery, show: 'ready' as const };
    expect(teamQueryHref('/zh/team/', query, { sort: 'name', dir: 'asc' }, { team: 'east' })).toBe('/zh/team/?team=east&sort=name&dir=asc&show=ready');
    expect(teamQueryHref('/zh/team/', defaultTeamQuery, {})).toBe('/zh/team/');
  });
});

describe('teamErrorKey', () => {
  it('translates known refusals and hides anything else behind a generic message', () => {
    expect(teamErrorKey({ code: 'PRECONDITION_FAILED', message: 'team.error.notReady' }, false)).toBe('team.error.notReady');
    expect(teamErrorKey({ code: 'BAD_REQUEST', message: 'anything' }, true)).toBe('team.error.input');
    expect(teamErrorKey({ code: 'INTERNAL_SERVER_ERROR', message: 'SQLITE_BUSY: database is locked' }, false)).toBe('error.badRequest');
    expect(teamErrorKey({ code: 'UNAUTHORIZED', message: 'x' }, false)).toBe('error.unauthorized');
  });
});
