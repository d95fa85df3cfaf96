/**
 * Tokens for links that stand in for a password once: invites and password resets. The link
 * carries 32 random bytes; the database keeps only their SHA-256, so a leaked table lets nobody in.
 */

/** 32 random bytes in base64url: 43 characters, 256 bits. */
export const LINK_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

export async function hashLinkToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Buffer.from(digest).toString('hex');
}
