import type { WorkflowDefinition } from '../../../../shared/workflow/definition';

/** Each node's container, from `parentId` or from its container's `children` (a file may name either). */
export function parentsOf(workflow: WorkflowDefinition): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const node of workflow.nodes) if (node.parentId) parents.set(node.nodeId, node.parentId);
  for (const node of workflow.nodes) for (const child of node.children ?? []) if (!parents.has(child)) parents.set(child, node.nodeId);
  return parents;
}
