/** The issuer's Open Badges profile, named by every credential's `issuer.id`. Public. */
import type { APIRoute } from 'astro';
import { issuerProfile } from '../lib/certificates/credential';
import { publicOrigin } from '../lib/platform/server/env';

export const GET: APIRoute = ({ url }) => {
  const issuer = issuerProfile(publicOrigin(url));
  const profile = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    jwks: `${issuer.url}/.well-known/jwks.json`,
  };
  return new Response(JSON.stringify(profile), { headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' } });
};
