import { evaluateEdge } from '../../../../shared/dependency/evaluator';
import type { NodeChange } from '../../../../shared/task/changes';
import { managedBucket, type ManagedNodes, type NodeView } from '../../../../shared/task/nodes';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { TaskNodes } from '../../task-panels/task-panel';

/**
 * Depth-first order of the hierarchy: each container before its children, siblings in the
 * order the workflow lists them (a container's `children`, else the definition's node order).
 */
export function hierarchyOrder(views: readonly NodeView[], workflow: WorkflowDefinition): string[] {
  const rank = new Map<string, number>();
  workflow.nodes.forEach((node, index) => rank.set(node.nodeId, index));
  // A container's own list of children outranks the definition's order among its siblings.
  for (const node of workflow.nodes) node.children?.forEach((child, index) => rank.set(child, index - workflow.nodes.length));
  const children = new Map<string | null, NodeView[]>();
  for (const view of views) {
    const siblings = children.get(view.parentId) ?? [];
    siblings.push(view);
    children.set(view.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => (rank.get(a.nodeId) ?? Infinity) - (rank.get(b.nodeId) ?? Infinity));
  const order: string[] = [];
  const known = new Set(views.map((view) => view.nodeId));
  // Roots, and any node whose parent is missing, so that nothing is ever hidden.
  const stack = views.filter((view) => view.parentId === null || !known.has(view.parentId)).reverse();
  while (stack.length > 0) {
    const view = stack.pop()!;
    order.push(view.nodeId);
    const below = children.get(view.nodeId);
    if (below) for (let index = below.length - 1; index >= 0; index--) stack.push(below[index]!);
  }
  return order;
}

export function buildTaskNodes(views: readonly NodeView[], workflow: WorkflowDefinition, version = 0): TaskNodes {
  return { byId: new Map(views.map((view) => [view.nodeId, view])), order: hierarchyOrder(views, workflow), version };
}

function dependentsOf(byId: ReadonlyMap<string, NodeView>): Map<string, string[]> {
  const dependents = new Map<string, string[]>();
  for (const view of byId.values()) {
    for (const dependency of view.dependencies) {
      const list = dependents.get(dependency.sourceNodeId) ?? [];
      list.push(view.nodeId);
      dependents.set(dependency.sourceNodeId, list);
    }
  }
  return dependents;
}

const dependentsCache = new WeakMap<ReadonlyMap<string, NodeView>, Map<string, string[]>>();

/**
 * Applies one commit's node changes: each changed node takes its new fields, the edges
 * leaving a node whose status or result moved are decided again with the scheduler's own
 * evaluator (conditions read the source's result and the task's variables, as the scheduler's
 * do), and the managed counts of the containers above a moved agent follow. Returns a new
 * TaskNodes (unchanged nodes keep their objects, so memoized rows skip them).
 */
export function applyNodeChanges(state: TaskNodes, changes: readonly NodeChange[], variables: unknown): TaskNodes {
  if (changes.length === 0) return state;
  const byId = new Map(state.byId);
  const dependents = dependentsCache.get(state.byId) ?? dependentsOf(state.byId);
  const touchedManaged = new Map<string, ManagedNodes>();
  const managedOf = (containerId: string): ManagedNodes | undefined => {
    const known = touchedManaged.get(containerId);
    if (known) return known;
    const container = byId.get(containerId);
    if (!container?.managedNodes) return undefined;
    const copy = { ...container.managedNodes };
    touchedManaged.set(containerId, copy);
    return copy;
  };
  const edgesMoved: string[] = [];
  for (const change of changes) {
    const before = byId.get(change.nodeId);
    if (!before) continue;
    byId.set(change.nodeId, { ...before, ...change });
    if (before.status !== change.status || before.result !== change.result) edgesMoved.push(change.nodeId);
    if (before.status === change.status || before.nodeType !== 'agent') continue;
    const from = managedBucket(before.status);
    const to = managedBucket(change.status);
    for (let parentId = before.parentId; parentId !== null; parentId = byId.get(parentId)?.parentId ?? null) {
      const managed = managedOf(parentId);
      if (!managed) break;
      if (from) managed[from]--;
      if (to) managed[to]++;
    }
  }
  for (const [containerId, managed] of touchedManaged) byId.set(containerId, { ...byId.get(containerId)!, managedNodes: managed });
  for (const sourceId of edgesMoved) {
    const source = byId.get(sourceId)!;
    for (const dependentId of dependents.get(sourceId) ?? []) {
      const dependent = byId.get(dependentId)!;
      byId.set(dependentId, {
        ...dependent,
        dependencies: dependent.dependencies.map((dependency) => {
          if (dependency.sourceNodeId !== sourceId) return dependency;
          const edge = { type: dependency.type, source: source.status, condition: dependency.condition ?? undefined, result: source.result ?? undefined };
          const { state } = evaluateEdge(edge, variables);
          return { ...dependency, state, satisfied: state === 'satisfied' };
        }),
      });
    }
  }
  dependentsCache.set(byId, dependents);
  return { byId, order: state.order, version: state.version + 1 };
}
