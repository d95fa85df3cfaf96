/** One box of a `<Flow>` chart. */
export interface FlowStep {
  id: string;
  label: string;
  kind?: 'start' | 'step' | 'decision' | 'end';
  note?: string;
  /** The step this one leads to; defaults to the next step in the list. */
  next?: string;
  /** For a decision: each outcome and the step it leads to. */
  branches?: { label: string; to: string }[];
}

export interface FlowEdge {
  to: string;
  label?: string;
}

/** Outgoing edges of every step: branches, else `next`, else the following step (none for an end). */
export function flowEdges(steps: readonly FlowStep[]): Map<string, FlowEdge[]> {
  const edges = new Map<string, FlowEdge[]>();
  steps.forEach((step, i) => {
    if (step.branches?.length) edges.set(step.id, step.branches.map((b) => ({ to: b.to, label: b.label })));
    else if (step.next) edges.set(step.id, [{ to: step.next }]);
    else if (step.kind !== 'end' && steps[i + 1]) edges.set(step.id, [{ to: steps[i + 1]!.id }]);
    else edges.set(step.id, []);
  });
  return edges;
}

/** Problems with a flow's data: duplicate ids and edges to steps that do not exist. */
export function flowProblems(steps: readonly FlowStep[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const s of steps) {
    if (ids.has(s.id)) problems.push(`step id "${s.id}" is used twice; give every step its own id`);
    ids.add(s.id);
  }
  for (const [from, out] of flowEdges(steps)) {
    for (const e of out) if (!ids.has(e.to)) problems.push(`step "${from}" leads to "${e.to}", which is not a step id in this flow`);
  }
  return problems;
}
