/** Admin: the xAPI statements of every learning event in a date range (company days), as JSON. */
import type { APIRoute } from 'astro';
import { t } from '../../../../i18n/ui';
import { guardEndpoint } from '../../../../lib/http/server/page-guard';
import { statementLookups } from '../../../../lib/platform/server/background-jobs';
import { publicOrigin, serverEnv } from '../../../../lib/platform/server/env';
import { statementsBetween } from '../../../../lib/xapi/server/outbox';
import { companyDayRange } from '../../../../lib/xapi/day-range';
import { companyTimeZone } from '../../../../lib/platform/server/company-time';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export const GET: APIRoute = async ({ params, locals, url }) => {
  const access = guardEndpoint({ params, locals, url }, { roles: ['admin'] });
  if (access instanceof Response) return access;
  const { lang, db } = access;
  const range = companyDayRange(url.searchParams.get('from'), url.searchParams.get('to'), companyTimeZone());
  if ('error' in range) return text(t(lang, range.error), 400);
  const statements = await statementsBetween(db, range.from, range.to, await statementLookups(publicOrigin(url), serverEnv().XAPI_ACTOR));
  return new Response(JSON.stringify(statements, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="xapi-statements-${range.fromDay}-to-${range.toDay}.json"`,
      'cache-control': 'no-store',
    },
  });
};
