import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { effectsText, skillNamer } from '../../src/lib/coaching/skill-text';
import { skillsSchema } from '../../src/schemas/skills';

const skills = skillsSchema.parse(parse(readFileSync('content/skills.yaml', 'utf8')));

describe('replay skill text', () => {
  it('names every skill in content/skills.yaml in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const name = skillNamer(skills, lang);
      for (const skill of skills) expect(name(skill.id)).toBe(skill.label[lang]);
    }
  });

  it('writes a choice’s effects with the skills file’s labels, signed, in the language’s list style', () => {
    expect(effectsText({ listening: 2, negotiation: -1, compliance: 0 }, skillNamer(skills, 'zh'), 'zh')).toBe('倾听 +2，谈判 -1');
    expect(effectsText({ listening: 2, negotiation: -1 }, skillNamer(skills, 'en'), 'en')).toBe('Listening +2, Negotiation -1');
  });

  it('shows a skill no longer in the file by its id instead of failing', () => {
    expect(effectsText({ 'retired-skill': 1 }, skillNamer(skills, 'en'), 'en')).toBe('retired-skill +1');
  });
});
