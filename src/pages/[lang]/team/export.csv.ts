/**
 * The team matrix as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), one row per person as the dashboard filters and sorts them, headers in the page's language.
 */
import type { APIRoute } from 'astro';
import { t } from '../../../i18n/ui';
import { toCsv } from '../../../lib/spreadsheet/csv';
import { languageFromParam } from '../../../lib/http/page-language';
import { teamMatrixExport } from '../../../lib/promotion/server/team-export';
import { companyTimeZone } from '../../../lib/platform/server/company-time';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export const GET: APIRoute = async ({ params, locals, url }) => {
  const lang = languageFromParam(params.lang);
  if (!lang) return new Response(null, { status: 404 });
  const result = await teamMatrixExport(locals.db, locals.user!, lang, url.searchParams, { now: new Date(), zone: companyTimeZone() });
  if (result.kind === 'forbidden') return text(t(lang, 'error.forbidden'), 403);
  if (result.kind === 'not-found') return text(t(lang, 'team.none'), 404);
  return new Response(toCsv(result.rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${result.fileStem}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
