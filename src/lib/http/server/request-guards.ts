/** Paths anyone may load without a session. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/login' ||
    // Single sign-on: the start, and the provider's redirect back (a GET from another site).
    pathname === '/login/oidc' ||
    pathname === '/login/oidc/callback' ||
    // An invite link is how a person without a password gets one; the token is the credential.
    pathname.startsWith('/invite/') ||
    // Certificates are verified by anyone holding the link; the key set and issuer profile let
    // a verifier check a downloaded credential without an account.
    pathname.startsWith('/verify/') ||
    pathname === '/.well-known/jwks.json' ||
    pathname === '/issuer.json' ||
    // So is an admin-issued reset link for a person who forgot theirs.
    pathname.startsWith('/reset-password/') ||
    // A reminder mail's unsubscribe link works without logging in; its signed token is the credential.
    pathname.startsWith('/unsubscribe/') ||
    pathname === '/healthz' ||
    pathname.startsWith('/_astro/') ||
    pathname === '/favicon.svg' ||
    pathname === '/robots.txt'
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Paths whose writes are meant to come from elsewhere. A reminder mail's one-click unsubscribe
 * (RFC 8058) is POSTed by the mail client or provider, with no Origin or its own: the signed
 * token in the path is the credential, and the only thing it can do is switch a reminder off.
 */
export function acceptsCrossSiteWrites(pathname: string): boolean {
  return /^\/unsubscribe\/[^/]+\/?$/.test(pathname);
}

/**
 * CSRF defence: a state-changing request must come from this site. Browsers send Sec-Fetch-Site;
 * older ones send Origin. This also carries Astro's own checkOrigin rule (a form-like or untyped
 * body needs this site's Origin), which is switched off in astro.config.mjs because it runs before
 * any middleware and so could not let the one-click unsubscribe through. A JSON request with
 * neither header is not from a browser page and carries no ambient cookie risk.
 */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (acceptsCrossSiteWrites(url.pathname)) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin) return origin !== url.origin;
  if (fetchSite) return false;
  // No Origin at all: what Astro's checkOrigin refused (a form-like body, or no content type).
  const contentType = request.headers.get('content-type');
  if (contentType === null) return true;
  const lower = contentType.toLowerCase();
  return FORM_CONTENT_TYPES.some((type) => lower.includes(type));
}

const PLACEHOLDER_ORIGIN = 'http://academy.invalid';

/**
 * Only follow redirect targets on this site, so `?next=` cannot send someone elsewhere. The
 * target is parsed the way a browser would (`new URL(next, ownOrigin)`) and only its path, query
 * and fragment are kept, percent-encoded by the parser. Anything with control characters or a
 * backslash is refused outright: browsers drop tabs and newlines and read "\" as "/", which is
 * how "/<TAB>/evil.example" or "/\evil.example" become another site.
 */
export function safeNextPath(next: string | null | undefined, ownOrigin: string = PLACEHOLDER_ORIGIN): string {
  if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return '/';
  let parsed: URL;
  try {
    parsed = new URL(next, ownOrigin);
  } catch {
    return '/';
  }
  if (parsed.origin !== new URL(ownOrigin).origin) return '/';
  const path = parsed.pathname + parsed.search + parsed.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a Location header would read as a host.
  return path.startsWith('//') ? '/' : path;
}

/**
 * The path of the page itself, for redirecting back to it after a form post: a request for
 * "//evil.example/…" must not become `Location: //evil.example/…`.
 */
export function ownPagePath(url: URL): string {
  return `/${url.pathname.replace(/^[/\\]+/, '')}`;
}

/** Forms posted to pages (login, invite) hold a few short fields; actions have their own limit (astro.config.mjs). */
export const FORM_BODY_LIMIT = 16 * 1024;

/**
 * A page's form body, read only up to `maxBytes`: the Node adapter would otherwise buffer a body
 * of any size (its default limit is 1 GiB) before the page sees a field. 'too-large' beyond it.
 */
export async function readLimitedForm(request: Request, maxBytes = FORM_BODY_LIMIT): Promise<FormData | 'too-large'> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return 'too-large';
  if (!request.body) return new FormData();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const headers = { 'content-type': request.headers.get('content-type') ?? '' };
  return new Response(new Blob(chunks as BlobPart[]), { headers }).formData().catch(() => new FormData());
}
