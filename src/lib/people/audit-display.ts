/** How an audit entry reads on screen: a translated action name and a compact before → after. */

const knownActions = [
  'user.created',
  'user.imported',
  'user.role-changed',
  'user.level-changed',
  'user.team-changed',
  'user.deactivated',
  'user.reactivated',
  'invite.created',
  'invite.accepted',
  'password-reset.issued',
  'password-reset.used',
  'password.changed',
  'sessions.ended',
  'team.created',
  'team.manager-changed',
  'kpi.recorded',
  'sign-off.given',
  'promotion',
  'assignment.created',
  'assignment.updated',
  'certificate.revoke',
  'quiz.regraded',
  // Single sign-on (src/lib/auth/oidc/server/accounts.ts).
  'sso.login',
  'sso.refused',
  'user.provisioned',
  'observation.recorded',
  'observation.acknowledged',
  'observation.replied',
  'replay.commented',
  'person.erased',
] as const;

/** The UI key naming an action, or null for actions other parts of the app log (shown as their id). */
export function auditActionKey(action: string): `audit.${(typeof knownActions)[number]}` | null {
  return (knownActions as readonly string[]).includes(action) ? (`audit.${action}` as `audit.${(typeof knownActions)[number]}`) : null;
}

function flat(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

// Audit rows store instants as ISO strings in UTC ("2026-03-01T17:30:00.000Z").
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** Shows a stored value; instants go through `dateTime` so they read in the company's zone. */
function shower(dateTime: (d: Date) => string) {
  return (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'string') return ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)) ? dateTime(new Date(v)) : v;
    return JSON.stringify(v);
  };
}

/**
 * "role: learner → manager; teamId: — → team-east". Fields only in `after` show as "— → value";
 * a creation (no before) lists the new values. Stored instants are shown with `dateTime` (pass the
 * company calendar's).
 */
export function describeChange(before: unknown, after: unknown, dateTime: (d: Date) => string): string {
  const show = shower(dateTime);
  const b = flat(before);
  const a = flat(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (before === null || before === undefined) return keys.map((k) => `${k}: ${show(a[k])}`).join('; ');
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`)
    .join('; ');
}
