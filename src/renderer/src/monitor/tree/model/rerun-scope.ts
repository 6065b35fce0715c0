import type { TaskNodes } from '../../../task-panels/task-panel';

/** Who depends on whom, inverted once per version of the nodes: source → the nodes whose edges start there. */
export function dependentsIndex(nodes: TaskNodes): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of nodes.byId.values()) {
    for (const edge of node.dependencies) {
      const list = out.get(edge.sourceNodeId);
      if (list) list.push(node.nodeId);
      else out.set(edge.sourceNodeId, [node.nodeId]);
    }
  }
  return out;
}

function childrenIndex(nodes: TaskNodes): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of nodes.byId.values()) {
    if (node.parentId === null) continue;
    const list = out.get(node.parentId);
    if (list) list.push(node.nodeId);
    else out.set(node.parentId, [node.nodeId]);
  }
  return out;
}

export interface RerunIndex {
  dependents: Map<string, string[]>;
  children: Map<string, string[]>;
}

export function rerunIndex(nodes: TaskNodes): RerunIndex {
  return { dependents: dependentsIndex(nodes), children: childrenIndex(nodes) };
}

/**
 * How many nodes a rerun from `nodeId` covers, as the scheduler counts them: the node,
 * everything depending on it transitively, and everything inside those containers. An
 * estimate for the confirmation; the count the core returns is the one reported after.
 */
export function rerunCount(index: RerunIndex, nodeId: string): number {
  const found = new Set<string>([nodeId]);
  const queue = [nodeId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const next of [...(index.dependents.get(id) ?? []), ...(index.children.get(id) ?? [])]) {
      if (found.has(next)) continue;
      found.add(next);
      queue.push(next);
    }
  }
  return found.size;
}
