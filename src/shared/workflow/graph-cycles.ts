/**
 * Cycle finding on graphs of numbered vertices, without recursion: the validator runs it on
 * 100,000-node workflows and on 10,000-long chains, where a recursive DFS would blow the stack.
 */

/** Adjacency in compressed rows: vertex v's successors are targets[offsets[v] .. offsets[v+1]). */
export interface IntGraph {
  readonly count: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

export function buildIntGraph(count: number, from: readonly number[], to: readonly number[]): IntGraph {
  const offsets = new Int32Array(count + 1);
  for (const vertex of from) offsets[vertex + 1]!++;
  for (let vertex = 0; vertex < count; vertex++) offsets[vertex + 1]! += offsets[vertex]!;
  const fill = offsets.slice(0, count);
  const targets = new Int32Array(from.length);
  from.forEach((vertex, edge) => (targets[fill[vertex]!++] = to[edge]!));
  return { count, offsets, targets };
}

/**
 * The strongly connected components with more than one vertex (Tarjan's algorithm, with an
 * explicit call stack). Each holds at least one cycle; a graph without them is acyclic.
 */
export function cyclicComponents(graph: IntGraph): number[][] {
  const { count, offsets, targets } = graph;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const next = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const calls: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const visit = (vertex: number) => {
    index[vertex] = low[vertex] = counter++;
    next[vertex] = offsets[vertex]!;
    stack.push(vertex);
    onStack[vertex] = 1;
    calls.push(vertex);
  };

  for (let start = 0; start < count; start++) {
    if (index[start] !== -1) continue;
    visit(start);
    while (calls.length > 0) {
      const vertex = calls[calls.length - 1]!;
      if (next[vertex]! < offsets[vertex + 1]!) {
        const successor = targets[next[vertex]!++]!;
        if (index[successor] === -1) visit(successor);
        else if (onStack[successor]) low[vertex] = Math.min(low[vertex]!, index[successor]!);
        continue;
      }
      calls.pop();
      const caller = calls[calls.length - 1];
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[vertex]!);
      if (low[vertex] !== index[vertex]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== vertex);
      if (component.length > 1) components.push(component);
    }
  }
  return components;
}

/**
 * One cycle through `start` that stays inside `component` (a strongly connected component
 * containing it): the vertices in order, starting with `start`; the last one leads back to it.
 * Breadth-first, so the cycle is a shortest one.
 */
export function cycleThrough(graph: IntGraph, component: readonly number[], start: number): number[] {
  const inside = new Set(component);
  const previous = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const vertex = queue[head]!;
    for (let edge = graph.offsets[vertex]!; edge < graph.offsets[vertex + 1]!; edge++) {
      const successor = graph.targets[edge]!;
      if (successor === start) {
        const cycle: number[] = [];
        for (let at = vertex; at !== -1; at = previous.get(at)!) cycle.push(at);
        return cycle.reverse();
      }
      if (!inside.has(successor) || previous.has(successor)) continue;
      previous.set(successor, vertex);
      queue.push(successor);
    }
  }
  return [start];
}
