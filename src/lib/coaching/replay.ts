/**
 * A submitted role-play attempt, step by step, for the learner and their manager. Pure.
 *
 * Only what the learner saw is shown: each node reached (what the customer said), the choice taken
 * there with its feedback and skill points, the ending and the skill totals. Options not taken and
 * nodes not reached never appear. The walk is rebuilt from the stored choices in the reader's
 * language; if the scenario has changed since so that the choices no longer fit, the conversation as
 * stored on submission (in the language it was done in) is shown instead.
 */
import type { Language } from '../../schemas/common';
import type { RoleplayExercise, RoleplaySkill } from '../../schemas/exercises/roleplay';
import { replay as walk, scoreRoleplay, type RoleplayResult } from '../exercises/roleplay';

export interface ReplayStep {
  /** 0-based; managers comment on a step by this index. */
  index: number;
  customer: string | null;
  narration: string | null;
  chosen: string;
  feedback: string;
  effects: Partial<Record<RoleplaySkill, number>>;
}

export interface Replay {
  steps: ReplayStep[];
  ending: string;
  outcome: 'success' | 'partial' | 'failure' | null;
  skills: { skill: RoleplaySkill; score: number; best: number }[];
  /** True when the stored record was used because the scenario no longer fits the choices. */
  fromRecord: boolean;
}

export function buildReplay(scenario: RoleplayExercise, choices: readonly string[], stored: RoleplayResult | null, lang: Language): Replay | null {
  const walked = walk(scenario, { type: 'roleplay', choices: [...choices] });
  if (walked && !walked.node.choices) {
    return {
      steps: walked.path.map(({ node, choice }, index) => ({
        index,
        customer: node.customer?.[lang] ?? null,
        narration: node.narration?.[lang] ?? null,
        chosen: choice.text[lang],
        feedback: choice.feedback[lang],
        effects: choice.effects,
      })),
      ending: (walked.node.narration ?? walked.node.customer)?.[lang] ?? '',
      outcome: walked.node.outcome ?? null,
      skills: scoreRoleplay(scenario, { type: 'roleplay', choices: [...choices] }, lang)?.skills ?? stored?.skills ?? [],
      fromRecord: false,
    };
  }
  if (!stored || stored.type !== 'roleplay') return null;
  return {
    steps: stored.path.map((p, index) => ({ index, customer: p.customer, narration: null, chosen: p.chosen, feedback: p.feedback, effects: p.effects })),
    ending: stored.ending,
    outcome: stored.outcome,
    skills: stored.skills,
    fromRecord: true,
  };
}
