import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getEntry } from 'astro:content';
import { moduleRef } from '../schemas/common';
import { completeModule as storeCompletion } from '../lib/server/progress';
import { moduleEntryId } from '../lib/module-ids';
import { requireUser } from './guards';

export const completeModule = defineAction({
  accept: 'form',
  input: z.object({ moduleId: moduleRef }),
  handler: async ({ moduleId }, context) => {
    const user = requireUser(context);
    const exists = await getEntry('modules', moduleEntryId(moduleId, 'zh'));
    if (!exists) throw new ActionError({ code: 'NOT_FOUND', message: `There is no module "${moduleId}".` });
    const newlyCompleted = await storeCompletion(context.locals.db, user.id, moduleId, new Date());
    return { moduleId, newlyCompleted };
  },
});
