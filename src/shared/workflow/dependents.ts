import type { DependencyDefinition } from './definition';
import type { NormalizedWorkflowDefinition } from './normalized';

/** One dependency seen from its source: `targetNodeId`'s dependencies[index]. */
export interface DependentEdge {
  targetNodeId: string;
  index: number;
  dependency: DependencyDefinition;
}

/**
 * For each node, the edges that wait on it. The scheduler re-evaluates exactly these when the
 * node changes state, instead of scanning every waiting node.
 */
export function dependentsIndex(definition: NormalizedWorkflowDefinition): ReadonlyMap<string, readonly DependentEdge[]> {
  const index = new Map<string, DependentEdge[]>();
  for (const node of definition.nodes) {
    node.dependencies.forEach((dependency, at) => {
      let list = index.get(dependency.sourceNodeId);
      if (!list) index.set(dependency.sourceNodeId, (list = []));
      list.push({ targetNodeId: node.nodeId, index: at, dependency });
    });
  }
  return index;
}
