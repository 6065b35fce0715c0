import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
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
    }
  }
  return index;
}

export function worstSeverity(problems: readonly Problem[] | undefined): 'error' | 'warning' | undefined {
  if (!problems || problems.length === 0) return undefined;
  return problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning';
}
