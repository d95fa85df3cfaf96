import { ActionError } from 'astro:actions';
import type { ActionAPIContext } from 'astro:actions';

/** The signed-in user, or an UNAUTHORIZED error the island turns into "log in again". */
export function requireUser(context: ActionAPIContext) {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log in to continue.' });
  return user;
}
