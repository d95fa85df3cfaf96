/**
 * Single sign-on settings, read from the environment (OIDC_*, PASSWORD_LOGIN). Pure: the zod
 * fields join the server's environment schema (src/lib/platform/server/env.ts), so a bad value stops
 * start-up with a message naming the variable, like every other setting.
 */
import { z } from 'astro/zod';

const ON = new Set(['1', 'on', 'true', 'yes']);
const OFF = new Set(['0', 'off', 'false', 'no']);

/** A switch as people write it (1/0, on/off, true/false, yes/no, any case); empty means the default. */
function onOff(name: string, fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = (text ?? '').normalize('NFKC').trim().toLowerCase();
      if (value === '') return fallback;
      if (ON.has(value)) return true;
      if (OFF.has(value)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} is "${text}"; use on or off (1/0, true/false also work)` });
      return z.NEVER;
    });
}

/** A claim name, or a dotted path into nested claims (Keycloak's realm_access.roles); empty means none. */
const claimPath = z
  .string()
  .optional()
  .transform((text) => (text ?? '').trim() || null);

const optionalText = z
  .string()
  .optional()
  .transform((text) => (text ?? '').trim() || null);

export const oidcEnvShape = {
  OIDC_ISSUER: optionalText.describe('Issuer URL of the OpenID Connect provider; single sign-on is on when set'),
  OIDC_CLIENT_ID: optionalText.describe('Client id registered at the provider'),
  OIDC_CLIENT_SECRET: optionalText.describe('Client secret (confidential client); without it the client is public and relies on PKCE'),
  OIDC_SCOPES: z
    .string()
    .optional()
    .transform((text) => {
      const scopes = (text ?? '').normalize('NFKC').split(/[\s,]+/).filter((s) => s !== '');
      // openid is what makes it OpenID Connect: always asked for.
      return [...new Set(['openid', ...(scopes.length > 0 ? scopes : ['email', 'profile'])])];
    })
    .describe('Scopes asked for, space- or comma-separated (openid is always added)'),
  OIDC_BUTTON_LABEL: optionalText.describe('Name of the provider on the login button, e.g. 飞书 or Microsoft'),
  OIDC_PROVISION: onOff('OIDC_PROVISION', false).describe('Create an account on first sign-on for a verified email nobody has yet'),
  OIDC_ROLE_CLAIM: claimPath.describe('Claim holding the role of a provisioned account (learner, trainer, manager, admin)'),
  OIDC_LEVEL_CLAIM: claimPath.describe('Claim holding the career level of a provisioned account (level id or name)'),
  OIDC_TEAM_CLAIM: claimPath.describe('Claim holding the team of a provisioned account (team id or name)'),
  PASSWORD_LOGIN: onOff('PASSWORD_LOGIN', true).describe('off hides the password form and refuses password logins (single sign-on only)'),
};

const shape = z.object(oidcEnvShape);
export type OidcEnv = z.infer<typeof shape>;

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string | null;
  scopes: string[];
  buttonLabel: string | null;
  provision: boolean;
  claims: { role: string | null; level: string | null; team: string | null };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the provider may be spoken to over plain HTTP: only on this machine (tests, a local Keycloak). */
export function isLoopbackIssuer(issuer: URL): boolean {
  return LOOPBACK.has(issuer.hostname) || /^127\.\d+\.\d+\.\d+$/.test(issuer.hostname);
}

/** What is wrong with the single sign-on settings taken together, one message per variable. */
export function oidcSettingsProblems(env: OidcEnv): { variable: keyof OidcEnv; message: string }[] {
  const problems: { variable: keyof OidcEnv; message: string }[] = [];
  if (env.OIDC_ISSUER) {
    let issuer: URL | null = null;
    try {
      issuer = new URL(env.OIDC_ISSUER);
    } catch {
      problems.push({ variable: 'OIDC_ISSUER', message: 'must be the provider\'s issuer URL, e.g. https://sso.example.com/realms/sales' });
    }
    if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackIssuer(issuer))) {
      problems.push({ variable: 'OIDC_ISSUER', message: 'must use https:// (plain http:// is accepted only for a provider on this machine)' });
    }
    if (!env.OIDC_CLIENT_ID) problems.push({ variable: 'OIDC_CLIENT_ID', message: 'is required with OIDC_ISSUER: the client id registered at the provider' });
  } else {
    for (const variable of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_CLAIM', 'OIDC_LEVEL_CLAIM', 'OIDC_TEAM_CLAIM'] as const) {
      if (env[variable]) problems.push({ variable, message: 'is set but OIDC_ISSUER is not; set the provider\'s issuer URL or remove it' });
    }
    if (env.OIDC_PROVISION) problems.push({ variable: 'OIDC_PROVISION', message: 'is on but OIDC_ISSUER is not set; set the provider\'s issuer URL or switch it off' });
  }
  if (!env.PASSWORD_LOGIN && !env.OIDC_ISSUER) {
    problems.push({ variable: 'PASSWORD_LOGIN', message: 'is off but single sign-on is not configured (OIDC_ISSUER), so nobody could sign in' });
  }
  return problems;
}

/** The provider to sign in with, or null when single sign-on is not configured. */
export function oidcSettings(env: OidcEnv): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || oidcSettingsProblems(env).length > 0) return null;
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    scopes: env.OIDC_SCOPES,
    buttonLabel: env.OIDC_BUTTON_LABEL,
    provision: env.OIDC_PROVISION,
    claims: { role: env.OIDC_ROLE_CLAIM, level: env.OIDC_LEVEL_CLAIM, team: env.OIDC_TEAM_CLAIM },
  };
}

/** Whether the password form is offered and password logins accepted. */
export function passwordLoginEnabled(env: Pick<OidcEnv, 'PASSWORD_LOGIN'>): boolean {
  return env.PASSWORD_LOGIN;
}

/** Parses the single sign-on variables alone (for tests and tools); the server reads them with the rest. */
export function readOidcEnv(source: Record<string, string | undefined>): OidcEnv {
  return shape.parse(source);
}
