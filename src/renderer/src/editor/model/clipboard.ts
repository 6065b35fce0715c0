import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { absoluteRect, descendantIds, findNode, findRoot, fitContainers, nodeIds, syncChildren, uniqueNodeId } from './document';
import type { Point } from './geometry';

/**
 * Copy and paste of subtrees. A clip holds the copied nodes with everything inside the
 * copied containers, and only the dependencies between copied nodes: an edge to something
 * left behind would point at the original, which is rarely what a pasted copy should wait for.
 */
export interface Clip {
  /** Copied nodes; top-level ones keep their original parent and their absolute position. */
  nodes: WorkflowNodeDefinition[];
  topLevel: string[];
  absolute: Record<string, Point>;
}

export const PASTE_OFFSET = 32;

export function copyNodes(definition: WorkflowDefinition, selected: Iterable<string>): Clip | undefined {
  const root = findRoot(definition);
  const chosen = new Set<string>();
  for (const id of selected) {
    if (id === root?.nodeId || !findNode(definition, id)) continue;
    chosen.add(id);
    for (const inner of descendantIds(definition, id)) chosen.add(inner);
  }
  if (chosen.size === 0) return undefined;
  const nodes = definition.nodes
    .filter((node) => chosen.has(node.nodeId))
    .map((node) => ({ ...node, dependencies: node.dependencies?.filter((dependency) => chosen.has(dependency.sourceNodeId)) }));
  const topLevel = nodes.filter((node) => !node.parentId || !chosen.has(node.parentId)).map((node) => node.nodeId);
  const absolute: Record<string, Point> = {};
  for (const id of topLevel) {
    const rect = absoluteRect(definition, id);
    absolute[id] = { x: rect.x, y: rect.y };
  }
  return { nodes, topLevel, absolute };
}

/**
 * Pastes a clip into `parentId` under fresh ids. With `at` (relative to that container) the
 * group's top-left corner goes there; otherwise each node lands a little below and to the
 * right of where it was copied from.
 */
export function pasteClip(
  definition: WorkflowDefinition,
  clip: Clip,
  parentId: string,
  at?: Point,
): { definition: WorkflowDefinition; pastedIds: string[] } {
  const parent = findNode(definition, parentId);
  if (parent?.nodeType !== 'container') return { definition, pastedIds: [] };
  const taken = nodeIds(definition);
  const renamed = new Map<string, string>();
  for (const node of clip.nodes) {
    const fresh = uniqueNodeId(node.nodeId, taken);
    taken.add(fresh);
    renamed.set(node.nodeId, fresh);
  }
  const parentOrigin = absoluteRect(definition, parentId);
  const corners = clip.topLevel.map((id) => clip.absolute[id] ?? { x: 0, y: 0 });
  const groupLeft = Math.min(...corners.map((corner) => corner.x));
  const groupTop = Math.min(...corners.map((corner) => corner.y));
  const pasted = clip.nodes.map((node): WorkflowNodeDefinition => {
    const isTop = clip.topLevel.includes(node.nodeId);
    const { isRoot: _isRoot, ...copied } = node;
    const next: WorkflowNodeDefinition = {
      ...copied,
      nodeId: renamed.get(node.nodeId) ?? node.nodeId,
      parentId: isTop ? parentId : (renamed.get(node.parentId ?? '') ?? parentId),
      dependencies: node.dependencies?.map((dependency) => ({ ...dependency, sourceNodeId: renamed.get(dependency.sourceNodeId) ?? dependency.sourceNodeId })),
    };
    if (!isTop) return next;
    const origin = clip.absolute[node.nodeId] ?? { x: 0, y: 0 };
    const position = at
      ? { x: at.x + origin.x - groupLeft, y: at.y + origin.y - groupTop }
      : { x: origin.x - parentOrigin.x + PASTE_OFFSET, y: origin.y - parentOrigin.y + PASTE_OFFSET };
    return { ...next, layout: { ...next.layout, x: Math.round(position.x), y: Math.round(position.y) } };
  });
  const next = fitContainers(syncChildren({ ...definition, nodes: [...definition.nodes, ...pasted] }));
  return { definition: next, pastedIds: clip.topLevel.map((id) => renamed.get(id) ?? id) };
}
