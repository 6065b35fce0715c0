import { buildIntGraph, cycleThrough, cyclicComponents } from './graph-cycles';
import { abbreviate, chain, nodeRef } from './problem-text';
import type { Problem } from './problems';
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
  problems.push(...treeDeadlocks(shape, edges.filter((_, index) => !cyclic.has(index))));
  return problems;
}

function dependencyCycles(shape: TreeShape, edges: readonly BlockingEdge[]): { problems: Problem[]; cyclic: Set<number> } {
  const ids = shape.unique.map(({ node }) => node.nodeId);
  const vertexOf = new Map(ids.map((id, vertex) => [id, vertex]));
  const from = edges.map((edge) => vertexOf.get(edge.source)!);
  const to = edges.map((edge) => vertexOf.get(edge.target)!);
  const graph = buildIntGraph(ids.length, from, to);
  const edgeAt = new Map<string, number>();
  edges.forEach((_, index) => {
    const key = `${from[index]}>${to[index]}`;
    if (!edgeAt.has(key)) edgeAt.set(key, index);
  });

  const problems: Problem[] = [];
  const cyclic = new Set<number>();
  const componentOf = new Int32Array(ids.length).fill(-1);
  cyclicComponents(graph).forEach((component, number) => {
    for (const vertex of component) componentOf[vertex] = number;
    const cycle = cycleThrough(graph, component, Math.min(...component));
    const names = cycle.map((vertex) => ids[vertex]!);
    const first = edges[edgeAt.get(`${cycle[0]}>${cycle[1 % cycle.length]}`)!]!;
    problems.push({
      severity: 'error',
      code: WORKFLOW_PROBLEM.dependencyCycle,
      path: first.path,
      message: `dependency cycle: ${chain([...names, names[0]!], ' → ')} (each waits for the one before it, so none can start)`,
      nodeId: first.target,
    });
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
  const edgeAt = new Map<string, BlockingEdge>();
  const waitSources = new Map<number, number[]>();
  for (const edge of edges) {
    const source = position.get(edge.source);
    const target = position.get(edge.target);
    if (source === undefined || target === undefined) continue;
    link(2 * source + 1, 2 * target);
    const key = `${2 * source + 1}>${2 * target}`;
    if (!edgeAt.has(key)) edgeAt.set(key, edge);
    const sources = waitSources.get(2 * target) ?? [];
    sources.push(2 * source + 1);
    waitSources.set(2 * target, sources);
  }
  const graph = buildIntGraph(2 * order.length, from, to);

  return cyclicComponents(graph).map((component) => {
    const inside = new Set(component);
    // Start on a dependency's target: every cycle here passes through one.
    const start = component.find((vertex) => (waitSources.get(vertex) ?? []).some((source) => inside.has(source)))!;
    const cycle = cycleThrough(graph, component, start);
    const around = cycle.map((vertex, at) => [vertex, cycle[(at + 1) % cycle.length]!] as const);
    // Tell the cycle from a wait, so it reads "b waits for a, …".
    const firstWaitAt = Math.max(0, around.findIndex(([a, b]) => edgeAt.has(`${a}>${b}`)));
    const steps = [...around.slice(firstWaitAt), ...around.slice(0, firstWaitAt)];
    const entry = edgeAt.get(`${steps[0]![0]}>${steps[0]![1]}`)!;
    return {
      severity: 'error' as const,
      code: WORKFLOW_PROBLEM.deadlock,
      path: entry.path,
      message: `deadlock through containers: ${describeCycle(steps, order, edgeAt)}; none of them can go first`,
      nodeId: entry.target,
    };
  });
}

/** "b waits for a, a finishes only after a1, …": runs of tree steps are told as one. */
function describeCycle(steps: readonly (readonly [number, number])[], order: readonly string[], edgeAt: ReadonlyMap<string, BlockingEdge>): string {
  const name = (vertex: number) => nodeRef(order[vertex >> 1]!);
  const phrases: string[] = [];
  let run: { kind: 'start' | 'end'; from: number; to: number } | null = null;
  const flush = () => {
    if (run === null) return;
    phrases.push(run.kind === 'start' ? `${name(run.to)} starts only inside ${name(run.from)}` : `${name(run.to)} finishes only after ${name(run.from)}`);
    run = null;
  };
  for (const [a, b] of steps) {
    const edge = edgeAt.get(`${a}>${b}`);
    if (a % 2 === 1 && b % 2 === 0 && edge) {
      flush();
      phrases.push(`${nodeRef(edge.target)} waits for ${nodeRef(edge.source)}`);
      continue;
    }
    if (a >> 1 === b >> 1) continue;
    const kind = a % 2 === 0 ? 'start' : 'end';
    if (run !== null && run.kind === kind && run.to === a) run.to = b;
    else {
      flush();
      run = { kind, from: a, to: b };
    }
  }
  flush();
  return abbreviate(phrases).join(', ');
}
