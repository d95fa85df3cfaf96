/**
 * A signed-in person's writes to their own account. Refusals carry a UI string key as their message
 * (see src/lib/people/admin-messages.ts), which the account page translates.
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../lib/auth/password-policy';
import { changePassword as storePassword, setLocale as storeLocale, signOutOtherSessions } from '../lib/people/server/account';
import { hashPassword } from '../lib/auth/server/passwords';
import { requireUser } from './guards';

/** The signed-in person and the session they are using (kept when the others end). */
function requireSession(context: Parameters<typeof requireUser>[0]) {
  const user = requireUser(context);
  const session = context.locals.session;
  if (!session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'error.unauthorized' });
  return { user, session };
}

// Room for a long phrase in a multi-byte script; the policy itself counts characters.
const passwordField = z.string().max(MAX_PASSWORD_LENGTH * 4);

export const changePassword = defineAction({
  accept: 'form',
  input: z.object({
    currentPassword: passwordField.min(1),
    newPassword: passwordField,
    newPasswordConfirm: passwordField,
  }),
  handler: async (input, context) => {
    const { user, session } = requireSession(context);
    const problem = passwordProblem(input.newPassword, input.newPasswordConfirm);
    if (problem) throw new ActionError({ code: 'BAD_REQUEST', message: problem });
    const outcome = await storePassword(
      context.locals.db,
      { userId: user.id, sessionId: session.id, currentPassword: input.currentPassword, hashNew: () => hashPassword(input.newPassword) },
      new Date(),
    );
    if (!outcome.ok && outcome.reason === 'throttled') {
      throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: 'account.error.throttled' });
    }
    if (!outcome.ok) throw new ActionError({ code: 'FORBIDDEN', message: 'account.error.wrongPassword' });
    return { endedSessions: outcome.endedSessions };
  },
});

export const setLocale = defineAction({
  accept: 'form',
  input: z.object({ locale: z.enum(['zh', 'en']) }),
  handler: async ({ locale }, context) => {
    const user = requireUser(context);
    await storeLocale(context.locals.db, user.id, locale);
    return { locale };
  },
});

export const signOutOthers = defineAction({
  accept: 'form',
  input: z.object({}),
  handler: async (_input, context) => {
    const { user, session } = requireSession(context);
    return { endedSessions: await signOutOtherSessions(context.locals.db, user.id, session.id, new Date()) };
  },
});
