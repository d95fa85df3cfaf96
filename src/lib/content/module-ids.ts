import type { Language } from '../../schemas/common';

export interface ModuleEntryId {
  courseId: string;
  moduleSlug: string;
  /** "course/module": the language-neutral key progress is stored under. */
  moduleId: string;
  lang: Language;
}

/** Splits a modules-collection entry id ("course/module.zh") into its parts; null if malformed. */
export function parseModuleEntryId(entryId: string): ModuleEntryId | null {
  const match = /^([a-z0-9-]+)\/([a-z0-9-]+)\.(zh|en)$/.exec(entryId);
  if (!match) return null;
  const [, courseId, moduleSlug, lang] = match as unknown as [string, string, string, Language];
  return { courseId, moduleSlug, moduleId: `${courseId}/${moduleSlug}`, lang };
}

export function moduleEntryId(moduleId: string, lang: Language): string {
  return `${moduleId}.${lang}`;
}
