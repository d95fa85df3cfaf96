/**
 * What the two team pages show, loaded and shaped here so the pages only check who is asking,
 * call one loader and render — and so a test can call the loaders directly with a real database.
 * Both take `now`, the company zone and the content (ladder and catalogue, which the pages read from
 * the content collections): nothing here reads the clock, the environment or Astro.
 */
import { t, type Language, type UiKey } from '../../../i18n/ui';
import type { Database } from '../../platform/server/db';
import { levelById, nextLevel } from '../ladder';
import { criterionKinds, newerFirst, readinessFor } from '../readiness';
import { applyTeamQuery, parseTeamQuery, teamQueryHref, type TeamSort } from '../team-matrix';
import { assignmentProgress } from '../../learning-records/assignments';
import type { Catalogue } from './ladder';
import type { Ladder } from '../ladder';
import { attemptHistory, loadLearnerRecords, namesOf } from './learner-records';
import { teamDashboard } from './team-dashboard';
import { paceOf, projectReadiness } from '../projection';
import { formerMembersOf } from '../../personal-data/server/former-members';
import { recentAudit } from '../../people/server/admin-users';
import { mayManagePerson, teamsVisibleTo, teamWithDescendants, type Actor, type TeamSummary } from '../../people/server/team-scope';

/** The ladder and curriculum the pages read from the content collections (loadLadder, loadCatalogue). */
export interface PageContent {
  ladder: Ladder;
  catalogue: Catalogue;
}

const sortLabel: Record<TeamSort, UiKey> = {
  name: 'team.col.name',
  level: 'team.col.level',
  readiness: 'team.col.readiness',
  activity: 'team.col.activity',
  overdue: 'team.col.overdue',
};

export interface TeamBoardRequest {
  /** The signed-in manager (or admin) asking. */
  actor: Actor;
  lang: Language;
  /** The page's query: ?team=…, and the table's sort, filter and search. */
  search: URLSearchParams;
  now: Date;
  zone: string;
  content: PageContent;
}

/**
 * The team dashboard for one of the teams the actor may see: `not-found` for a team they may not
 * see (a 404, so the page does not tell outsiders which team ids exist), `no-team` when they lead
 * none, else every row, header and link of the table.
 */
export async function loadTeamBoard(db: Database, request: TeamBoardRequest) {
  const { actor, lang, search, now, zone } = request;
  const { ladder, catalogue } = request.content;
  const teams: TeamSummary[] = await teamsVisibleTo(db, actor);
  const requested = search.get('team');
  const team = requested ? teams.find((t) => t.id === requested) : teams[0];
  if (requested && !team) return { kind: 'not-found' as const };
  if (!team) return { kind: 'no-team' as const, teams };
  const teamIds = await teamWithDescendants(db, team.id);
  const [views, former] = await Promise.all([teamDashboard(db, { teamIds, ladder, curriculum: catalogue, now, zone }), formerMembersOf(db, teamIds)]);
  const query = parseTeamQuery(search, ladder.map((l) => l.id));
  const rows = applyTeamQuery(views.map((v) => v.row), query);

  const base = `/${lang}/team/`;
  const teamParam: Record<string, string> = teams.length > 1 ? { team: team.id } : {};
  const levelName = (id: string | null) => (id ? (levelById(ladder, id)?.name[lang] ?? id) : '—');
  const sortHeader = (sort: TeamSort) => {
    const active = query.sort === sort;
    const dir = active ? (query.dir === 'desc' ? 'asc' : 'desc') : sort === 'name' ? 'asc' : 'desc';
    return {
      href: teamQueryHref(base, query, { sort, dir }, teamParam),
      ariaSort: active ? (query.dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : undefined,
      label: t(lang, sortLabel[sort]),
      arrow: active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : '',
    };
  };
  const records = new Map(views.map((v) => [v.person.id, v.records.record]));
  const board = {
    team,
    ladder,
    catalogue,
    query,
    now,
    teamParam,
    levelName,
    // "Where will they be, and when?": each person's projected ready day from their own pace.
    rows: rows.map((row) => {
      const record = records.get(row.userId)!;
      const readyDay = row.readiness ? projectReadiness(row.readiness, paceOf(record.completions.values(), now), now, zone).readyDay : null;
      return { row, missing: row.readiness?.criteria.filter((c) => c.status !== 'met') ?? [], readyDay };
    }),
    former,
    kinds: criterionKinds.filter((k) => views.some((v) => (v.row.byKind?.[k].total ?? 0) > 0)),
    total: views.length,
    ready: views.filter((v) => v.row.readiness?.ready).length,
    withOverdue: views.filter((v) => v.row.overdue > 0).length,
    leadingHeaders: (['name', 'level', 'readiness'] as const).map(sortHeader),
    trailingHeaders: (['activity', 'overdue'] as const).map(sortHeader),
    exportHref: teamQueryHref(`/${lang}/team/export.csv`, query, {}, { team: team.id }),
    exportXlsxHref: teamQueryHref(`/${lang}/team/export.xlsx`, query, {}, { team: team.id }),
    resetHref: teamQueryHref(base, { ...query, q: '', level: null, show: 'all' }, {}, teamParam),
    assignees: [
      { value: `team:${team.id}`, label: t(lang, 'team.assign.everyone', { team: team.name }) },
      ...views.filter((v) => v.person.id !== actor.id).map((v) => ({ value: v.person.id, label: v.person.name })),
    ],
    heatmapPeople: rows.map((r) => ({ id: r.userId, name: r.name, record: records.get(r.userId)! })),
  };
  return { kind: 'team' as const, teams, board };
}

export type TeamBoardView = Awaited<ReturnType<typeof loadTeamBoard>>;

export interface MemberPageRequest {
  actor: Actor;
  /** The person the page is about, as the URL names them. */
  userId: string;
  now: Date;
  zone: string;
  content: PageContent;
}

/**
 * One team member's page: `not-found` for anyone outside the actor's teams (or an id too long to
 * be one), else their criteria, attempts, evidence, sign-offs, promotions, assignments and audit.
 */
export async function loadMemberPage(db: Database, request: MemberPageRequest) {
  const { actor, userId, now, zone } = request;
  if (userId.length > 64 || !(await mayManagePerson(db, actor, userId))) return 'not-found' as const;
  const { ladder, catalogue } = request.content;
  const [found, attempts, audit] = await Promise.all([
    loadLearnerRecords(db, userId),
    attemptHistory(db, userId),
    recentAudit(db, { subjectUserId: userId, limit: 200 }),
  ]);
  if (!found) return 'not-found' as const;
  const { person, record, promotions, assignments } = found;
  const target = nextLevel(ladder, person.levelId);
  const readiness = target ? readinessFor(target, record, catalogue, now, zone) : null;
  const names = await namesOf(db, [
    ...record.kpis.map((k) => k.recordedBy),
    ...record.signOffs.map((s) => s.managerId),
    ...promotions.map((p) => p.promotedBy),
  ]);
  const signOff = readiness?.criteria.find((c) => c.kind === 'sign-off');
  return {
    person,
    record,
    promotions,
    ladder,
    catalogue,
    attempts,
    audit,
    names,
    now,
    target,
    readiness,
    currentSignOff: signOff?.kind === 'sign-off' ? signOff.signOff : null,
    kpis: [...record.kpis].sort(newerFirst),
    signOffs: [...record.signOffs].sort((a, b) => b.at.getTime() - a.at.getTime()),
    assignments: assignments.map((a) => ({ ...a, progress: assignmentProgress(a, record.completions, catalogue, now) })),
  };
}

export type MemberPageView = Exclude<Awaited<ReturnType<typeof loadMemberPage>>, 'not-found'>;
