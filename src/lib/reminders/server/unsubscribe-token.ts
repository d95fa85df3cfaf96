/**
 * Unsubscribe links that work without logging in: the link names a person and a reminder kind and
 * carries an HMAC-SHA256 of both under a server secret, so nobody can forge one for someone else.
 * The link never expires (an old mail's link must still work) and only ever switches a kind off.
 * Pure, given the key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeClaim {
  userId: string;
  kind: string;
}

const PURPOSE = 'reminders.unsubscribe.v1';

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac('sha256', key).update(`${PURPOSE}\n${payload}`).digest();
}

export function signUnsubscribeToken(key: Uint8Array, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.userId, claim.kind])).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The claim of a token this server signed; null for anything else (forged, altered, malformed). */
export function verifyUnsubscribeToken(key: Uint8Array, token: string): UnsubscribeClaim | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = mac(key, match[1]!);
  const given = Buffer.from(match[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
    return { userId: value[0], kind: value[1] };
  } catch {
    return null;
  }
}
