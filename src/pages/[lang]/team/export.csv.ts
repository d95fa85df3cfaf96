/**
 * The team matrix as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), one row per person as the dashboard filters and sorts them, headers in the page's language.
 */
import type { APIRoute } from 'astro';
import { htmlLang, t } from '../../../i18n/ui';
import { toCsv } from '../../../lib/csv';
import { levelById } from '../../../lib/ladder';
import { languageFromParam } from '../../../lib/page-language';
import { criterionGap, kindKey } from '../../../lib/promotion-text';
import { criterionKinds } from '../../../lib/readiness';
import { applyTeamQuery, parseTeamQuery } from '../../../lib/team-matrix';
import { loadCatalogue, loadLadder, titlesIn } from '../../../lib/server/ladder';
import { teamDashboard } from '../../../lib/server/team-dashboard';
import { mayUseTeamPages, teamsVisibleTo, teamWithDescendants } from '../../../lib/server/team-scope';

export const GET: APIRoute = async ({ params, locals, url }) => {
  const lang = languageFromParam(params.lang);
  if (!lang) return new Response(null, { status: 404 });
  const user = locals.user!;
  if (!mayUseTeamPages(user)) return new Response(t(lang, 'error.forbidden'), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  const teams = await teamsVisibleTo(locals.db, user);
  const requested = url.searchParams.get('team');
  const team = requested ? teams.find((x) => x.id === requested) : teams[0];
  if (!team) return new Response(t(lang, 'team.none'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  const [ladder, catalogue] = await Promise.all([loadLadder(), loadCatalogue()]);
  const now = new Date();
  const views = await teamDashboard(locals.db, { teamIds: await teamWithDescendants(locals.db, team.id), ladder, curriculum: catalogue, now });
  const rows = applyTeamQuery(
    views.map((v) => v.row),
    parseTeamQuery(url.searchParams, ladder.map((l) => l.id)),
  );
  const titles = titlesIn(catalogue, lang);
  const date = (d: Date) => d.toLocaleDateString(htmlLang[lang], { timeZone: 'Asia/Shanghai' });
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
  const body = rows.map((row) => [
    row.name,
    row.email,
    team.name,
    levelName(row.levelId),
    levelName(row.nextLevelId),
    row.readiness ? t(lang, row.readiness.ready ? 'team.yes' : 'team.no') : '',
    row.readiness ? `${Math.round(row.readiness.share * 100)}%` : '',
    ...kinds.map((k) => {
      const cell = row.byKind?.[k];
      return cell && cell.total > 0 ? `${cell.met}/${cell.total}` : '';
    }),
    (row.readiness?.criteria ?? [])
      .filter((c) => c.status !== 'met')
      .map((c) => criterionGap(lang, c, titles, date))
      .join(lang === 'zh' ? '；' : '; '),
    row.lastActivity ? date(row.lastActivity) : '',
    row.overdue,
  ]);

  const stamp = now.toISOString().slice(0, 10);
  const fileName = `team-${team.id}-${stamp}.csv`;
  return new Response(toCsv([header, ...body]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
};
