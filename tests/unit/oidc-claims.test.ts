import { describe, expect, it } from 'vitest';
import { claimAt, levelFromClaim, nameFromClaims, newAccountProfile, roleFromClaim, teamFromClaim, verifiedEmail } from '../../src/lib/auth/oidc/server/claims';
import { classifyOidcError, isSsoProblem } from '../../src/lib/auth/oidc/errors';

const ladder = [
  { id: 'junior', name: { zh: '初级销售', en: 'Junior sales' } },
  { id: 'mid', name: { zh: '中级销售', en: 'Mid-level sales' } },
  { id: 'manager', name: { zh: '销售经理', en: 'Sales manager' } },
];
const teams = [
  { id: 't-east', name: '华东销售一组' },
  { id: 't-north', name: '华北销售二组' },
  { id: 't-dup-1', name: 'Twins' },
  { id: 't-dup-2', name: 'twins' },
];
const none = { role: null, level: null, team: null };

describe('verifiedEmail', () => {
  it('gives the email only when the provider verified it', () => {
    expect(verifiedEmail({ email: 'Zhou.Min@Demo.Academy', email_verified: true })).toBe('zhou.min@demo.academy');
    expect(verifiedEmail({ email: 'ｚｈｏｕ＠demo.academy', email_verified: 'true' })).toBe('zhou@demo.academy');
    expect(verifiedEmail({ email: 'zhou.min@demo.academy', email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: 'zhou.min@demo.academy' })).toBeNull();
    expect(verifiedEmail({ email_verified: true })).toBeNull();
    expect(verifiedEmail({ email: 'not an address', email_verified: true })).toBeNull();
  });
});

describe('claim mapping', () => {
  it('reads nested claims by dotted path, a dotted top-level name first', () => {
    expect(claimAt({ realm_access: { roles: ['manager'] } }, 'realm_access.roles')).toEqual(['manager']);
    expect(claimAt({ 'extn.role': 'admin', extn: { role: 'learner' } }, 'extn.role')).toBe('admin');
    expect(claimAt({ a: 'x' }, 'a.b')).toBeUndefined();
  });

  it('reads a role in any case; of several groups the one with most rights', () => {
    expect(roleFromClaim('Manager')).toBe('manager');
    expect(roleFromClaim(['sales', 'learner', 'TRAINER'])).toBe('trainer');
    expect(roleFromClaim(['owner', 'superuser'])).toBeNull();
    expect(roleFromClaim(42)).toBeNull();
  });

  it('reads a level by id or by name in either language, as typed', () => {
    expect(levelFromClaim('mid', ladder)).toBe('mid');
    expect(levelFromClaim('中级 销售', ladder)).toBe('mid');
    expect(levelFromClaim('SALES MANAGER', ladder)).toBe('manager');
    expect(levelFromClaim('CEO', ladder)).toBeNull();
  });

  it('reads a team by id or by a name only one team has', () => {
    expect(teamFromClaim('t-north', teams)).toBe('t-north');
    expect(teamFromClaim('华东销售一组', teams)).toBe('t-east');
    expect(teamFromClaim('Twins', teams)).toBeNull();
    expect(teamFromClaim(['unknown', '华北销售二组'], teams)).toBe('t-north');
  });

  it('names a person from name, given and family name (family first in Chinese), or the email', () => {
    expect(nameFromClaims({ name: ' 周敏 ' }, 'z@x.cn')).toBe('周敏');
    expect(nameFromClaims({ given_name: '敏', family_name: '周' }, 'z@x.cn')).toBe('周敏');
    expect(nameFromClaims({ given_name: 'Emma', family_name: 'Wu' }, 'e@x.cn')).toBe('Emma Wu');
    expect(nameFromClaims({ name: 'Ev\u202eil' }, 'e@x.cn')).toBe('Evil');
    expect(nameFromClaims({}, 'li.na@x.cn')).toBe('li.na');
  });
});

describe('newAccountProfile', () => {
  const claims = { email: 'new@x.cn', email_verified: true, name: '新人', groups: ['admin'], grade: '中级销售', dept: '华北销售二组', locale: 'en-GB' };

  it('is a learner on the lowest level in no team when no claim is configured, whatever the claims say', () => {
    expect(newAccountProfile(claims, 'new@x.cn', none, ladder, teams, 'zh')).toEqual({
      email: 'new@x.cn',
      name: '新人',
      role: 'learner',
      levelId: 'junior',
      teamId: null,
      locale: 'en',
    });
  });

  it('takes role, level and team from the configured claims', () => {
    const profile = newAccountProfile(claims, 'new@x.cn', { role: 'groups', level: 'grade', team: 'dept' }, ladder, teams, 'zh');
    expect(profile).toMatchObject({ role: 'admin', levelId: 'mid', teamId: 't-north' });
  });

  it('falls back to the safe defaults for values this site does not know', () => {
    const odd = { ...claims, groups: 'owner', grade: 'CEO', dept: 'Mars' };
    expect(newAccountProfile(odd, 'new@x.cn', { role: 'groups', level: 'grade', team: 'dept' }, ladder, teams, 'zh')).toMatchObject({
      role: 'learner',
      levelId: 'junior',
      teamId: null,
    });
  });
});

describe('classifyOidcError', () => {
  const coded = (code: string, extra: Record<string, unknown> = {}, message = 'x') => Object.assign(new Error(message), { code, ...extra });

  it('names each failure of the provider’s answer', () => {
    expect(classifyOidcError(coded('OAUTH_AUTHORIZATION_RESPONSE_ERROR', { error: 'access_denied' }))).toBe('provider-refused');
    expect(classifyOidcError(coded('OAUTH_RESPONSE_BODY_ERROR', { error: 'invalid_grant' }))).toBe('code-rejected');
    expect(classifyOidcError(coded('OAUTH_RESPONSE_BODY_ERROR', { error: 'invalid_client' }))).toBe('provider-refused');
    expect(classifyOidcError(coded('OAUTH_JWT_TIMESTAMP_CHECK_FAILED'))).toBe('id-token-expired');
    expect(classifyOidcError(coded('OAUTH_JWT_CLAIM_COMPARISON_FAILED'))).toBe('id-token-invalid');
    const signature = coded('OAUTH_INVALID_RESPONSE', { cause: new Error('JWT signature verification failed') }, 'invalid response encountered');
    expect(classifyOidcError(signature)).toBe('id-token-invalid');
    expect(classifyOidcError(coded('OAUTH_INVALID_RESPONSE', {}, 'unexpected "state" response parameter value'))).toBe('state-mismatch');
    expect(classifyOidcError(new TypeError('fetch failed'))).toBe('unavailable');
    expect(classifyOidcError(coded('OAUTH_RESPONSE_IS_NOT_CONFORM'))).toBe('unavailable');
    expect(classifyOidcError('nonsense')).toBe('response-invalid');
  });

  it('only ever answers with a problem the login page can show', () => {
    for (const error of [null, undefined, 1, {}, new Error('?'), coded('OAUTH_SOMETHING_NEW')]) expect(isSsoProblem(classifyOidcError(error))).toBe(true);
  });
});
