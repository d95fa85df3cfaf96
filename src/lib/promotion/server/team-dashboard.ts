/**
 * Everything the manager's team page shows, computed for a set of teams: one query for the people,
 * nine for their records, then the pure readiness engine per person. Benchmarks call this too.
 */
import { assignmentProgress, type AssignmentProgress } from '../../learning-records/assignments';
import { levelById, nextLevel, type Ladder } from '../ladder';
import { readinessFor, type CurriculumIndex } from '../readiness';
import { buildTeamRow, type TeamRow } from '../team-matrix';
import type { Database } from '../../platform/server/db';
import { loadRecords, type AssignmentRecord, type PersonRecords } from './learner-records';
import { membersOf, type TeamPerson } from '../../people/server/team-scope';

export interface TeamMemberView {
  person: TeamPerson;
  records: PersonRecords;
  row: TeamRow;
  assignments: (AssignmentRecord & { progress: AssignmentProgress })[];
}

export async function teamDashboard(
  db: Database,
  { teamIds, ladder, curriculum, now, zone }: { teamIds: readonly string[]; ladder: Ladder; curriculum: CurriculumIndex; now: Date; zone: string },
): Promise<TeamMemberView[]> {
  const people = await membersOf(db, teamIds);
  const records = await loadRecords(db, people);
  return people.map((person) => {
    const personRecords = records.get(person.id)!;
    const target = nextLevel(ladder, person.levelId);
    const readiness = target ? readinessFor(target, personRecords.record, curriculum, now, zone) : null;
    const assignments = personRecords.assignments.map((a) => ({
      ...a,
      progress: assignmentProgress(a, personRecords.record.completions, curriculum, now),
    }));
    const row = buildTeamRow(
      {
        userId: person.id,
        name: person.name,
        email: person.email,
        levelId: person.levelId,
        levelOrder: levelById(ladder, person.levelId)?.order ?? 0,
        nextLevelId: target?.id ?? null,
        lastActivity: personRecords.lastActivity,
        overdue: assignments.filter((a) => a.progress.status === 'overdue').length,
        openAssignments: assignments.filter((a) => a.progress.status !== 'done').length,
      },
      readiness,
    );
    return { person, records: personRecords, row, assignments };
  });
}
