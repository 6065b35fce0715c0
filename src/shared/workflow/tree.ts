import type { NormalizedWorkflowDefinition, NormalizedWorkflowNode } from './normalized';

/**
 * The node tree of a validated definition, indexed for the scheduler, the store writer and
 * the monitor. Built iteratively in linear time: 10,000 nesting levels are ordinary input.
 */
export interface WorkflowTree {
  readonly rootId: string;
  readonly nodes: ReadonlyMap<string, NormalizedWorkflowNode>;
  readonly parent: ReadonlyMap<string, string | null>;
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** 0 for the root, 1 for its children, … (the `level` column of workflow_node). */
  readonly depth: ReadonlyMap<string, number>;
  /** Pre-order: every container before its descendants, siblings in definition order. */
  readonly order: readonly string[];
  /** Node ids by depth: levels[0] is [rootId]. */
  readonly levels: readonly (readonly string[])[];
  /** True when `ancestorId` strictly contains `nodeId`; constant time. */
  isAncestor(ancestorId: string, nodeId: string): boolean;
  /** The containers holding a node, nearest first, the root last. */
  ancestors(nodeId: string): string[];
  /** Everything a container holds, in pre-order, without the container itself. */
  descendants(nodeId: string): string[];
}

export function buildTree(definition: NormalizedWorkflowDefinition): WorkflowTree {
  const nodes = new Map<string, NormalizedWorkflowNode>();
  const parent = new Map<string, string | null>();
  const children = new Map<string, readonly string[]>();
  let rootId: string | undefined;
  for (const node of definition.nodes) {
    nodes.set(node.nodeId, node);
    parent.set(node.nodeId, node.parentId);
    children.set(node.nodeId, node.children);
    if (node.isRoot) rootId = node.nodeId;
  }
  if (rootId === undefined) throw new Error('the definition has no root node; validate it first');

  const order: string[] = [];
  const depth = new Map<string, number>();
  const levels: string[][] = [];
  const firstIndex = new Map<string, number>();
  const stack: [string, number][] = [[rootId, 0]];
  while (stack.length > 0) {
    const [id, level] = stack.pop()!;
    if (firstIndex.has(id)) throw new Error(`node ${id} is reached twice in the tree; validate the definition first`);
    firstIndex.set(id, order.length);
    order.push(id);
    depth.set(id, level);
    (levels[level] ??= []).push(id);
    const kids = children.get(id) ?? [];
    for (let index = kids.length - 1; index >= 0; index--) stack.push([kids[index]!, level + 1]);
  }

  // Subtree sizes from the end of the pre-order: a node's subtree is order[first, first + size).
  const size = new Map<string, number>();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index]!;
    let total = 1;
    for (const child of children.get(id) ?? []) total += size.get(child) ?? 0;
    size.set(id, total);
  }

  return {
    rootId,
    nodes,
    parent,
    children,
    depth,
    order,
    levels,
    isAncestor(ancestorId, nodeId) {
      const start = firstIndex.get(ancestorId);
      const at = firstIndex.get(nodeId);
      if (start === undefined || at === undefined) return false;
      return at > start && at < start + size.get(ancestorId)!;
    },
    ancestors(nodeId) {
      const result: string[] = [];
      for (let at = parent.get(nodeId) ?? null; at !== null; at = parent.get(at) ?? null) result.push(at);
      return result;
    },
    descendants(nodeId) {
      const start = firstIndex.get(nodeId);
      return start === undefined ? [] : order.slice(start + 1, start + size.get(nodeId)!);
    },
  };
}
