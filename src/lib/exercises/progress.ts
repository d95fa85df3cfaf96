/**
 * A learner's standing on the exercises of a course or module, for "My learning" and the course
 * page: best submitted score, passed or not, and whether a half-done attempt waits to be resumed.
 */
export interface ExerciseListing {
  id: string;
  /** course-id/module-id of the module the exercise practises. */
  moduleId: string;
  title: string;
  passPercent: number;
}

export interface ExerciseRecord {
  bestPercent: number | null;
  inProgress: boolean;
}

export interface ExerciseStanding extends ExerciseListing {
  bestPercent: number | null;
  passed: boolean;
  inProgress: boolean;
}

export function exerciseStandings(listings: readonly ExerciseListing[], records: ReadonlyMap<string, ExerciseRecord>): ExerciseStanding[] {
  return listings.map((listing) => {
    const record = records.get(listing.id);
    const bestPercent = record?.bestPercent ?? null;
    return { ...listing, bestPercent, passed: bestPercent !== null && bestPercent >= listing.passPercent, inProgress: record?.inProgress ?? false };
  });
}

/** How many of the exercises in `moduleIds` there are and how many the learner has passed. */
export function exerciseTally(standings: readonly ExerciseStanding[], moduleIds: ReadonlySet<string>): { total: number; passed: number } {
  const inScope = standings.filter((s) => moduleIds.has(s.moduleId));
  return { total: inScope.length, passed: inScope.filter((s) => s.passed).length };
}
