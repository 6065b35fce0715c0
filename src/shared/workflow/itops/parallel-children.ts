import { problem, type Problem } from '../problems';
import { nodeRef } from '../problem-text';
import { WORKFLOW_PROBLEM } from '../problem-codes';
import { ITOPS_PROBLEM } from './problem-codes';

/**
 * Which nodes each parallel node of a template holds. A parallel node's `children` says so;
 * without it, its children are the nodes between it and where its branches meet: every node
 * reachable from its edges' targets that is not reachable from all of them (the meeting node
 * and what follows it run after the parallel step). Branches that never meet hold everything
 * after them; a single branch holds only its first node. What the rule cannot decide (branches
 * meeting at more than one node, a node between the parallel node and the meeting entered from
 * elsewhere, the branches of two parallel nodes crossing) is an error that asks for `children`.
 */

export interface TemplateGraph {
  /** Node ids in file order, with their index in `nodes`. */
  nodes: readonly { id: string; index: number; parallel: boolean; children?: readonly string[] }[];
  /** Edges that name known nodes, with their index in `edges`. */
  edges: readonly { source: string; target: string; index: number }[];
}

export interface Containment {
  /** Each node's parallel node; absent: the root. */
  parent: Map<string, string>;
  /** Each parallel node's children, in the order given, else in file order. */
  children: Map<string, string[]>;
  problems: Problem[];
}

export function findParallelChildren(graph: TemplateGraph): Containment {
  const problems: Problem[] = [];
  const successors = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = successors.get(edge.source) ?? [];
    if (!list.includes(edge.target)) list.push(edge.target);
    successors.set(edge.source, list);
  }
  const sets = new Map<string, Set<string>>();
  const order = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (!node.parallel) continue;
    if (node.children) {
      sets.set(node.id, new Set(node.children));
      order.set(node.id, [...new Set(node.children)]);
      continue;
    }
    const found = implicitChildren(node.id, node.index, successors, graph, problems);
    sets.set(node.id, found);
    order.set(
      node.id,
      graph.nodes.filter((other) => found.has(other.id)).map((other) => other.id),
    );
  }

  const parent = new Map<string, string>();
  const indexOf = new Map(graph.nodes.map((node) => [node.id, node.index]));
  for (const node of graph.nodes) {
    const holders = [...sets].filter(([id, set]) => id !== node.id && set.has(node.id)).sort((a, b) => a[1].size - b[1].size);
    if (holders.length === 0) continue;
    const [first] = holders;
    const crossing = holders.slice(1).find(([, set]) => ![...first![1]].every((id) => id === first![0] || set.has(id)) || !set.has(first![0]));
    if (crossing) {
      problems.push(problem('error', ITOPS_PROBLEM.parallelUndecided, ['nodes', node.index], { context: 'crossing', node: nodeRef(node.id), first: nodeRef(first![0]), second: nodeRef(crossing[0]) }, node.id));
      continue;
    }
    parent.set(node.id, first![0]);
  }
  // Explicit lists name ids; one that names no node is reported where it is written.
  for (const node of graph.nodes) {
    node.children?.forEach((child, position) => {
      if (!indexOf.has(child)) problems.push(problem('error', WORKFLOW_PROBLEM.unknownChild, ['nodes', node.index, 'children', position], { child: nodeRef(child) }, node.id));
    });
  }
  const children = new Map<string, string[]>();
  for (const [id, ids] of order) children.set(id, ids.filter((child) => parent.get(child) === id));
  return { parent, children, problems };
}

function implicitChildren(id: string, index: number, successors: ReadonlyMap<string, readonly string[]>, graph: TemplateGraph, problems: Problem[]): Set<string> {
  const branches = successors.get(id) ?? [];
  if (branches.length === 0) return new Set();
  if (branches.length === 1) {
    problems.push(problem('warning', ITOPS_PROBLEM.parallelUndecided, ['nodes', index], { context: 'oneBranch', node: nodeRef(id), child: nodeRef(branches[0]!) }, id));
    return new Set(branches.filter((branch) => branch !== id));
  }
  const reached = branches.map((branch) => reachable(branch, successors));
  const common = new Set([...reached[0]!].filter((node) => reached.every((set) => set.has(node))));
  const inside = new Set<string>();
  for (const set of reached) for (const node of set) if (!common.has(node) && node !== id) inside.add(node);
  if (common.size > 0) {
    // The meeting node: the common node no other common node leads to.
    const meets = [...common].filter((node) => ![...common].some((other) => other !== node && successors.get(other)?.includes(node)));
    if (meets.length > 1) {
      problems.push(problem('error', ITOPS_PROBLEM.parallelUndecided, ['nodes', index], { context: 'severalMeets', node: nodeRef(id), nodes: meets.map(nodeRef).join(', ') }, id));
    }
  }
  for (const edge of graph.edges) {
    if (inside.has(edge.target) && !inside.has(edge.source) && edge.source !== id) {
      problems.push(
        problem('error', ITOPS_PROBLEM.parallelUndecided, ['edges', edge.index], { context: 'enteredFromOutside', node: nodeRef(edge.target), parallel: nodeRef(id), source: nodeRef(edge.source) }),
      );
    }
  }
  return inside;
}

function reachable(start: string, successors: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of successors.get(stack.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}
