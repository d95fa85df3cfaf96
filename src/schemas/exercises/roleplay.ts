import { z } from 'astro/zod';
import { bilingualText, slug } from '../common';
import { exerciseBase, neutralId } from './base';
import { uniqueIds } from '../unique-ids';
import { bestPathTotal, findLoop, nodesReachingAnEnd, reachableFrom } from '../../lib/exercises/roleplay-graph';

/**
 * A skill a role-play scores: an id from content/skills.yaml, where trainers add skills with their
 * zh/en labels. The ids are checked against that file by content:check (the build runs it).
 */
export const roleplaySkill = slug.describe('The id of a skill in content/skills.yaml');
export type RoleplaySkill = string;

export const roleplayOutcomes = ['success', 'partial', 'failure'] as const;

const choice = z.strictObject({
  id: neutralId,
  text: bilingualText.describe('What the salesperson says or does, as the learner sees it'),
  to: slug.describe('Id of the node this choice leads to'),
  effects: z
    .record(roleplaySkill, z.number().int().min(-3, 'a skill effect is between -3 and 3').max(3, 'a skill effect is between -3 and 3'))
    .default({})
    .describe('Points this choice adds to or takes from each skill, e.g. { listening: 2, compliance: -1 }; never sent to the browser'),
  feedback: bilingualText.describe('Why this choice helped or hurt, shown in the debrief after submitting'),
});

const node = z
  .strictObject({
    id: slug.describe('Node id, unique within the role-play; stays on the server'),
    speaker: bilingualText.optional().describe('Who speaks the line, e.g. { zh: 采购经理, en: Purchasing manager }; 客户 / Customer when left out'),
    customer: bilingualText.optional().describe('What the speaker (the customer unless "speaker" says otherwise) says at this point'),
    narration: bilingualText.optional().describe('What happens — the consequence of the choice that led here'),
    choices: z
      .array(choice)
      .min(1, 'a node that continues needs at least one choice')
      .max(5, 'give at most five choices per node')
      .optional()
      .describe('What the salesperson can do next; leave out on an end node'),
    outcome: z.enum(roleplayOutcomes).optional().describe('Marks an end node: success, partial or failure'),
    debrief: bilingualText.optional().describe('End nodes only: how this ending came about, shown after submitting'),
  })
  .superRefine((n, context) => {
    if (n.choices && n.outcome) {
      context.addIssue({ code: 'custom', path: ['outcome'], message: 'a node either continues ("choices") or ends ("outcome"), not both; remove one' });
    }
    if (!n.choices && !n.outcome) {
      context.addIssue({ code: 'custom', path: ['choices'], message: 'give the node "choices" to continue the conversation, or an "outcome" to end it' });
    }
    if (!n.customer && !n.narration) {
      context.addIssue({ code: 'custom', path: ['customer'], message: 'give the node a "customer" line, a "narration", or both' });
    }
    if (n.outcome && !n.debrief) {
      context.addIssue({ code: 'custom', path: ['debrief'], message: 'an end node needs a "debrief" explaining how this ending came about' });
    }
    if (n.choices && n.debrief) {
      context.addIssue({ code: 'custom', path: ['debrief'], message: 'only end nodes have a "debrief"; put coaching on a choice in its "feedback"' });
    }
    if (n.choices) uniqueIds(n.choices, 'id', context, { path: ['choices'], what: 'choice' });
  });

/**
 * `type: roleplay` — a branching customer conversation. The server walks the graph: the browser
 * only ever sees the current node and the labels of its choices.
 */
export const roleplayExerciseSchema = exerciseBase
  .extend({
    type: z.literal('roleplay').describe('A branching customer conversation'),
    persona: bilingualText.describe('Who the customer is and the situation, shown before the first line'),
    start: slug.describe('Id of the node the conversation starts at'),
    nodes: z
      .array(node)
      .min(3, 'a role-play needs at least three nodes: a start and two endings')
      .max(40, 'a role-play holds at most forty nodes')
      .describe('Every point of the conversation, continuing nodes and endings'),
  })
  .strict()
  .superRefine((scenario, context) => {
    const ids = scenario.nodes.map((n) => n.id);
    uniqueIds(scenario.nodes, 'id', context, { path: ['nodes'], what: 'node' });
    const known = new Set(ids);
    let broken = false;
    if (!known.has(scenario.start)) {
      context.addIssue({ code: 'custom', path: ['start'], message: `names node "${scenario.start}", which is not in "nodes"; use the id of the opening node` });
      broken = true;
    }
    scenario.nodes.forEach((n, i) =>
      n.choices?.forEach((c, j) => {
        if (!known.has(c.to)) {
          context.addIssue({ code: 'custom', path: ['nodes', i, 'choices', j, 'to'], message: `leads to node "${c.to}", which does not exist; use the id of a node in "nodes"` });
          broken = true;
        }
      }),
    );
    if (broken) return;
    const loop = findLoop(scenario.nodes);
    if (loop) {
      context.addIssue({ code: 'custom', path: ['nodes'], message: `the conversation can loop (${loop.join(' → ')}); point one of these choices at a later node so every path ends` });
      return;
    }
    const reachable = reachableFrom(scenario.nodes, scenario.start);
    scenario.nodes.forEach((n, i) => {
      if (!reachable.has(n.id)) {
        context.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `node "${n.id}" can never be reached from "${scenario.start}"; lead a choice to it or remove it` });
      }
    });
    const endings = scenario.nodes.filter((n) => n.outcome && reachable.has(n.id));
    if (endings.length === 0) {
      context.addIssue({ code: 'custom', path: ['nodes'], message: 'no ending can be reached from the start; add a node with an "outcome" and lead a choice to it' });
    }
    const reachesEnd = nodesReachingAnEnd(scenario.nodes);
    scenario.nodes.forEach((n, i) => {
      if (reachable.has(n.id) && !reachesEnd.has(n.id)) {
        context.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `node "${n.id}" is a dead end: no choice from it ever reaches an ending` });
      }
    });
    const total = (c: { effects: Record<RoleplaySkill, number> }) => Object.values(c.effects).reduce((sum: number, v) => sum + (v ?? 0), 0);
    if (bestPathTotal(scenario.nodes, scenario.start, total) <= 0) {
      context.addIssue({ code: 'custom', path: ['nodes'], message: 'no path earns any skill points; give the good choices positive "effects" so the best path scores above zero' });
    }
  });

export type RoleplayExercise = z.infer<typeof roleplayExerciseSchema>;
export type RoleplayNode = RoleplayExercise['nodes'][number];
export type RoleplayChoice = NonNullable<RoleplayNode['choices']>[number];
