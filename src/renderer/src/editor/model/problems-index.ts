import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { WORKFLOW_PROBLEM } from '../../../../shared/workflow/problem-codes';
import type { Problem } from '../../../../shared/workflow/problems';
import { edgeId } from './flow-ids';

/**
 * Puts each problem where the user can see it: on a node, on a dependency edge, or on the
 * workflow itself. Problem paths index `nodes` and `dependencies` as the definition stood
 * when it was validated, so they are resolved against that same definition.
 */
export interface ProblemIndex {
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
  workflow: Problem[];
}

export type ProblemTarget = { kind: 'node'; nodeId: string } | { kind: 'edge'; edgeId: string; nodeId: string } | { kind: 'workflow' };

export function problemTarget(definition: WorkflowDefinition, problem: Problem): ProblemTarget {
  const [head, nodeIndex, field, dependencyIndex] = problem.path;
  if (head === 'nodes' && typeof nodeIndex === 'number') {
    const node = definition.nodes[nodeIndex];
    if (node) {
      const dependency = field === 'dependencies' && typeof dependencyIndex === 'number' ? node.dependencies?.[dependencyIndex] : undefined;
      if (dependency && typeof dependencyIndex === 'number') {
        return { kind: 'edge', edgeId: edgeId(node.nodeId, dependencyIndex), nodeId: node.nodeId };
      }
      return { kind: 'node', nodeId: node.nodeId };
    }
  }
  if (problem.nodeId && definition.nodes.some((node) => node.nodeId === problem.nodeId)) return { kind: 'node', nodeId: problem.nodeId };
  return { kind: 'workflow' };
}

export function indexProblems(definition: WorkflowDefinition, problems: readonly Problem[]): ProblemIndex {
  const index: ProblemIndex = { byNode: new Map(), byEdge: new Map(), workflow: [] };
  for (const problem of problems) {
    const target = problemTarget(definition, problem);
    if (target.kind === 'workflow') index.workflow.push(problem);
    else {
      const map = target.kind === 'node' ? index.byNode : index.byEdge;
      const key = target.kind === 'node' ? target.nodeId : target.edgeId;
      map.set(key, [...(map.get(key) ?? []), problem]);
      if (target.kind === 'edge' && problem.code === WORKFLOW_PROBLEM.dependencyCycle) {
        for (const other of closingEdges(definition, target.edgeId)) index.byEdge.set(other, [...(index.byEdge.get(other) ?? []), problem]);
      }
    }
  }
  return index;
}

/**
 * The other edges of a cycle the validator reports on one of its edges: the shortest way back
 * from that edge's target to its source. Every edge of the cycle is flagged, so that the
 * back edge of a two-node cycle shows its mark as the forward one does.
 */
function closingEdges(definition: WorkflowDefinition, cycleEdge: string): string[] {
  const dependents = new Map<string, { nodeId: string; edgeId: string }[]>();
  let start: string | undefined;
  let end: string | undefined;
  for (const node of definition.nodes) {
    node.dependencies?.forEach((dependency, index) => {
      const id = edgeId(node.nodeId, index);
      if (id === cycleEdge) [start, end] = [node.nodeId, dependency.sourceNodeId];
      dependents.set(dependency.sourceNodeId, [...(dependents.get(dependency.sourceNodeId) ?? []), { nodeId: node.nodeId, edgeId: id }]);
    });
  }
  if (start === undefined || end === undefined) return [];
  const cameBy = new Map<string, { from: string; edgeId: string } | null>([[start, null]]);
  const queue = [start];
  for (let at = 0; at < queue.length && !cameBy.has(end); at++) {
    const from = queue[at]!;
    for (const next of dependents.get(from) ?? []) {
      if (cameBy.has(next.nodeId)) continue;
      cameBy.set(next.nodeId, { from, edgeId: next.edgeId });
      queue.push(next.nodeId);
    }
  }
  const path: string[] = [];
  for (let step = cameBy.get(end); step; step = cameBy.get(step.from)) path.push(step.edgeId);
  return path;
}

export function worstSeverity(problems: readonly Problem[] | undefined): 'error' | 'warning' | undefined {
  if (!problems || problems.length === 0) return undefined;
  return problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning';
}
