import { describe, expect, it } from 'vitest';
import { oidcSettings, oidcSettingsProblems, readOidcEnv } from '../../src/lib/auth/oidc/config';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { isPublicPath } from '../../src/lib/http/server/request-guards';

const configured = { OIDC_ISSUER: 'https://sso.example.com/realms/sales', OIDC_CLIENT_ID: 'academy', OIDC_CLIENT_SECRET: 's3cret' };

describe('single sign-on settings', () => {
  it('are off, with password login on, when nothing is set', () => {
    const env = readOidcEnv({});
    expect(oidcSettings(env)).toBeNull();
    expect(env.PASSWORD_LOGIN).toBe(true);
    expect(oidcSettingsProblems(env)).toEqual([]);
  });

  it('read issuer, client, scopes and claim names, with safe defaults', () => {
    const settings = oidcSettings(readOidcEnv(configured))!;
    expect(settings.issuer.href).toBe('https://sso.example.com/realms/sales');
    expect(settings.clientId).toBe('academy');
    expect(settings.clientSecret).toBe('s3cret');
    expect(settings.scopes).toEqual(['openid', 'email', 'profile']);
    // Nothing is provisioned and no claim is read unless the operator says so.
    expect(settings.provision).toBe(false);
    expect(settings.claims).toEqual({ role: null, level: null, team: null });
  });

  it('read switches and lists as people type them', () => {
    const env = readOidcEnv({ ...configured, OIDC_PROVISION: ' ON ', PASSWORD_LOGIN: 'off', OIDC_SCOPES: 'email，groups  profile', OIDC_ROLE_CLAIM: ' realm_access.roles ' });
    expect(env.OIDC_PROVISION).toBe(true);
    expect(env.PASSWORD_LOGIN).toBe(false);
    expect(env.OIDC_SCOPES).toEqual(['openid', 'email', 'groups', 'profile']);
    expect(oidcSettings(env)!.claims.role).toBe('realm_access.roles');
  });

  it('refuse a switch that is neither on nor off, naming the variable', () => {
    expect(() => readServerEnv({ PASSWORD_LOGIN: 'disabled' })).toThrow(/PASSWORD_LOGIN.*use on or off/);
  });

  it('stop start-up when they cannot work together', () => {
    expect(() => readServerEnv({ OIDC_ISSUER: 'https://sso.example.com' })).toThrow(/OIDC_CLIENT_ID: is required with OIDC_ISSUER/);
    expect(() => readServerEnv({ OIDC_CLIENT_ID: 'academy' })).toThrow(/OIDC_CLIENT_ID: is set but OIDC_ISSUER is not/);
    expect(() => readServerEnv({ PASSWORD_LOGIN: 'off' })).toThrow(/PASSWORD_LOGIN: is off but single sign-on is not configured/);
    expect(() => readServerEnv({ OIDC_PROVISION: '1' })).toThrow(/OIDC_PROVISION/);
    expect(() => readServerEnv({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'a' })).toThrow(/OIDC_ISSUER/);
  });

  it('accept plain http only for a provider on this machine', () => {
    expect(oidcSettingsProblems(readOidcEnv({ ...configured, OIDC_ISSUER: 'http://sso.example.com' }))).toEqual([
      { variable: 'OIDC_ISSUER', message: expect.stringMatching(/https/) },
    ]);
    expect(oidcSettings(readOidcEnv({ ...configured, OIDC_ISSUER: 'http://127.0.0.1:4502' }))).not.toBeNull();
    expect(oidcSettings(readOidcEnv({ ...configured, OIDC_ISSUER: 'http://localhost:8080/realms/x' }))).not.toBeNull();
  });

  it('leave the server environment readable as before', () => {
    const env = readServerEnv({ ...configured, PASSWORD_LOGIN: 'off' });
    expect(env.SESSION_MAX_AGE_DAYS).toBe(30);
    expect(oidcSettings(env)?.clientId).toBe('academy');
  });
});

describe('sign-on endpoints', () => {
  it('are public: the provider sends people back before they have a session', () => {
    expect(isPublicPath('/login/oidc')).toBe(true);
    expect(isPublicPath('/login/oidc/callback')).toBe(true);
    expect(isPublicPath('/login/oidc/other')).toBe(false);
  });
});
