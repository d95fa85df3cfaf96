/** The issuer's public keys (JWK Set) that verify certificates' credentials. Public. */
import type { APIRoute } from 'astro';
import { issuerJwks } from '../../lib/certificates/server/credential-signing';

export const GET: APIRoute = async ({ locals }) =>
  new Response(JSON.stringify(await issuerJwks(locals.db)), {
    headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' },
  });
