import { ActionError } from 'astro:actions';
import type { ActionAPIContext } from 'astro:actions';
import type { Language } from '../schemas/common';
import type { WorkKind } from '../lib/learning-records/work-locks';
import { lockedWorkRefusal } from '../lib/learning-records/server/work-access';
import { workIndex } from '../lib/learning-records/server/work-index';

/** The signed-in user, or an UNAUTHORIZED error the island turns into "log in again". */
export function requireUser(context: ActionAPIContext) {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log in to continue.' });
  return user;
}

/** The signed-in admin; anyone else gets 403 (anonymous callers 401). */
export function requireAdmin(context: ActionAPIContext) {
  const user = requireUser(context);
  if (user.role !== 'admin') throw new ActionError({ code: 'FORBIDDEN', message: 'error.forbidden' });
  return user;
}

/**
 * The signed-in user, refused with FORBIDDEN (naming the module to finish first) when the quiz or
 * exercise belongs only to modules they have not unlocked. The page hides locked work, but the
 * actions are reachable directly, so the lock is enforced here, where the work is done.
 */
export async function requireUnlocked(context: ActionAPIContext, kind: WorkKind, workId: string, lang?: Language) {
  const user = requireUser(context);
  const refusal = await lockedWorkRefusal(context.locals.db, user, await workIndex(), kind, workId, lang ?? user.locale);
  if (refusal) throw new ActionError({ code: 'FORBIDDEN', message: refusal });
  return user;
}
