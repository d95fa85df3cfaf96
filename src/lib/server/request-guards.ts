/** Paths anyone may load without a session. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/login' ||
    // An invite link is how a person without a password gets one; the token is the credential.
    pathname.startsWith('/invite/') ||
    // Certificates are verified by anyone holding the link; the key set and issuer profile let
    // a verifier check a downloaded credential without an account.
    pathname.startsWith('/verify/') ||
    pathname === '/.well-known/jwks.json' ||
    pathname === '/issuer.json' ||
    // So is an admin-issued reset link for a person who forgot theirs.
    pathname.startsWith('/reset-password/') ||
    pathname === '/healthz' ||
    pathname.startsWith('/_astro/') ||
    pathname === '/favicon.svg' ||
    pathname === '/robots.txt'
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth beside Astro's checkOrigin (which only looks at form content types): a
 * state-changing request must come from this site. Browsers send Sec-Fetch-Site; older ones send
 * Origin. Requests with neither are not from a browser page and carry no ambient cookie risk.
 */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.headers.get('origin');
  if (origin) return origin !== url.origin;
  return false;
}

/** Only follow redirect targets on this site, so `?next=` cannot send someone elsewhere. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
