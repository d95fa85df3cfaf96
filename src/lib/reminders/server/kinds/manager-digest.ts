/**
 * The managers' weekly digest, on the digest day: for every active manager, the people of the teams
 * they lead (and teams nested below), as the team page computes them. One recursive query for who
 * leads what, then the team page's own loader once for every led team together.
 */
import { sql } from 'drizzle-orm';
import { teamDashboard } from '../../../promotion/server/team-dashboard';
import { digestContents } from '../../digest';
import { isDigestDay, weekKey } from '../../schedule';
import type { DigestReminderData } from '../../templates';
import type { ReminderKind } from './types';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

export const managerDigest: ReminderKind = {
  id: 'manager-digest',
  webhook: true,
  async plan(ctx) {
    if (!isDigestDay(ctx.now, ctx.zone)) return [];
    const led = await ctx.db.all<{ managerId: string; teamId: string }>(sql`
      WITH RECURSIVE managed(manager_id, team_id) AS (
        SELECT manager_id, id FROM teams WHERE manager_id IS NOT NULL
        UNION
        SELECT m.manager_id, t.id FROM teams t JOIN managed m ON t.parent_team_id = m.team_id
      )
      SELECT m.manager_id AS managerId, m.team_id AS teamId FROM managed m
      JOIN users u ON u.id = m.manager_id WHERE u.active = 1`);
    if (led.length === 0) return [];
    const views = await teamDashboard(ctx.db, { teamIds: [...new Set(led.map((l) => l.teamId))], ladder: ctx.ladder, curriculum: ctx.curriculum, now: ctx.now, zone: ctx.zone });
    const byTeam = groupBy(views, (v) => v.person.teamId);
    const teamsOf = groupBy(led, (l) => l.managerId);
    const week = weekKey(ctx.now, ctx.zone);
    const planned = [];
    for (const [managerId, teams] of teamsOf) {
      const people = [...new Set(teams.map((t) => t.teamId))]
        .flatMap((id) => byTeam.get(id) ?? [])
        // A manager listed on a team is not part of their own digest.
        .filter((v) => v.person.id !== managerId)
        .map((v) => ({
          name: v.person.name,
          share: v.row.readiness?.share ?? null,
          ready: v.row.readiness?.ready ?? false,
          lastActivity: v.row.lastActivity,
          overdue: v.row.overdue,
        }));
      const contents = digestContents(people, ctx.now);
      // A quiet week is news too: every manager with people gets the digest, so its absence never worries anyone.
      if (people.length === 0) continue;
      planned.push({ userId: managerId, subject: 'team', period: week, data: { week, contents } satisfies DigestReminderData as unknown as Record<string, unknown> });
    }
    return planned;
  },
};
