import type { JoinMode } from '../../../../shared/status';
import type { DependencyDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { nodeRef } from '../../../../shared/workflow/problem-text';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import { and, type JsonLogic } from '../../../../shared/workflow/expression/logic';

/**
 * A conditional branch straight from a subprocess's start (start → gateway → [amount > 1000] →
 * task) has no source node for its condition. The subprocess's container waits for its own
 * dependencies before any child starts, so the child can wait for the same sources under the
 * condition: already satisfied when the child could start, the edges only add the condition.
 * With no ancestor dependency to borrow (the root's scope), the condition is lost and reported.
 */
export function anchorStartCondition(
  node: WorkflowNodeDefinition,
  condition: JsonLogic,
  nodes: ReadonlyMap<string, WorkflowNodeDefinition>,
  problems: ImportProblems,
): void {
  let ancestor = node.parentId == null ? undefined : nodes.get(node.parentId);
  while (ancestor && (ancestor.dependencies?.length ?? 0) === 0) ancestor = ancestor.parentId == null ? undefined : nodes.get(ancestor.parentId);
  const borrowed = ancestor?.dependencies;
  if (!borrowed || borrowed.length === 0) {
    problems.warn(BPMN_PROBLEM.conditionNotExpressible, { context: 'fromStart', node: nodeRef(node.nodeId), condition: JSON.stringify(condition) }, { nodeId: node.nodeId });
    return;
  }
  node.dependencies = borrowed.map((dependency): DependencyDefinition => {
    const combined = and([dependency.condition, condition]) as JsonLogic;
    return { sourceNodeId: dependency.sourceNodeId, type: dependency.type, condition: combined };
  });
  const join: JoinMode | undefined = ancestor?.join;
  if (join !== undefined && node.dependencies.length > 1) node.join = join;
}
