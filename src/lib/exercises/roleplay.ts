/**
 * The role-play state machine. The state is only the list of choice ids taken so far; the
 * current node is found by replaying them from the start, so a stored state can never point at
 * a node the learner did not reach, and a state that no longer fits the scenario is detected.
 */
import type { Language } from '../../schemas/common';
import { type RoleplayExercise, type RoleplayNode, type RoleplayChoice, type RoleplaySkill } from '../../schemas/exercises/roleplay';
import { bestPathTotal } from './roleplay-graph';
import { publicBase, resultBase, seededShuffle, type PublicBase, type ResultBase } from './common';

export interface RoleplayState {
  type: 'roleplay';
  /** Choice ids taken, from the start node on. */
  choices: string[];
}

export interface PublicRoleplayNode {
  /** Who says `customer`: the node's "speaker", or null for the default (客户 / Customer). */
  speaker: string | null;
  customer: string | null;
  narration: string | null;
  /** Labels of the next choices, shuffled per node; no targets, no effects. */
  choices: { id: string; text: string }[];
  ended: boolean;
  outcome: 'success' | 'partial' | 'failure' | null;
}

export interface PublicRoleplay extends PublicBase {
  type: 'roleplay';
  persona: string;
  /** What has been said so far: each reached node and the choice taken there. */
  transcript: { speaker: string | null; customer: string | null; narration: string | null; chosen: string }[];
  node: PublicRoleplayNode;
}

export interface RoleplayResult extends ResultBase {
  type: 'roleplay';
  outcome: 'success' | 'partial' | 'failure';
  ending: string;
  skills: { skill: RoleplaySkill; score: number; best: number }[];
  path: { speaker: string | null; customer: string | null; chosen: string; feedback: string; effects: Partial<Record<RoleplaySkill, number>> }[];
}

export class RoleplayMoveError extends Error {
  constructor(readonly reason: 'ended' | 'unknown-choice' | 'invalid-state') {
    super(`role-play move refused: ${reason}`);
  }
}

export const initialRoleplayState = (): RoleplayState => ({ type: 'roleplay', choices: [] });

const nodeById = (scenario: RoleplayExercise) => new Map(scenario.nodes.map((n) => [n.id, n]));

/** The nodes walked and the current node, or null when a choice does not belong where it was taken. */
export function replay(scenario: RoleplayExercise, state: RoleplayState): { path: { node: RoleplayNode; choice: RoleplayChoice }[]; node: RoleplayNode } | null {
  const nodes = nodeById(scenario);
  let node = nodes.get(scenario.start);
  const path: { node: RoleplayNode; choice: RoleplayChoice }[] = [];
  for (const choiceId of state.choices) {
    const choice = node?.choices?.find((c) => c.id === choiceId);
    if (!node || !choice) return null;
    path.push({ node, choice });
    node = nodes.get(choice.to);
  }
  return node ? { path, node } : null;
}

/** Takes `choiceId` at the current node: the new state and the node it leads to. */
export function advance(scenario: RoleplayExercise, state: RoleplayState, choiceId: string): { state: RoleplayState; node: RoleplayNode } {
  const walked = replay(scenario, state);
  if (!walked) throw new RoleplayMoveError('invalid-state');
  if (!walked.node.choices) throw new RoleplayMoveError('ended');
  const choice = walked.node.choices.find((c) => c.id === choiceId);
  if (!choice) throw new RoleplayMoveError('unknown-choice');
  const next = nodeById(scenario).get(choice.to)!;
  return { state: { type: 'roleplay', choices: [...state.choices, choiceId] }, node: next };
}

export function toPublicNode(node: RoleplayNode, lang: Language, seed: number): PublicRoleplayNode {
  return {
    speaker: node.speaker?.[lang] ?? null,
    customer: node.customer?.[lang] ?? null,
    narration: node.narration?.[lang] ?? null,
    choices: seededShuffle(node.choices ?? [], seed, node.id).map((c) => ({ id: c.id, text: c.text[lang] })),
    ended: !node.choices,
    outcome: node.outcome ?? null,
  };
}

/** The browser's view: the persona, the conversation so far and the current node. A state that no longer fits starts over. */
export function toPublicRoleplay(id: string, scenario: RoleplayExercise, lang: Language, seed: number, state: RoleplayState): PublicRoleplay {
  const walked = replay(scenario, state) ?? replay(scenario, initialRoleplayState())!;
  return {
    ...publicBase(id, scenario, lang),
    type: 'roleplay',
    persona: scenario.persona[lang],
    transcript: walked.path.map(({ node, choice }) => ({ speaker: node.speaker?.[lang] ?? null, customer: node.customer?.[lang] ?? null, narration: node.narration?.[lang] ?? null, chosen: choice.text[lang] })),
    node: toPublicNode(walked.node, lang, seed),
  };
}

const total = (choice: RoleplayChoice, skill?: RoleplaySkill) =>
  skill ? (choice.effects[skill] ?? 0) : Object.values(choice.effects).reduce((sum, v) => sum + (v ?? 0), 0);

/**
 * Scores a finished conversation: the skill effects along the path taken, out of the best total
 * any path to an ending could earn. Null while the conversation has not reached an ending.
 */
export function scoreRoleplay(scenario: RoleplayExercise, state: RoleplayState, lang: Language): RoleplayResult | null {
  const walked = replay(scenario, state);
  if (!walked || walked.node.choices || !walked.node.outcome) return null;
  // The skills this scenario scores (content/skills.yaml lists them all), in the order they first appear.
  const scored = [...new Set(scenario.nodes.flatMap((n) => (n.choices ?? []).flatMap((c) => Object.keys(c.effects))))];
  const skills = scored.map((skill) => ({
    skill,
    score: walked.path.reduce((sum, step) => sum + total(step.choice, skill), 0),
    best: bestPathTotal(scenario.nodes, scenario.start, (c) => total(c, skill)),
  }));
  const score = walked.path.reduce((sum, step) => sum + total(step.choice), 0);
  const maxScore = bestPathTotal(scenario.nodes, scenario.start, (c) => total(c));
  const debrief = [walked.node.debrief?.[lang], scenario.debrief[lang]].filter(Boolean).join('\n\n');
  return {
    ...resultBase(scenario, score, maxScore, lang),
    debrief,
    type: 'roleplay',
    outcome: walked.node.outcome,
    ending: (walked.node.narration ?? walked.node.customer)?.[lang] ?? '',
    skills,
    path: walked.path.map(({ node, choice }) => ({ speaker: node.speaker?.[lang] ?? null, customer: node.customer?.[lang] ?? null, chosen: choice.text[lang], feedback: choice.feedback[lang], effects: choice.effects })),
  };
}
