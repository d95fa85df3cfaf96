/**
 * The team matrix as a table of plain cells, for the CSV and XLSX downloads: one row per person as
 * the dashboard filters and sorts them, headers in the page's language. Authorization is the same
 * as the dashboard's: managers and admins only, and only the teams they may see.
 */
import { t, type Language } from '../../../i18n/ui';
import { calendarFor, dayKey } from '../../dates';
import type { Cell } from '../../spreadsheet/cells';
import { levelById } from '../ladder';
import { criterionGap, kindKey } from '../criterion-text';
import { criterionKinds } from '../readiness';
import { applyTeamQuery, parseTeamQuery } from '../team-matrix';
import type { Database } from '../../platform/server/db';
import { loadCatalogue, loadLadder, titlesIn } from './ladder';
import { teamDashboard } from './team-dashboard';
import { mayUseTeamPages, teamsVisibleTo, teamWithDescendants, type Actor } from '../../people/server/team-scope';

export type TeamExport =
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'table'; teamName: string; fileStem: string; rows: Cell[][] };

/** `zone` is the company time zone: the day of last activity and the file's date are days there. */
export async function teamMatrixExport(
  db: Database,
  actor: Actor,
  lang: Language,
  query: URLSearchParams,
  { now, zone }: { now: Date; zone: string },
): Promise<TeamExport> {
  if (!mayUseTeamPages(actor)) return { kind: 'forbidden' };
  const teams = await teamsVisibleTo(db, actor);
  const requested = query.get('team');
  const team = requested ? teams.find((x) => x.id === requested) : teams[0];
  if (!team) return { kind: 'not-found' };

  const [ladder, catalogue] = await Promise.all([loadLadder(), loadCatalogue()]);
  const views = await teamDashboard(db, { teamIds: await teamWithDescendants(db, team.id), ladder, curriculum: catalogue, now, zone });
  const rows = applyTeamQuery(
    views.map((v) => v.row),
    parseTeamQuery(query, ladder.map((l) => l.id)),
  );
  const titles = titlesIn(catalogue, lang, ladder);
  const { date } = calendarFor(lang, zone);
  const levelName = (id: string | null) => (id ? (levelById(ladder, id)?.name[lang] ?? id) : '');
  const kinds = criterionKinds.filter((k) => views.some((v) => (v.row.byKind?.[k].total ?? 0) > 0));

  const header = [
    t(lang, 'team.csv.name'),
    t(lang, 'team.csv.email'),
    t(lang, 'team.csv.team'),
    t(lang, 'team.csv.level'),
    t(lang, 'team.csv.next'),
    t(lang, 'team.csv.ready'),
    t(lang, 'team.csv.share'),
    ...kinds.map((k) => t(lang, 'team.csv.kind', { kind: t(lang, kindKey[k]) })),
    t(lang, 'team.csv.missing'),
    t(lang, 'team.csv.activity'),
    t(lang, 'team.csv.overdue'),
  ];
  const body = rows.map((row): Cell[] => [
    row.name,
    row.email,
    team.name,
    levelName(row.levelId),
    levelName(row.nextLevelId),
    row.readiness ? t(lang, row.readiness.ready ? 'team.yes' : 'team.no') : '',
    row.readiness ? { percent: row.readiness.share } : null,
    ...kinds.map((k) => {
      const cell = row.byKind?.[k];
      // "met/total" is text: a CSV or sheet must not turn 1/2 into 2 January.
      return cell && cell.total > 0 ? `${cell.met}/${cell.total}` : '';
    }),
    (row.readiness?.criteria ?? [])
      .filter((c) => c.status !== 'met')
      .map((c) => criterionGap(lang, c, titles, date))
      .join(lang === 'zh' ? '；' : '; '),
    row.lastActivity ? { day: dayKey(row.lastActivity, zone) } : null,
    row.overdue,
  ]);
  return { kind: 'table', teamName: team.name, fileStem: `team-${team.id}-${dayKey(now, zone)}`.replace(/[^\w.-]/g, '_'), rows: [header, ...body] };
}
