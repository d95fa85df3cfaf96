/**
 * Who may see and act on whom. A manager leads the teams whose managerId is theirs and, through
 * parentTeamId, every team nested below them; an admin reaches everyone; nobody else reaches anyone
 * but themselves.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { teamMembers, teams, users, type Role } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import { sortByName } from '../ordering';

export interface TeamSummary {
  id: string;
  name: string;
  parentTeamId: string | null;
  managerId: string | null;
}

export interface Actor {
  id: string;
  role: Role;
}

export function mayUseTeamPages(actor: Actor): boolean {
  return actor.role === 'manager' || actor.role === 'admin';
}

// Nested teams are walked in SQL, so the depth of the tree never costs extra round trips. UNION
// (not UNION ALL) makes a cycle in parentTeamId terminate instead of looping.
const managedTeamIdsSql = (managerId: string) => sql`(
  WITH RECURSIVE managed(id) AS (
    SELECT id FROM teams WHERE manager_id = ${managerId}
    UNION
    SELECT t.id FROM teams t JOIN managed m ON t.parent_team_id = m.id
  )
  SELECT id FROM managed)`;

/** The teams an actor may look at: all for an admin, the led ones and those below for a manager. */
export async function teamsVisibleTo(db: Database, actor: Actor): Promise<TeamSummary[]> {
  if (!mayUseTeamPages(actor)) return [];
  const columns = { id: teams.id, name: teams.name, parentTeamId: teams.parentTeamId, managerId: teams.managerId };
  if (actor.role === 'admin') return db.select(columns).from(teams).then(sortByName);
  return db
    .select(columns)
    .from(teams)
    .where(inArray(teams.id, managedTeamIdsSql(actor.id)))
    .then(sortByName);
}

/**
 * Whether the actor may see and act on `userId`. One query. Nobody manages themselves: a manager
 * who is also listed on a team cannot sign off or promote their own record.
 */
export async function mayManagePerson(db: Database, actor: Actor, userId: string): Promise<boolean> {
  if (!mayUseTeamPages(actor) || actor.id === userId) return false;
  if (actor.role === 'admin') {
    const row = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    return row !== undefined;
  }
  const row = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, managedTeamIdsSql(actor.id))))
    .get();
  return row !== undefined;
}

export interface TeamPerson {
  id: string;
  name: string;
  email: string;
  levelId: string;
  levelSince: Date;
  locale: 'zh' | 'en';
  teamId: string;
}

/** The active members of the given teams, by name (pinyin order for Chinese names). One query. */
export async function membersOf(db: Database, teamIds: readonly string[]): Promise<TeamPerson[]> {
  if (teamIds.length === 0) return [];
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      levelId: users.levelId,
      levelSince: users.levelSince,
      locale: users.locale,
      teamId: teamMembers.teamId,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, [...teamIds]), eq(users.active, true)))
    .then(sortByName);
}

/** Ids of a team and every team nested below it. One query. */
export async function teamWithDescendants(db: Database, teamId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    WITH RECURSIVE below(id) AS (
      SELECT id FROM teams WHERE id = ${teamId}
      UNION
      SELECT t.id FROM teams t JOIN below b ON t.parent_team_id = b.id
    )
    SELECT id FROM below`);
  return rows.map((r) => r.id);
}
