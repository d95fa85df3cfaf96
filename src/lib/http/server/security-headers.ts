/** Headers every response carries unless a route sets its own. */
export const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Browsers keep to HTTPS for a year once they have seen this over HTTPS (ignored over plain HTTP). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Anything shown to a signed-in person is theirs alone: no browser or proxy cache may keep it
 * (a shared computer's back button, a caching proxy), so every signed-in response says no-store.
 */
export const SIGNED_IN_CACHE_CONTROL = 'no-store';

/** The headers a response to a signed-in person adds, on whichever path answers it. */
export function signedInHeaders(https: boolean): Record<string, string> {
  return { 'cache-control': SIGNED_IN_CACHE_CONTROL, ...(https && { 'strict-transport-security': STRICT_TRANSPORT_SECURITY }) };
}
