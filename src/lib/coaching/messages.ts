/** Coaching actions refuse with a UI string key as their message; this turns any action error into a key the page translates. */
import type { UiKey } from '../../i18n/ui';

const refusalKeys = [
  'error.forbidden',
  'coaching.error.notFound',
  'coaching.error.rubric',
  'coaching.error.kind',
  'coaching.error.levels',
  'coaching.error.date',
  'coaching.error.step',
  'coaching.error.notRoleplay',
  'coaching.error.empty',
  'coaching.error.inactive',
] as const satisfies readonly UiKey[];

export function coachingErrorKey(error: { code: string; message: string }, isInputError: boolean): UiKey {
  if (isInputError) return 'coaching.error.input';
  const known = refusalKeys.find((k) => k === error.message);
  if (known) return known;
  return error.code === 'UNAUTHORIZED' ? 'error.unauthorized' : 'error.badRequest';
}
