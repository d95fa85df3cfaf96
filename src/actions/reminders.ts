/**
 * A signed-in person's reminders: marking them read and choosing how they arrive. Each touches only
 * the caller's own rows. Refusals carry a UI string key as their message.
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { markAllRead as storeAllRead, markRead as storeRead, preferencesOf, savePreferences } from '../lib/reminders/server/store';
import { kindsOffered, preferencesFrom, preferencesInput } from '../lib/reminders/server/preferences-input';
import { reminderKindRegistry } from '../lib/reminders/server/kinds';
import { allowedWebhookHosts } from '../lib/reminders/webhook-payload';
import { serverEnv } from '../lib/platform/server/env';
import { requireUser } from './guards';

export const markRead = defineAction({
  accept: 'form',
  input: z.object({ id: z.string().trim().min(1).max(100) }),
  handler: async ({ id }, context) => {
    const user = requireUser(context);
    if (!(await storeRead(context.locals.db, user.id, id, new Date()))) throw new ActionError({ code: 'NOT_FOUND', message: 'reminders.error.notFound' });
    return { id };
  },
});

export const markAllRead = defineAction({
  accept: 'form',
  input: z.object({}),
  handler: async (_input, context) => {
    const user = requireUser(context);
    return { read: await storeAllRead(context.locals.db, user.id, new Date()) };
  },
});

export const setPreferences = defineAction({
  accept: 'form',
  input: preferencesInput,
  handler: async (input, context) => {
    const user = requireUser(context);
    const previous = await preferencesOf(context.locals.db, user.id);
    const offered = kindsOffered(reminderKindRegistry, user.role);
    const prefs = preferencesFrom(input, user.role, allowedWebhookHosts(serverEnv().WEBHOOK_ALLOWED_HOSTS), offered, previous.mutedKinds);
    if (typeof prefs === 'string') throw new ActionError({ code: prefs === 'reminders.error.webhookRole' ? 'FORBIDDEN' : 'BAD_REQUEST', message: prefs });
    await savePreferences(context.locals.db, user.id, prefs, new Date());
    return { saved: true };
  },
});
