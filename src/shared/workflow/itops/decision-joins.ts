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
    // Pushed, not copied: a node with 100,000 edges must not cost 100,000² copies.
    const out = successors.get(source);
    if (out) out.push(target);
    else successors.set(source, [target]);
    const into = incoming.get(target);
    if (into) into.push(source);
    else incoming.set(target, [source]);
  }
  const merges = new Set<string>();
  for (const decision of nodes) {
    if (!decision.decision) continue;
    const branches = [...new Set(successors.get(decision.id) ?? [])];
    if (branches.length < 2) continue;
    const branchOf = soleBranches(branches, successors, decision.id);
    const branchIndex = new Map(branches.map((branch, index) => [branch, index]));
    // The branch an edge into a node comes from, when only one: its source's, or the branch the edge itself is.
    const soleBranch = (source: string, target: string): number | undefined => {
      if (source === decision.id) return branchIndex.get(target);
      const found = branchOf.get(source);
      return found === MANY ? undefined : found;
    };
    for (const [target, sources] of incoming) {
      if (sources.length < 2) continue;
      const exclusive = new Set<number>();
      for (const source of sources) {
        const found = soleBranch(source, target);
        if (found !== undefined) exclusive.add(found);
      }
      if (exclusive.size >= 2) merges.add(target);
    }
  }
  return merges;
}

const MANY = -1;

/**
 * For every node reached from the branches (not through the decision itself): the index of the
 * only branch reaching it, or MANY. One pass over the graph for all branches at once: a node's
 * label changes at most twice (unset, one branch, MANY), so it is visited at most twice.
 */
function soleBranches(branches: readonly string[], successors: ReadonlyMap<string, readonly string[]>, stop: string): Map<string, number> {
  const label = new Map<string, number>();
  const pending: string[] = [];
  branches.forEach((branch, index) => {
    label.set(branch, label.has(branch) ? MANY : index);
    pending.push(branch);
  });
  while (pending.length > 0) {
    const node = pending.pop()!;
    const carried = label.get(node)!;
    for (const next of successors.get(node) ?? []) {
      if (next === stop) continue;
      const had = label.get(next);
      if (had === carried || had === MANY) continue;
      label.set(next, had === undefined ? carried : MANY);
      pending.push(next);
    }
  }
  return label;
}
