/**
 * "See this module as a learner would": `?preview=locked|new|in-progress` on a lesson page, for
 * trainers and admins only, so checking a new or changed module needs no demo person whose
 * progress happens to fit. The preview invents the progress; nothing is read from or written to
 * the previewer's own record.
 */
export const previewStates = ['locked', 'new', 'in-progress'] as const;
export type PreviewState = (typeof previewStates)[number];

/** The preview asked for, when the viewer may have it; anything else renders the page as usual. */
export function previewState(param: string | null, role: string): PreviewState | null {
  if (role !== 'trainer' && role !== 'admin') return null;
  return (previewStates as readonly string[]).includes(param ?? '') ? (param as PreviewState) : null;
}

export interface PreviewProgress {
  /** Modules the pretend learner has finished, with when. */
  completed: Map<string, Date>;
  /** Prerequisites still missing: the locked page lists them. */
  missing: string[];
}

/**
 * locked: none of the prerequisites done (a module without any is never locked; the page says so).
 * new: nothing done in the course. in-progress: every module before this one in the course done,
 * this one not.
 */
export function previewProgress(state: PreviewState, module: { moduleId: string; prerequisites: readonly string[] }, courseModuleIds: readonly string[], now: Date): PreviewProgress {
  if (state === 'locked') return { completed: new Map(), missing: [...module.prerequisites] };
  if (state === 'new') return { completed: new Map(), missing: [] };
  const before = courseModuleIds.slice(0, Math.max(0, courseModuleIds.indexOf(module.moduleId)));
  return { completed: new Map(before.map((id) => [id, now])), missing: [] };
}
