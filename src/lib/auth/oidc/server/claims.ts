/**
 * What the provider's claims say about a person, read as this site understands it. Pure: the
 * callback feeds it the validated ID token (and UserInfo) claims; tests feed it plain objects.
 */
import { roles, type Role } from '../../../../../db/schema';
import type { Language } from '../../../../schemas/common';
import { searchKey } from '../../../people/search';

export type Claims = Record<string, unknown>;

/**
 * The value at a claim name or dotted path ("realm_access.roles"). A top-level claim whose own
 * name has dots (Azure's "extn.role") wins over the path, as providers write them that way too.
 */
export function claimAt(claims: Claims, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim as a list of strings: providers send one value or an array (groups, roles). */
function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/**
 * The account email, only when the provider says it verified it (email_verified true; a few
 * providers send the string "true"). An unverified address proves nothing about who is signing in.
 */
export function verifiedEmail(claims: Claims): string | null {
  const email = claims.email;
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  if (!verified || typeof email !== 'string') return null;
  const normalised = email.normalize('NFKC').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(normalised) && normalised.length <= 254 ? normalised : null;
}

const privilege: Record<Role, number> = { learner: 0, trainer: 1, manager: 2, admin: 3 };

/**
 * The role a claim names, matched without regard to case; of several (a list of groups) the one
 * with most rights, since a person in the managers' group is a manager. Null when none is a role.
 */
export function roleFromClaim(value: unknown): Role | null {
  const named = texts(value)
    .map((v) => v.normalize('NFKC').trim().toLowerCase())
    .filter((v): v is Role => (roles as readonly string[]).includes(v));
  return named.sort((a, b) => privilege[b] - privilege[a])[0] ?? null;
}

export interface LevelChoice {
  id: string;
  name: { zh: string; en: string };
}

/** The level a claim names by id or by its name in either language (as typed: case, width, spaces). */
export function levelFromClaim(value: unknown, ladder: readonly LevelChoice[]): string | null {
  for (const text of texts(value)) {
    const key = searchKey(text);
    const level = ladder.find((l) => searchKey(l.id) === key || searchKey(l.name.zh) === key || searchKey(l.name.en) === key);
    if (level) return level.id;
  }
  return null;
}

export interface TeamChoice {
  id: string;
  name: string;
}

/** The team a claim names by id or by name; a name two teams share names neither. */
export function teamFromClaim(value: unknown, teams: readonly TeamChoice[]): string | null {
  for (const text of texts(value)) {
    const byId = teams.find((t) => t.id === text.trim());
    if (byId) return byId.id;
    const key = searchKey(text);
    const byName = teams.filter((t) => searchKey(t.name) === key);
    if (byName.length === 1) return byName[0]!.id;
  }
  return null;
}

/** The display name: name, else given and family name, else preferred_username, else the email's local part. */
export function nameFromClaims(claims: Claims, email: string): string {
  const clean = (v: unknown) => (typeof v === 'string' ? v.normalize('NFKC').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim() : '');
  const given = clean(claims.given_name);
  const family = clean(claims.family_name);
  // Chinese names put the family name first, without a space.
  const joined = /\p{Script=Han}/u.test(family + given) ? `${family}${given}` : [given, family].filter(Boolean).join(' ');
  const name = clean(claims.name) || joined || clean(claims.preferred_username) || email.split('@')[0]!;
  return name.slice(0, 100);
}

/** The language a new account opens in: the provider's locale claim when it is one we have. */
export function localeFromClaims(claims: Claims, fallback: Language): Language {
  const locale = typeof claims.locale === 'string' ? claims.locale.toLowerCase() : '';
  if (locale.startsWith('zh')) return 'zh';
  if (locale.startsWith('en')) return 'en';
  return fallback;
}

export interface ClaimNames {
  role: string | null;
  level: string | null;
  team: string | null;
}

export interface NewAccountProfile {
  email: string;
  name: string;
  role: Role;
  levelId: string;
  teamId: string | null;
  locale: Language;
}

/**
 * The account a first sign-on creates. Each of role, level and team comes from its configured
 * claim when that names something this site knows, else the safe default: a learner on the
 * lowest level of the ladder (its first rung), in no team. Claims not configured are not read,
 * so a provider where people edit their own profile attributes cannot make anyone an admin.
 */
export function newAccountProfile(
  claims: Claims,
  email: string,
  names: ClaimNames,
  ladder: readonly LevelChoice[],
  teams: readonly TeamChoice[],
  fallbackLocale: Language,
): NewAccountProfile {
  const lowest = ladder[0];
  if (!lowest) throw new Error('The career ladder has no level; a new account needs one (content/levels/).');
  return {
    email,
    name: nameFromClaims(claims, email),
    role: (names.role && roleFromClaim(claimAt(claims, names.role))) || 'learner',
    levelId: (names.level && levelFromClaim(claimAt(claims, names.level), ladder)) || lowest.id,
    teamId: (names.team && teamFromClaim(claimAt(claims, names.team), teams)) || null,
    locale: localeFromClaims(claims, fallbackLocale),
  };
}
