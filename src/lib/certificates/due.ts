/** Which course certificates a learner has earned and not yet been given. Pure. */

/**
 * Courses whose every module the learner has completed, with the day the last one was done
 * (the date the certificate states), leaving out courses already certified and empty courses.
 */
export function courseCertificatesDue(
  courseModules: ReadonlyMap<string, readonly string[]>,
  completions: ReadonlyMap<string, Date>,
  certified: ReadonlySet<string>,
): { courseId: string; achievedAt: Date }[] {
  const due: { courseId: string; achievedAt: Date }[] = [];
  for (const [courseId, modules] of courseModules) {
    if (certified.has(courseId) || modules.length === 0) continue;
    const dates = modules.map((m) => completions.get(m));
    if (dates.some((d) => d === undefined)) continue;
    due.push({ courseId, achievedAt: new Date(Math.max(...dates.map((d) => d!.getTime()))) });
  }
  return due;
}
