import type { Skill } from '../../schemas/skills';

type Lang = 'zh' | 'en';

/**
 * Skill names come from content/skills.yaml (trainers add skills there), not from the UI strings:
 * a skill id with no label (removed from the file since the attempt) shows as its id, never a crash.
 */
export function skillNamer(skills: readonly Skill[], lang: Lang): (id: string) => string {
  const labels = new Map(skills.map((s) => [s.id, s.label[lang]]));
  return (id) => labels.get(id) ?? id;
}

/** "倾听 +2，谈判 -1" / "Listening +2, Negotiation -1": a choice's non-zero skill effects. */
export function effectsText(effects: Record<string, number | undefined>, name: (id: string) => string, lang: Lang): string {
  return Object.entries(effects)
    .filter(([, v]) => v)
    .map(([k, v]) => `${name(k)} ${v! > 0 ? '+' : ''}${v}`)
    .join(lang === 'zh' ? '，' : ', ');
}
