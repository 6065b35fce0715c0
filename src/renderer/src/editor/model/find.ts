import { nodeDisplayName, type WorkflowDefinition, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';

/** Finds nodes by name or id, case-insensitively: exact matches first, then prefixes, then the rest. */
export function findNodes(definition: WorkflowDefinition, query: string, limit = 20): WorkflowNodeDefinition[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [];
  const scored: { node: WorkflowNodeDefinition; score: number; order: number }[] = [];
  definition.nodes.forEach((node, order) => {
    const fields = [node.nodeId, nodeDisplayName(node)].map((field) => field.toLocaleLowerCase());
    let score = Infinity;
    for (const field of fields) {
      if (field === needle) score = Math.min(score, 0);
      else if (field.startsWith(needle)) score = Math.min(score, 1);
      else if (field.includes(needle)) score = Math.min(score, 2);
    }
    if (score !== Infinity) scored.push({ node, score, order });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.node);
}
