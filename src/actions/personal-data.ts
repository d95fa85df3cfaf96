/**
 * An admin erases a departed person's personal data (lib/personal-data/erase.ts). The page asks
 * for confirmation first; the action insists on it too, since actions are reachable directly.
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { erasePerson } from '../lib/personal-data/server/erase';
import { requireAdmin } from './guards';

const refusals = {
  'not-found': { code: 'NOT_FOUND', message: 'admin.error.notFound' },
  self: { code: 'BAD_REQUEST', message: 'admin.error.self' },
  active: { code: 'CONFLICT', message: 'erase.error.active' },
  'already-erased': { code: 'CONFLICT', message: 'erase.error.already' },
} as const;

export const erase = defineAction({
  accept: 'form',
  input: z.strictObject({
    userId: z.string().trim().min(1).max(64),
    // The confirmation box: an unticked box is not sent at all, which the schema refuses.
    confirm: z.literal('yes', { message: 'tick the box to confirm' }),
  }),
  handler: async ({ userId }, context) => {
    const admin = requireAdmin(context);
    const outcome = await erasePerson(context.locals.db, userId, { actorId: admin.id, reason: 'admin', now: new Date() });
    if (!outcome.ok) throw new ActionError(refusals[outcome.reason]);
    return { userId };
  },
});
