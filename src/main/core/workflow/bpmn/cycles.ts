import type { DependencyDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { nodeRef } from '../../../../shared/workflow/problem-text';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import { append } from '../../../../shared/workflow/append';

interface Edge {
  to: number;
  /** The dependency this edge stands for; structural edges (start→end, container→child) have none. */
  dependency?: { target: WorkflowNodeDefinition; definition: DependencyDefinition };
}

/**
 * Each node is two events, its start and its end. A node ends after it starts; a container
 * starts before its children and ends after them; a dependency (except `any`, which never
 * blocks) makes its target start after its source ends. A cycle among these events is a
 * deadlock: a BPMN loop, or a node waiting for its own container.
 */
function buildEventGraph(nodes: readonly WorkflowNodeDefinition[], dropped: ReadonlySet<DependencyDefinition>): Edge[][] {
  const index = new Map(nodes.map((node, position) => [node.nodeId, position]));
  const start = (position: number): number => 2 * position;
  const end = (position: number): number => 2 * position + 1;
  const edges: Edge[][] = Array.from({ length: nodes.length * 2 }, () => []);
  const children = new Map<number, number[]>();
  nodes.forEach((node, position) => {
    const parent = node.parentId == null ? undefined : index.get(node.parentId);
    if (parent === undefined) return;
    const siblings = children.get(parent);
    if (siblings) siblings.push(position);
    else children.set(parent, [position]);
  });
  const dependents: Edge[][] = Array.from({ length: nodes.length }, () => []);
  nodes.forEach((node, position) => {
    for (const definition of node.dependencies ?? []) {
      const source = index.get(definition.sourceNodeId);
      if (source === undefined || definition.type === 'any' || dropped.has(definition)) continue;
      dependents[source]?.push({ to: start(position), dependency: { target: node, definition } });
    }
  });
  nodes.forEach((node, position) => {
    // Entry nodes (waiting for nothing) first, so that a loop is cut at its back edge.
    const kids = [...(children.get(position) ?? [])].sort(
      (a, b) => Number((nodes[a]?.dependencies?.length ?? 0) > 0) - Number((nodes[b]?.dependencies?.length ?? 0) > 0),
    );
    const fromStart = edges[start(position)];
    if (fromStart) append(fromStart, [...kids.map((kid) => ({ to: start(kid) })), { to: end(position) }]);
    const fromEnd = edges[end(position)];
    if (fromEnd) append(fromEnd, dependents[position] ?? []);
    const parent = node.parentId == null ? undefined : index.get(node.parentId);
    if (parent !== undefined) edges[end(position)]?.push({ to: end(parent) });
  });
  return edges;
}

/** One depth-first pass; returns false when it dropped an edge found through a structural back edge. */
function cutCycles(edges: Edge[][], dropped: Set<DependencyDefinition>, onDrop: (edge: Edge) => void): boolean {
  const state = new Uint8Array(edges.length);
  const ON_STACK = 1;
  const DONE = 2;
  for (let root = 0; root < edges.length; root += 1) {
    if (state[root] !== 0) continue;
    const stack: { vertex: number; next: number; enteredBy?: Edge }[] = [{ vertex: root, next: 0 }];
    state[root] = ON_STACK;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { vertex: number; next: number; enteredBy?: Edge };
      const edge = edges[frame.vertex]?.[frame.next];
      if (!edge) {
        state[frame.vertex] = DONE;
        stack.pop();
        continue;
      }
      frame.next += 1;
      if (edge.dependency && dropped.has(edge.dependency.definition)) continue;
      if (state[edge.to] === 0) {
        state[edge.to] = ON_STACK;
        stack.push({ vertex: edge.to, next: 0, enteredBy: edge });
      } else if (state[edge.to] === ON_STACK) {
        if (edge.dependency) {
          onDrop(edge);
          continue;
        }
        const closing = [...stack].reverse().find((entry) => entry.enteredBy?.dependency && !dropped.has(entry.enteredBy.dependency.definition));
        if (closing?.enteredBy) onDrop(closing.enteredBy);
        return false;
      }
    }
  }
  return true;
}

/** Drops the dependencies that close cycles, each with a warning, until none is left. */
export function breakDependencyCycles(nodes: readonly WorkflowNodeDefinition[], problems: ImportProblems): void {
  const dropped = new Set<DependencyDefinition>();
  const onDrop = (edge: Edge): void => {
    if (!edge.dependency) return;
    const { target, definition } = edge.dependency;
    dropped.add(definition);
    problems.warn(BPMN_PROBLEM.dependencyDropped, { context: 'cycle', node: nodeRef(target.nodeId), source: nodeRef(definition.sourceNodeId) }, { nodeId: target.nodeId });
  };
  let finished = false;
  while (!finished) {
    const before = dropped.size;
    finished = cutCycles(buildEventGraph(nodes, dropped), dropped, onDrop);
    // A structural back edge with no dependency on the stack cannot be cut; it cannot occur, as
    // the structure alone is a tree, but the loop must end regardless.
    if (!finished && dropped.size === before) break;
  }
  for (const node of nodes) {
    if (!node.dependencies?.some((definition) => dropped.has(definition))) continue;
    node.dependencies = node.dependencies.filter((definition) => !dropped.has(definition));
  }
}
