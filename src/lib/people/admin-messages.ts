/**
 * Admin actions refuse with a UI string key as their message (see src/actions/admin.ts); this
 * turns any action error into words a page can show, falling back to a generic message so no
 * raw server text reaches the screen. Input errors name the fields to fix.
 */
import { t, type Language, type UiKey } from '../../i18n/ui';
import { MIN_PASSWORD_LENGTH } from '../auth/password-policy';
import { LOGIN_WINDOW_MS } from '../auth/login-throttle-policy';

const refusalKeys = [
  'error.forbidden',
  'admin.error.notFound',
  'admin.error.emailTaken',
  'admin.error.teamUnknown',
  'admin.error.managerUnknown',
  'admin.error.levelUnknown',
  'admin.error.self',
  'admin.error.inactive',
  'account.error.wrongPassword',
  'account.error.throttled',
  'password.tooShort',
  'password.tooLong',
  'password.tooSimple',
  'password.mismatch',
  'admin.cert.error.notFound',
  'admin.cert.error.alreadyRevoked',
  // Reminders
  'reminders.error.webhookFormat',
  'reminders.error.webhookHost',
  'reminders.error.webhookRole',
  'reminders.error.notFound',
  'erase.error.active',
  'erase.error.already',
] as const satisfies readonly UiKey[];

const fieldKeys: Record<string, UiKey> = {
  email: 'admin.field.email',
  name: 'admin.field.name',
  role: 'admin.field.role',
  levelId: 'admin.field.level',
  teamId: 'admin.field.team',
  locale: 'admin.field.locale',
  password: 'admin.field.password',
  passwordConfirm: 'admin.field.passwordConfirm',
  managerId: 'admin.teams.manager',
  reason: 'admin.cert.reason',
  currentPassword: 'account.password.current',
  newPassword: 'account.password.new',
  newPasswordConfirm: 'account.password.confirm',
  confirm: 'erase.confirmBox',
};

export function actionErrorKey(error: { code: string; message: string }, isInputError: boolean): UiKey {
  if (isInputError) return 'admin.error.input';
  const known = refusalKeys.find((k) => k === error.message);
  if (known) return known;
  return error.code === 'UNAUTHORIZED' ? 'error.unauthorized' : 'error.badRequest';
}

/** The sentence a page shows for a failed admin action. */
export function actionErrorText(
  lang: Language,
  error: { code: string; message: string; fields?: Record<string, unknown> },
  isInputError: boolean,
): string {
  const key = actionErrorKey(error, isInputError);
  const fields = isInputError ? Object.keys(error.fields ?? {}).map((f) => (fieldKeys[f] ? t(lang, fieldKeys[f]) : f)) : [];
  const text = t(lang, key, { min: MIN_PASSWORD_LENGTH, minutes: LOGIN_WINDOW_MS / 60_000 });
  return fields.length > 0 ? `${text} ${t(lang, 'admin.error.fields', { fields: fields.join(lang === 'zh' ? '、' : ', ') })}` : text;
}
