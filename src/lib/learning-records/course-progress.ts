export interface ProgressModule {
  moduleId: string;
  quizId: string | undefined;
}

export interface CourseProgress {
  done: number;
  total: number;
  /** 0–100, for the progress bar. */
  percent: number;
  /** Best quiz percent over the course's quizzes, or null if none was attempted. */
  bestQuizPercent: number | null;
  /** The first module in course order that is not complete; null when all are. */
  resumeModuleId: string | null;
}

/**
 * Where a learner stands in one course. `modules` must be in course order; `completed` holds
 * completed module ids; `bestQuizPercents` maps quiz id to the learner's best percent.
 */
export function courseProgress(
  modules: readonly ProgressModule[],
  completed: ReadonlySet<string>,
  bestQuizPercents: ReadonlyMap<string, number>,
): CourseProgress {
  const done = modules.filter((m) => completed.has(m.moduleId)).length;
  const total = modules.length;
  const quizScores = modules
    .map((m) => (m.quizId === undefined ? undefined : bestQuizPercents.get(m.quizId)))
    .filter((p): p is number => p !== undefined);
  return {
    done,
    total,
    percent: total === 0 ? 0 : Math.round((done / total) * 100),
    bestQuizPercent: quizScores.length === 0 ? null : Math.max(...quizScores),
    resumeModuleId: modules.find((m) => !completed.has(m.moduleId))?.moduleId ?? null,
  };
}
