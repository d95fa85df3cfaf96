/**
 * "Download my data": everything the platform holds about the signed-in person as one JSON file
 * (lib/personal-data/export.ts). Only ever their own: the person is the session's, never a parameter.
 */
import type { APIRoute } from 'astro';
import { languageFromParam } from '../../../lib/http/page-language';
import { collectPersonalData } from '../../../lib/personal-data/server/export';
import { companyTimeZone } from '../../../lib/platform/server/company-time';
import { dayKey } from '../../../lib/dates';

export const GET: APIRoute = async ({ params, locals }) => {
  const lang = languageFromParam(params.lang);
  if (!lang || !locals.user) return new Response(null, { status: 404 });
  const now = new Date();
  const data = await collectPersonalData(locals.db, locals.user.id, now);
  if (!data) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="my-data-${dayKey(now, companyTimeZone())}.json"`,
      'cache-control': 'no-store',
    },
  });
};
