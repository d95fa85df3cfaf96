/**
 * The lock check every action that opens or records work runs first (see ../work-locks.ts). No
 * Astro imports, so the integration tests call it directly.
 */
import type { Language } from '../../../schemas/common';
import { bypassesLocks } from '../module-locks';
import { lockedWorkMessage, placementsOf, type WorkIndex, type WorkKind } from '../work-locks';
import type { Database } from '../../platform/server/db';
import { completedModuleIds } from './progress';

/** Why this learner may not work on it yet, or null. Reads completions only when a lock applies. */
export async function lockedWorkRefusal(
  db: Database,
  user: { id: string; role: string },
  index: WorkIndex,
  kind: WorkKind,
  workId: string,
  lang: Language,
): Promise<string | null> {
  const placements = placementsOf(index, kind, workId);
  if (bypassesLocks(user.role) || placements.every((p) => p.prerequisites.length === 0)) return null;
  const completed = new Set((await completedModuleIds(db, user.id)).keys());
  return lockedWorkMessage(placements, completed, user.role, lang);
}
