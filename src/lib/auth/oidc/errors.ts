/**
 * Why a single sign-on did not sign anyone in, as a fixed word the callback puts in the login
 * page's address (`/login?sso_error=…`); the login page shows the sentence for it in the person's
 * language. Pure.
 */
export const ssoProblems = [
  'not-configured',
  'unavailable',
  'flow-missing',
  'state-mismatch',
  'provider-refused',
  'code-rejected',
  'id-token-invalid',
  'id-token-expired',
  'response-invalid',
  'email-unverified',
  'unknown-account',
  'deactivated',
] as const;
export type SsoProblem = (typeof ssoProblems)[number];

export function isSsoProblem(value: unknown): value is SsoProblem {
  return typeof value === 'string' && (ssoProblems as readonly string[]).includes(value);
}

/** The UI key of a problem's message (src/i18n/ui.ts). */
export function ssoProblemKey(problem: SsoProblem): `sso.error.${SsoProblem}` {
  return `sso.error.${problem}`;
}

interface CodedError {
  code?: unknown;
  error?: unknown;
  message?: unknown;
  cause?: unknown;
}

function messageChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { message, cause } = current as CodedError;
    if (typeof message === 'string') parts.push(message);
    current = cause;
  }
  return parts.join(' | ');
}

/**
 * What an error thrown by openid-client (oauth4webapi underneath) means for the person: the
 * provider said no, the code was spent, the ID token failed a check, or the provider could not be
 * reached. Read from the library's error codes, with its messages for the one code
 * (OAUTH_INVALID_RESPONSE) that covers several cases.
 */
export function classifyOidcError(error: unknown): SsoProblem {
  const { code, error: oauthError } = (error && typeof error === 'object' ? error : {}) as CodedError;
  const text = messageChain(error);
  switch (code) {
    case 'OAUTH_AUTHORIZATION_RESPONSE_ERROR':
      return 'provider-refused';
    case 'OAUTH_RESPONSE_BODY_ERROR':
      // invalid_grant: the code was used before, has expired, or its PKCE verifier does not match.
      return oauthError === 'invalid_grant' ? 'code-rejected' : 'provider-refused';
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return 'id-token-expired';
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
    case 'OAUTH_KEY_SELECTION_FAILED':
    case 'OAUTH_UNSUPPORTED_OPERATION':
      return 'id-token-invalid';
    case 'OAUTH_INVALID_RESPONSE':
      if (/"state"/.test(text)) return 'state-mismatch';
      if (/JWT|ID Token|id_token|signature/i.test(text)) return 'id-token-invalid';
      return 'response-invalid';
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
    case 'OAUTH_HTTP_REQUEST_FORBIDDEN':
    case 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN':
    case 'OAUTH_MISSING_SERVER_METADATA':
    case 'OAUTH_INVALID_SERVER_METADATA':
      return 'unavailable';
  }
  // fetch() rejects with a TypeError when the provider cannot be reached at all.
  if (error instanceof TypeError && /fetch failed|ECONNREFUSED|ENOTFOUND|network/i.test(text)) return 'unavailable';
  if (error instanceof Error && error.name === 'TimeoutError') return 'unavailable';
  return 'response-invalid';
}
