/**
 * Sign-ons in progress (server only). The browser holds a random id in a short-lived httpOnly
 * SameSite=Lax cookie; the database holds SHA-256(id) with the state, nonce and PKCE verifier.
 * Why a row and not a signed cookie: a row is deleted by the first callback that names it, so a
 * flow completes once however often its callback URL is replayed, any instance can finish what
 * another started, and there is no signing key to configure, rotate or leak.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { oidcFlows } from '../../../../../db/schema';
import type { Database } from '../../../platform/server/db';
import type { Language } from '../../../../schemas/common';

export const FLOW_COOKIE = 'oidc_flow';
/** Long enough to sign in at the provider (and maybe reset a password there), short enough to go stale. */
export const FLOW_LIFETIME_MS = 10 * 60 * 1000;

export interface FlowValues {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  nextPath: string;
  locale: Language;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Stores a new flow and returns the id for the cookie (never stored itself). */
export async function startFlow(db: Database, values: FlowValues, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  // Flows nobody finished are dropped as new ones start, so the table stays small.
  await db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, now));
  await db.insert(oidcFlows).values({ idHash: hashId(id), ...values, expiresAt: new Date(now.getTime() + FLOW_LIFETIME_MS) });
  return id;
}

/**
 * Takes a flow out of the table: the one statement both reads and deletes it, so of two callbacks
 * with the same cookie only one gets it. Null when unknown, already finished or expired.
 */
export async function takeFlow(db: Database, id: string | undefined, now: Date): Promise<FlowValues | null> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const [row] = await db.delete(oidcFlows).where(eq(oidcFlows.idHash, hashId(id))).returning();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, redirectUri: row.redirectUri, nextPath: row.nextPath, locale: row.locale };
}
