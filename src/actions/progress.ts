import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getEntry } from 'astro:content';
import { moduleRef } from '../schemas/common';
import { completedModuleIds, completeModule as storeCompletion } from '../lib/learning-records/server/progress';
import { moduleEntryId } from '../lib/content/module-ids';
import { bypassesLocks, missingPrerequisites } from '../lib/learning-records/module-locks';
import { issueCourseCertificates } from '../lib/certificates/server/certificates';
import { loadCatalogue } from '../lib/promotion/server/ladder';
import { requireUser } from './guards';

export const completeModule = defineAction({
  accept: 'form',
  input: z.object({ moduleId: moduleRef }),
  handler: async ({ moduleId }, context) => {
    const user = requireUser(context);
    const entry = await getEntry('modules', moduleEntryId(moduleId, 'zh'));
    if (!entry) throw new ActionError({ code: 'NOT_FOUND', message: `There is no module "${moduleId}".` });
    const db = context.locals.db;
    if (!bypassesLocks(user.role)) {
      const missing = missingPrerequisites(entry.data.prerequisites, new Set((await completedModuleIds(db, user.id)).keys()));
      if (missing.length > 0) {
        throw new ActionError({ code: 'PRECONDITION_FAILED', message: `Finish ${missing.join(', ')} first.` });
      }
    }
    const now = new Date();
    const newlyCompleted = await storeCompletion(db, user.id, moduleId, now);
    if (newlyCompleted) {
      // The completion is stored and acknowledged whatever happens here; a certificate that fails
      // to issue now is issued when the learner next opens "My certificates".
      await issueCourseCertificates(db, user.id, await loadCatalogue(), now).catch((error) => console.error('Issuing course certificates failed:', error));
    }
    return { moduleId, newlyCompleted };
  },
});
