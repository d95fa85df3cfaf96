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
] as const;

/** The UI key naming an action, or null for actions other parts of the app log (shown as their id). */
export function auditActionKey(action: string): `audit.${(typeof knownActions)[number]}` | null {
  return (knownActions as readonly string[]).includes(action) ? (`audit.${action}` as `audit.${(typeof knownActions)[number]}`) : null;
}

function flat(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * "role: learner → manager; teamId: — → team-east". Fields only in `after` show as "— → value";
 * a creation (no before) lists the new values.
 */
export function describeChange(before: unknown, after: unknown): string {
  const b = flat(before);
  const a = flat(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (before === null || before === undefined) return keys.map((k) => `${k}: ${show(a[k])}`).join('; ');
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`)
    .join('; ');
}
