/**
 * Admin actions refuse with a UI string key as their message (see src/actions/admin.ts); this
 * turns any action error into a key a page can translate, falling back to a generic one so no
 * raw server text reaches the screen.
 */
import type { UiKey } from '../../i18n/ui';

const refusalKeys = [
  'error.forbidden',
  'admin.error.notFound',
  'admin.error.emailTaken',
  'admin.error.teamUnknown',
  'admin.error.managerUnknown',
  'admin.error.levelUnknown',
  'admin.error.self',
  'password.tooShort',
  'password.tooLong',
  'password.mismatch',
] as const satisfies readonly UiKey[];

export function actionErrorKey(error: { code: string; message: string }, isInputError: boolean): UiKey {
  if (isInputError) return 'admin.error.input';
  const known = refusalKeys.find((k) => k === error.message);
  if (known) return known;
  return error.code === 'UNAUTHORIZED' ? 'error.unauthorized' : 'error.badRequest';
}
