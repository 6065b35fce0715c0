import { append } from './append';
import { buildIntGraph, cycleThrough, cyclicComponents } from './graph-cycles';
import { chain } from './problem-text';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { TreeShape } from './structure-check';

/** A dependency that waits: `target` cannot start until `source` has ended. */
export interface BlockingEdge {
  source: string;
  target: string;
  /** Where the dependency is in the definition. */
  path: (string | number)[];
}

/**
 * Finds edges that wait on each other forever. First plain dependency cycles (a → b → a),
 * named node by node; then, with those edges set aside, deadlocks that only close through the
 * tree: a node starts only after its container starts, and a container ends only after all it
 * holds has ended. Both are cycle searches in linear time.
 */
export function findDeadlocks(shape: TreeShape, edges: readonly BlockingEdge[]): Problem[] {
  const { problems, cyclic } = dependencyCycles(shape, edges);
  append(problems, treeDeadlocks(shape, edges.filter((_, index) => !cyclic.has(index))));
  return problems;
}

function dependencyCycles(shape: TreeShape, edges: readonly BlockingEdge[]): { problems: Problem[]; cyclic: Set<number> } {
  const ids = shape.unique.map(({ node }) => node.nodeId);
  const vertexOf = new Map(ids.map((id, vertex) => [id, vertex]));
  const from = edges.map((edge) => vertexOf.get(edge.source)!);
  const to = edges.map((edge) => vertexOf.get(edge.target)!);
  const graph = buildIntGraph(ids.length, from, to);
  const edgeAt = new Map<number, number>();
  edges.forEach((_, index) => {
    const key = from[index]! * ids.length + to[index]!;
    if (!edgeAt.has(key)) edgeAt.set(key, index);
  });

  const problems: Problem[] = [];
  const cyclic = new Set<number>();
  const componentOf = new Int32Array(ids.length).fill(-1);
  cyclicComponents(graph).forEach((component, number) => {
    for (const vertex of component) componentOf[vertex] = number;
    const cycle = cycleThrough(graph, component, component.reduce((lowest, vertex) => Math.min(lowest, vertex)));
    const names = cycle.map((vertex) => ids[vertex]!);
    const first = edges[edgeAt.get(cycle[0]! * ids.length + cycle[1 % cycle.length]!)!]!;
    problems.push(problem('error', WORKFLOW_PROBLEM.dependencyCycle, first.path, { cycle: chain([...names, names[0]!], ' → ') }, first.target));
  });
  edges.forEach((_, index) => {
    const component = componentOf[from[index]!]!;
    if (component !== -1 && component === componentOf[to[index]!]) cyclic.add(index);
  });
  return { problems, cyclic };
}

/**
 * Every node reached from a root has a start and an end event: vertex 2p is the start and
 * 2p + 1 the end of the node at pre-order position p.
 */
function treeDeadlocks(shape: TreeShape, edges: readonly BlockingEdge[]): Problem[] {
  const { order, position, parent } = shape;
  const from: number[] = [];
  const to: number[] = [];
  const link = (a: number, b: number) => {
    from.push(a);
    to.push(b);
  };
  order.forEach((id, at) => {
    link(2 * at, 2 * at + 1);
    const up = parent.get(id);
    const upAt = up === null || up === undefined ? undefined : position.get(up);
    if (upAt === undefined) return;
    link(2 * upAt, 2 * at);
    link(2 * at + 1, 2 * upAt + 1);
  });
  const vertices = 2 * order.length;
  const keyOf = (a: number, b: number) => a * vertices + b;
  const edgeAt = new Map<number, BlockingEdge>();
  for (const edge of edges) {
    const source = position.get(edge.source);
    const target = position.get(edge.target);
    if (source === undefined || target === undefined) continue;
    link(2 * source + 1, 2 * target);
    const key = keyOf(2 * source + 1, 2 * target);
    if (!edgeAt.has(key)) edgeAt.set(key, edge);
  }
  const graph = buildIntGraph(vertices, from, to);

  const components = cyclicComponents(graph);
  // Each cycle starts on the target of the first wait (in definition order) inside its
  // component; every cycle here passes through one, and the description begins with it.
  const componentOf = new Int32Array(vertices).fill(-1);
  components.forEach((component, number) => component.forEach((vertex) => (componentOf[vertex] = number)));
  const starts = new Int32Array(components.length).fill(-1);
  for (const edge of edges) {
    const source = 2 * (position.get(edge.source) ?? -1) + 1;
    const target = 2 * (position.get(edge.target) ?? -1);
    if (source < 0 || target < 0) continue;
    const number = componentOf[target]!;
    if (number !== -1 && componentOf[source] === number && starts[number] === -1) starts[number] = target;
  }

  return components.map((component, number) => {
    const cycle = cycleThrough(graph, component, starts[number]!);
    const around = cycle.map((vertex, at) => [vertex, cycle[(at + 1) % cycle.length]!] as const);
    const closing = around.length - 1;
    const firstWaitAt = edgeAt.has(keyOf(...around[closing]!)) ? closing : Math.max(0, around.findIndex(([a, b]) => edgeAt.has(keyOf(a, b))));
    const steps = [...around.slice(firstWaitAt), ...around.slice(0, firstWaitAt)];
    const entry = edgeAt.get(keyOf(steps[0]![0], steps[0]![1]))!;
    return problem('error', WORKFLOW_PROBLEM.deadlock, entry.path, { cycle: cycleChain(steps, order) }, entry.target);
  });
}

/**
 * The nodes of the cycle in the order each must come after the one before ("a" → "b" → "a"),
 * for a wording that does not tell waits from nesting.
 */
function cycleChain(steps: readonly (readonly [number, number])[], order: readonly string[]): string {
  const names: string[] = [];
  for (const [vertex] of steps) {
    const name = order[vertex >> 1]!;
    if (names[names.length - 1] !== name) names.push(name);
  }
  if (names.length > 1 && names[names.length - 1] === names[0]) names.pop();
  return chain([...names, names[0]!], ' → ');
}
