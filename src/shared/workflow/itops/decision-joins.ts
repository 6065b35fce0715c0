/**
 * Which nodes of a template join their incoming edges with "one": those where branches of a
 * decision node meet again. A decision takes some of its branches and skips the rest, so a
 * node after two of its branches waits for whichever ran, not for both (an edge is taken
 * after its source succeeds, and a skipped source never does). Every other node with several
 * incoming edges waits for all of them.
 */
export function decisionMerges(nodes: readonly { id: string; decision: boolean }[], edges: readonly { source: string; target: string }[]): Set<string> {
  const successors = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const { source, target } of edges) {
    successors.set(source, [...(successors.get(source) ?? []), target]);
    incoming.set(target, [...(incoming.get(target) ?? []), source]);
  }
  const merges = new Set<string>();
  for (const decision of nodes) {
    if (!decision.decision) continue;
    const branches = [...new Set(successors.get(decision.id) ?? [])];
    if (branches.length < 2) continue;
    const reached = branches.map((branch) => reachable(branch, successors, decision.id));
    // The branches an edge into a node comes from: its source's, or the branch the edge itself is.
    const branchesOf = (source: string, target: string) =>
      source === decision.id ? [branches.indexOf(target)] : reached.flatMap((set, index) => (set.has(source) ? [index] : []));
    for (const [target, sources] of incoming) {
      if (sources.length < 2) continue;
      const exclusive = sources.map((source) => branchesOf(source, target)).filter((found) => found.length === 1);
      if (new Set(exclusive.map(([index]) => index)).size >= 2) merges.add(target);
    }
  }
  return merges;
}

function reachable(start: string, successors: ReadonlyMap<string, readonly string[]>, stop: string): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of successors.get(stack.pop()!) ?? []) {
      if (seen.has(next) || next === stop) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}
