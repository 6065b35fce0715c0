import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';

/** The node tree of a definition as the exporter walks it. */
export interface WorkflowTree {
  root: WorkflowNodeDefinition;
  byId: ReadonlyMap<string, WorkflowNodeDefinition>;
  /** Children in order: the container's children list first, then nodes naming it as parent. */
  childrenOf(nodeId: string): WorkflowNodeDefinition[];
  parentOf(nodeId: string): string | undefined;
  /** The innermost container strictly holding both nodes: where a flow between them belongs. */
  commonScope(a: string, b: string): string;
  isAncestor(ancestor: string, nodeId: string): boolean;
}

/** Reads the tree from parentId and children (either may be given); throws on a definition without one root. */
export function workflowTree(definition: WorkflowDefinition): WorkflowTree {
  const byId = new Map(definition.nodes.map((node) => [node.nodeId, node]));
  const roots = definition.nodes.filter((node) => node.isRoot === true);
  const root = roots.length === 1 ? roots[0] : definition.nodes.find((node) => node.nodeType === 'container' && node.parentId == null);
  if (!root || root.nodeType !== 'container') throw new Error('The workflow has no root container to export as a process.');

  const parent = new Map<string, string>();
  const children = new Map<string, WorkflowNodeDefinition[]>();
  const adopt = (parentId: string, child: WorkflowNodeDefinition): void => {
    if (child.nodeId === root.nodeId || parent.has(child.nodeId) || !byId.has(parentId)) return;
    parent.set(child.nodeId, parentId);
    const list = children.get(parentId);
    if (list) list.push(child);
    else children.set(parentId, [child]);
  };
  for (const node of definition.nodes) {
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (child && (child.parentId == null || child.parentId === node.nodeId)) adopt(node.nodeId, child);
    }
  }
  for (const node of definition.nodes) if (node.parentId != null) adopt(node.parentId, node);
  for (const node of definition.nodes) if (node !== root && !parent.has(node.nodeId)) adopt(root.nodeId, node);

  const ancestors = (nodeId: string): string[] => {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let current = parent.get(nodeId); current !== undefined && !seen.has(current); current = parent.get(current)) {
      seen.add(current);
      chain.push(current);
    }
    return chain;
  };

  return {
    root,
    byId,
    childrenOf: (nodeId) => children.get(nodeId) ?? [],
    parentOf: (nodeId) => parent.get(nodeId),
    commonScope(a, b) {
      const ofA = new Set(ancestors(a));
      return ancestors(b).find((candidate) => ofA.has(candidate)) ?? root.nodeId;
    },
    isAncestor: (ancestor, nodeId) => ancestors(nodeId).includes(ancestor),
  };
}
