/**
 * The team matrix as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), one row per person as the dashboard filters and sorts them, headers in the page's language.
 */
import type { APIRoute } from 'astro';
import { t } from '../../../i18n/ui';
import { toCsv } from '../../../lib/spreadsheet/csv';
import { guardEndpoint } from '../../../lib/http/server/page-guard';
import { teamMatrixExport } from '../../../lib/promotion/server/team-export';
import { companyTimeZone } from '../../../lib/platform/server/company-time';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export const GET: APIRoute = async (context) => {
  const access = guardEndpoint(context);
  if (access instanceof Response) return access;
  const { lang, user, db } = access;
  const result = await teamMatrixExport(db, user, lang, context.url.searchParams, { now: new Date(), zone: companyTimeZone() });
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
