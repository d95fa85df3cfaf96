/**
 * The conversation with the provider (server only), through openid-client: discovery (cached
 * per process), the authorization URL with PKCE (S256), state and nonce, and the code exchange
 * that checks the state, the ID token's signature, issuer, audience, expiry and nonce.
 */
import * as client from 'openid-client';
import { isLoopbackIssuer, type OidcSettings } from '../config';
import type { Claims } from './claims';

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration, discovered once per process; a failed discovery is tried again next time. */
export function providerConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href}\n${settings.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    found = client.discovery(
      settings.issuer,
      settings.clientId,
      settings.clientSecret ?? undefined,
      settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
      {
        execute: [
          // Plain HTTP only for a provider on this machine (config.ts refuses it elsewhere); the
          // library marks this "deprecated" only so that nobody turns it on unthinkingly.
          ...(isLoopbackIssuer(settings.issuer) && settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []),
          // The ID token's signature is checked against the provider's keys too, not only its
          // claims: openid-client would otherwise trust the TLS connection to the token endpoint
          // alone (which OIDC allows), and a forged token slipped in on the way would pass.
          client.enableNonRepudiationChecks,
        ],
        timeout: 10,
      },
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

export interface StartedSignOn {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationRequest(settings: OidcSettings, redirectUri: string, locale: 'zh' | 'en'): Promise<StartedSignOn> {
  const config = await providerConfiguration(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: locale === 'zh' ? 'zh-CN en' : 'en zh-CN',
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the code and returns the ID token's claims (validated by openid-client), filled in
 * from UserInfo when the ID token leaves out the email (several providers put it only there).
 * `callbackUrl` is the registered redirect URI with the provider's query parameters, so the
 * redirect_uri sent to the token endpoint is the registered one even behind a proxy.
 */
export async function finishSignOn(
  settings: OidcSettings,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Claims> {
  const config = await providerConfiguration(settings);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw Object.assign(new Error('the token response has no ID token'), { code: 'OAUTH_INVALID_RESPONSE' });
  if (typeof claims.email === 'string') return { ...claims };
  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  // The ID token's claims win; UserInfo only fills what it left out.
  return { ...info, ...claims };
}
