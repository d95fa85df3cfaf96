/** Prerequisites of a module that the learner has not completed yet; empty means unlocked. */
export function missingPrerequisites(prerequisites: readonly string[], completed: ReadonlySet<string>): string[] {
  return prerequisites.filter((id) => !completed.has(id));
}

/** People who review content rather than learn it see every module unlocked. */
export function bypassesLocks(role: string): boolean {
  return role === 'trainer' || role === 'admin' || role === 'manager';
}
