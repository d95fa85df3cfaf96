import { z } from 'astro/zod';
import { bilingualText, slug } from './common';

/** One entry of `content/skills.yaml`: a skill role-plays score, named in both languages. */
export const skillSchema = z.strictObject({
  id: slug.describe('Stable id that role-play choices name in "effects", e.g. "listening"'),
  label: bilingualText.describe('How the debrief names the skill, e.g. 倾听 / Listening'),
});
export type Skill = z.infer<typeof skillSchema>;

/** `content/skills.yaml`: the list of skills, each id once. Trainers add skills here. */
export const skillsSchema = z.array(skillSchema).min(1, 'list at least one skill').superRefine((skills, ctx) => {
  const seen = new Map<string, number>();
  skills.forEach((skill, i) => {
    const first = seen.get(skill.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `is "${skill.id}", already used by entry [${first}]; give every skill its own id` });
    else seen.set(skill.id, i);
  });
});
