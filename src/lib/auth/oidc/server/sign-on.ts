/**
 * The callback's work between taking the flow and starting the session (server only): the
 * provider's refusal, the state, the code exchange and ID token checks, then the account. Every
 * failure is a problem the login page can name; nothing is written but what accountForSignOn's
 * one transaction writes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../../../platform/server/db';
import type { OidcSettings } from '../config';
import type { LevelChoice } from './claims';
import { classifyOidcError, type SsoProblem } from '../errors';
import { accountForSignOn } from './accounts';
import { finishSignOn } from './client';
import type { FlowValues } from './flows';

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.byteLength === y.byteLength && timingSafeEqual(x, y);
};

export type SignOnOutcome = { ok: true; userId: string; locale: 'zh' | 'en' } | { ok: false; problem: SsoProblem };

export async function completeSignOn(
  db: Database,
  { settings, flow, query, ladder }: { settings: OidcSettings; flow: FlowValues; query: URLSearchParams; ladder: readonly LevelChoice[] },
  now: Date,
): Promise<SignOnOutcome> {
  if (query.has('error')) return { ok: false, problem: 'provider-refused' };
  if (!sameText(query.get('state') ?? '', flow.state)) return { ok: false, problem: 'state-mismatch' };
  // The registered redirect URI with the provider's parameters: right even behind a proxy.
  const callbackUrl = new URL(flow.redirectUri);
  callbackUrl.search = query.toString();
  let claims;
  try {
    claims = await finishSignOn(settings, callbackUrl, flow);
  } catch (error) {
    const problem = classifyOidcError(error);
    console.warn(`Single sign-on refused (${problem}):`, error instanceof Error ? error.message : error);
    return { ok: false, problem };
  }
  try {
    const outcome = await accountForSignOn(
      db,
      claims,
      { issuer: settings.issuer.href, provision: settings.provision, claimNames: settings.claims, ladder, locale: flow.locale },
      now,
    );
    return outcome.ok ? { ok: true, userId: outcome.userId, locale: outcome.locale } : outcome;
  } catch (error) {
    // E.g. two first sign-ons of one new person at once: the second meets the first's account
    // (unique email) and its transaction is rolled back, so nothing is half-written.
    console.error('Single sign-on could not open an account:', error);
    return { ok: false, problem: 'response-invalid' };
  }
}
