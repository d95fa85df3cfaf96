/**
 * Graph rules of a branching role-play, shared by the schema (which rejects broken scenarios)
 * and the scorer (which needs the best reachable score). Nodes are conversation points; a
 * choice is an edge to another node; a node without choices is an ending.
 */
export interface GraphChoice {
  id: string;
  to: string;
}

export interface GraphNode {
  id: string;
  choices?: readonly GraphChoice[] | undefined;
}

const isEnd = (node: GraphNode) => !node.choices || node.choices.length === 0;

/** Node ids reachable from `start` by following choices, `start` included. */
export function reachableFrom(nodes: readonly GraphNode[], start: string): Set<string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    for (const choice of node.choices ?? []) stack.push(choice.to);
  }
  return seen;
}

/** The ids along one loop in the graph, or null when the conversation can never come back on itself. */
export function findLoop(nodes: readonly GraphNode[]): string[] | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...trail.slice(trail.indexOf(id)), id];
    const node = byId.get(id);
    if (!node) return null;
    state.set(id, 'open');
    trail.push(id);
    for (const choice of node.choices ?? []) {
      const loop = visit(choice.to);
      if (loop) return loop;
    }
    trail.pop();
    state.set(id, 'done');
    return null;
  };
  for (const node of nodes) {
    const loop = visit(node.id);
    if (loop) return loop;
  }
  return null;
}

/** Ids of the nodes from which some sequence of choices reaches an ending. */
export function nodesReachingAnEnd(nodes: readonly GraphNode[]): Set<string> {
  const good = new Set(nodes.filter(isEnd).map((n) => n.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (!good.has(node.id) && (node.choices ?? []).some((c) => good.has(c.to))) {
        good.add(node.id);
        grew = true;
      }
    }
  }
  return good;
}

/**
 * The highest total of `weight` over any path from `start` to an ending. The graph must be
 * loop-free (the schema guarantees it), so every path is finite.
 */
export function bestPathTotal<C extends GraphChoice>(
  nodes: readonly { id: string; choices?: readonly C[] | undefined }[],
  start: string,
  weight: (choice: C) => number,
): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const memo = new Map<string, number>();
  const best = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const choices = node?.choices ?? [];
    const value = choices.length === 0 ? 0 : Math.max(...choices.map((c) => weight(c) + best(c.to)));
    memo.set(id, value);
    return value;
  };
  return best(start);
}
