/**
 * Team actions refuse with a UI string key as their message (src/actions/team.ts); this turns any
 * action error into a key the page translates, so no raw server text reaches the screen.
 */
import type { UiKey } from '../../i18n/ui';

const refusalKeys = [
  'error.forbidden',
  'team.error.notFound',
  'team.error.notReady',
  'team.error.levelChanged',
  'team.error.alreadySigned',
  'team.error.topLevel',
  'team.error.input',
  'team.error.duePast',
  'team.error.dueFar',
  'team.error.unknownTarget',
] as const satisfies readonly UiKey[];

export function teamErrorKey(error: { code: string; message: string }, isInputError: boolean): UiKey {
  if (isInputError) return 'team.error.input';
  const known = refusalKeys.find((k) => k === error.message);
  if (known) return known;
  return error.code === 'UNAUTHORIZED' ? 'error.unauthorized' : 'error.badRequest';
}

/** Which form fields an input error names, for aria-invalid. */
export function invalidFields(error: unknown): Set<string> {
  const fields = (error as { fields?: Record<string, unknown> } | undefined)?.fields;
  return new Set(fields ? Object.keys(fields) : []);
}
