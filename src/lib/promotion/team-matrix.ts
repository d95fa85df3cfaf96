/**
 * The manager's team table: one row per person, sorted and filtered by query parameters so that
 * it works without JavaScript. Pure.
 */
import { metByKind, type CriterionKind, type Readiness } from './readiness';
import { compareNames } from '../people/ordering';
import { personMatches } from '../people/search';

export interface TeamRow {
  userId: string;
  name: string;
  email: string;
  levelId: string;
  levelOrder: number;
  nextLevelId: string | null;
  /** Null at the top of the ladder. */
  readiness: Readiness | null;
  byKind: Record<CriterionKind, { met: number; total: number }> | null;
  lastActivity: Date | null;
  overdue: number;
  openAssignments: number;
}

export const teamSorts = ['name', 'level', 'readiness', 'activity', 'overdue'] as const;
export type TeamSort = (typeof teamSorts)[number];
export const teamFilters = ['all', 'ready', 'not-ready', 'overdue'] as const;
export type TeamFilter = (typeof teamFilters)[number];

export interface TeamQuery {
  sort: TeamSort;
  dir: 'asc' | 'desc';
  show: TeamFilter;
  level: string | null;
  q: string;
}

export const defaultTeamQuery: TeamQuery = { sort: 'readiness', dir: 'desc', show: 'all', level: null, q: '' };

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** Reads the table's state from the URL; anything unknown falls back to the default. */
export function parseTeamQuery(params: URLSearchParams, levelIds: readonly string[]): TeamQuery {
  const level = params.get('level');
  return {
    sort: oneOf(teamSorts, params.get('sort'), defaultTeamQuery.sort),
    dir: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : defaultTeamQuery.dir,
    show: oneOf(teamFilters, params.get('show'), 'all'),
    level: level && levelIds.includes(level) ? level : null,
    q: (params.get('q') ?? '').trim().slice(0, 100),
  };
}

export function buildTeamRow(
  person: Omit<TeamRow, 'byKind' | 'readiness'>,
  readiness: Readiness | null,
): TeamRow {
  return { ...person, readiness, byKind: readiness ? metByKind(readiness) : null };
}


function compare(a: TeamRow, b: TeamRow, sort: TeamSort): number {
  switch (sort) {
    case 'name':
      return compareNames(a.name, b.name);
    case 'level':
      return a.levelOrder - b.levelOrder;
    case 'readiness':
      // Ready people first, then by share of criteria met; the top of the ladder sorts last.
      return (a.readiness?.share ?? -1) - (b.readiness?.share ?? -1);
    case 'activity':
      return (a.lastActivity?.getTime() ?? 0) - (b.lastActivity?.getTime() ?? 0);
    case 'overdue':
      return a.overdue - b.overdue;
  }
}

export function applyTeamQuery(rows: readonly TeamRow[], query: TeamQuery): TeamRow[] {
  const kept = rows.filter(
    (r) =>
      (query.level === null || r.levelId === query.level) &&
      personMatches(query.q, r) &&
      (query.show === 'all' ||
        (query.show === 'ready' && r.readiness?.ready === true) ||
        (query.show === 'not-ready' && r.readiness !== null && !r.readiness.ready) ||
        (query.show === 'overdue' && r.overdue > 0)),
  );
  const sign = query.dir === 'asc' ? 1 : -1;
  return kept.sort((a, b) => sign * compare(a, b, query.sort) || compareNames(a.name, b.name));
}

/** The URL of the same table with some query values changed; defaults are left out. */
export function teamQueryHref(base: string, query: TeamQuery, change: Partial<TeamQuery>, extra: Record<string, string> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams(extra);
  if (next.sort !== defaultTeamQuery.sort) params.set('sort', next.sort);
  if (next.dir !== defaultTeamQuery.dir) params.set('dir', next.dir);
  if (next.show !== 'all') params.set('show', next.show);
  if (next.level) params.set('level', next.level);
  if (next.q) params.set('q', next.q);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
