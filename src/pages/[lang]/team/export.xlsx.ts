/** The team matrix as an Excel workbook: the same rows as the CSV download, one sheet, typed cells, header in bold and frozen. */
import type { APIRoute } from 'astro';
import { t } from '../../../i18n/ui';
import { guardEndpoint } from '../../../lib/http/server/page-guard';
import { toXlsx } from '../../../lib/spreadsheet/xlsx';
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
  return new Response(await toXlsx(result.teamName, result.rows), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${result.fileStem}.xlsx"`,
      'cache-control': 'no-store',
    },
  });
};
