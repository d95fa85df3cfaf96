/**
 * The people who have left a team's active roster (deactivated) but whose history is still part
 * of it: shown on the team page so the team's past stays explained, by placeholder once erased.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { teamMembers, users } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { sortByName } from '../../people/ordering';

export function formerMembersOf(db: Database, teamIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, [...teamIds]), eq(users.active, false)))
    .then(sortByName);
}
