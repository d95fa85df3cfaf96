/** A certificate as a signed Open Badges 3.0 credential (VC-JWT), for its holder, their managers and admins. */
import type { APIRoute } from 'astro';
import { findCertificate } from '../../../lib/certificates/server/certificates';
import { mayViewCertificate } from '../../../lib/certificates/server/access';
import { signedCredential } from '../../../lib/certificates/server/credential-signing';
import { publicOrigin } from '../../../lib/platform/server/env';

export const GET: APIRoute = async ({ params, locals, url }) => {
  const found = await findCertificate(locals.db, params.id ?? '');
  if (!found || !(await mayViewCertificate(locals.db, locals.user!, found))) {
    return new Response('No such certificate. Open it from "My certificates".', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  // A revoked certificate is not signed again: a fresh credential would say it still stands.
  if (found.revokedAt) {
    return new Response(`This certificate was revoked (${found.revokeReason ?? ''}); no credential is issued for it. /verify/${found.id} shows its status.`, {
      status: 410,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const jwt = await signedCredential(locals.db, publicOrigin(url), found);
  return new Response(jwt, {
    headers: {
      'content-type': 'application/vc+jwt',
      'content-disposition': `attachment; filename="certificate-${found.id}.jwt"`,
      'cache-control': 'no-store',
    },
  });
};
