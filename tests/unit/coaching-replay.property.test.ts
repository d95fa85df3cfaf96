/**
 * A replay shows what the learner saw and nothing more: over every role-play in content/ and any
 * finished path through it, no text of an unreached node, of an option not taken, or of the
 * scenario's debrief appears, in either language.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { exerciseSchema } from '../../src/schemas/exercise';
import type { RoleplayExercise } from '../../src/schemas/exercises/roleplay';
import { buildReplay } from '../../src/lib/coaching/replay';

const roleplays = readdirSync('content/exercises')
  .map((f) => exerciseSchema.parse(parseYaml(readFileSync(`content/exercises/${f}`, 'utf8'))))
  .filter((e): e is RoleplayExercise => e.type === 'roleplay');

/** A finished walk picking choice `picks[i] % n` at the i-th node. */
function walk(s: RoleplayExercise, picks: number[]): string[] {
  const nodes = new Map(s.nodes.map((n) => [n.id, n]));
  const choices: string[] = [];
  let node = nodes.get(s.start)!;
  for (let i = 0; node.choices && i < 50; i++) {
    const choice = node.choices[(picks[i] ?? 0) % node.choices.length]!;
    choices.push(choice.id);
    node = nodes.get(choice.to)!;
  }
  return choices;
}

describe('role-play replay', () => {
  it('covers the role-plays in content/', () => expect(roleplays.length).toBeGreaterThan(3));

  it('never shows an unreached node, an option not taken or the debrief', () => {
    fc.assert(
      fc.property(fc.constantFrom(...roleplays), fc.array(fc.nat(5), { maxLength: 50 }), fc.constantFrom('zh' as const, 'en' as const), (s, picks, lang) => {
        const choices = walk(s, picks);
        const replay = buildReplay(s, choices, null, lang);
        if (!replay) return; // a walk that hit the step cap: nothing to replay
        const text = JSON.stringify(replay);
        const taken = new Set(choices);
        const reached = new Set([s.start, ...s.nodes.flatMap((n) => (n.choices ?? []).filter((c) => taken.has(c.id)).map((c) => c.to))]);
        // What the learner did see: the reached nodes' lines and the chosen replies with their feedback.
        const seen = new Set<string>();
        for (const n of s.nodes) {
          if (reached.has(n.id)) for (const t of [n.customer?.[lang], n.narration?.[lang]]) if (t) seen.add(t);
          for (const c of n.choices ?? []) if (taken.has(c.id)) [c.text[lang], c.feedback[lang]].forEach((t) => seen.add(t));
        }
        const hidden = [
          ...s.nodes.filter((n) => !reached.has(n.id)).flatMap((n) => [n.customer?.[lang], n.narration?.[lang], n.debrief?.[lang]]),
          ...s.nodes.flatMap((n) => (n.choices ?? []).filter((c) => !taken.has(c.id)).flatMap((c) => [c.text[lang], c.feedback[lang]])),
          s.debrief[lang],
        ].filter((t): t is string => !!t && ![...seen].some((v) => v.includes(t)));
        for (const h of hidden) expect(text, `${lang}: replay shows hidden text "${h.slice(0, 40)}"`).not.toContain(h);
      }),
      { numRuns: 300 },
    );
  });
});
