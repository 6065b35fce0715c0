import { DEFAULT_DEPENDENCY_TYPE, type DependencyType, type NodeKind, type NodeType } from '../../../../shared/status';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { CONTAINER_HEADER, CONTAINER_PADDING, nodePosition, nodeSize, ROOT_SIZE, contains, type Point, type Rect } from './geometry';

/**
 * The editor's document operations: every edit is a pure function from one workflow
 * definition to the next, so undo is a list of definitions and every operation is testable
 * without a canvas. `parentId` is the truth for the tree; `children` arrays are rewritten
 * from it after every structural change.
 */
type NodePatch = { [K in keyof WorkflowNodeDefinition]?: WorkflowNodeDefinition[K] | undefined };

/** A dependency is addressed by the node that declares it and its place in that list. */
export interface DependencyRef {
  targetNodeId: string;
  index: number;
}

export function findRoot(definition: WorkflowDefinition): WorkflowNodeDefinition | undefined {
  return definition.nodes.find((node) => node.isRoot) ?? definition.nodes.find((node) => node.nodeType === 'container' && !node.parentId);
}

/**
 * Nodes by id, built once per definition: definitions are never changed in place, so the
 * index of one stays right for as long as it lives, and lookups during a drag stay cheap.
 */
const indexes = new WeakMap<readonly WorkflowNodeDefinition[], Map<string, WorkflowNodeDefinition>>();

function nodeIndex(definition: WorkflowDefinition): Map<string, WorkflowNodeDefinition> {
  let index = indexes.get(definition.nodes);
  if (!index) {
    index = new Map();
    // The first of duplicate ids wins, as a linear search would find it.
    for (const node of definition.nodes) if (!index.has(node.nodeId)) index.set(node.nodeId, node);
    indexes.set(definition.nodes, index);
  }
  return index;
}

export function findNode(definition: WorkflowDefinition, nodeId: string): WorkflowNodeDefinition | undefined {
  return nodeIndex(definition).get(nodeId);
}

export function isContainer(node: WorkflowNodeDefinition | undefined): boolean {
  return node?.nodeType === 'container';
}

/** The field that holds what the user sees as the node's name. */
export function nameField(node: WorkflowNodeDefinition): 'name' | 'containerName' {
  if (node.name !== undefined || node.nodeType === 'agent') return 'name';
  return 'containerName';
}

function withPatch<T extends object>(value: T, patch: { [K in keyof T]?: T[K] | undefined }): T {
  const next: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(patch)) {
    if (field === undefined) delete next[key];
    else next[key] = field;
  }
  return next as T;
}

function mapNodes(definition: WorkflowDefinition, update: (node: WorkflowNodeDefinition) => WorkflowNodeDefinition): WorkflowDefinition {
  let changed = false;
  const nodes = definition.nodes.map((node) => {
    const next = update(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...definition, nodes } : definition;
}

/** Rewrites every container's `children` from the nodes' `parentId`, in document order. */
export function syncChildren(definition: WorkflowDefinition): WorkflowDefinition {
  const childrenOf = new Map<string, string[]>();
  for (const node of definition.nodes) {
    if (!node.parentId) continue;
    const list = childrenOf.get(node.parentId) ?? [];
    list.push(node.nodeId);
    childrenOf.set(node.parentId, list);
  }
  return mapNodes(definition, (node) => {
    if (node.nodeType === 'agent') return node.children === undefined ? node : withPatch(node, { children: undefined });
    const children = childrenOf.get(node.nodeId) ?? [];
    const same = node.children !== undefined && node.children.length === children.length && node.children.every((id, i) => id === children[i]);
    return same ? node : { ...node, children };
  });
}

export function descendantIds(definition: WorkflowDefinition, nodeId: string): Set<string> {
  const found = new Set<string>();
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const parents = new Set(frontier);
    frontier = [];
    for (const node of definition.nodes) {
      if (node.parentId && parents.has(node.parentId) && !found.has(node.nodeId) && node.nodeId !== nodeId) {
        found.add(node.nodeId);
        frontier.push(node.nodeId);
      }
    }
  }
  return found;
}

/** The chain of containers above a node, nearest first; stops on a cycle rather than looping. */
export function ancestorIds(definition: WorkflowDefinition, nodeId: string): string[] {
  const chain: string[] = [];
  let current = findNode(definition, nodeId)?.parentId;
  while (current && !chain.includes(current) && current !== nodeId) {
    chain.push(current);
    current = findNode(definition, current)?.parentId;
  }
  return chain;
}

export function absoluteRect(definition: WorkflowDefinition, nodeId: string): Rect {
  const node = findNode(definition, nodeId);
  if (!node) return { x: 0, y: 0, ...ROOT_SIZE };
  const origin = nodePosition(node);
  for (const ancestor of ancestorIds(definition, nodeId)) {
    const parent = findNode(definition, ancestor);
    if (!parent) break;
    const offset = nodePosition(parent);
    origin.x += offset.x;
    origin.y += offset.y;
  }
  return { ...origin, ...nodeSize(node) };
}

/** The innermost container under a point, ignoring `excluded` nodes and everything inside them. */
export function containerAt(definition: WorkflowDefinition, point: Point, excluded: ReadonlySet<string> = new Set()): string | undefined {
  const blocked = new Set(excluded);
  for (const id of excluded) for (const inner of descendantIds(definition, id)) blocked.add(inner);
  let best: { id: string; depth: number } | undefined;
  for (const node of definition.nodes) {
    if (node.nodeType !== 'container' || blocked.has(node.nodeId)) continue;
    if (!contains(absoluteRect(definition, node.nodeId), point)) continue;
    const depth = ancestorIds(definition, node.nodeId).length;
    if (!best || depth > best.depth) best = { id: node.nodeId, depth };
  }
  return best?.id;
}

export function uniqueNodeId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.trim() || 'node';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function nodeIds(definition: WorkflowDefinition): Set<string> {
  return new Set(definition.nodes.map((node) => node.nodeId));
}

export function createWorkflow(name: string, rootName: string): WorkflowDefinition {
  return {
    name,
    version: 1,
    variables: {},
    nodes: [
      {
        nodeId: 'root',
        nodeType: 'container',
        isRoot: true,
        parentId: null,
        children: [],
        containerName: rootName,
        containerConfig: {},
        layout: { x: 0, y: 0, ...ROOT_SIZE },
      },
    ],
  };
}

export interface NewNode {
  nodeType: NodeType;
  parentId: string;
  /** Relative to the parent container. */
  position: Point;
  name: string;
  agentLoad?: string;
  agentConfig?: Record<string, unknown>;
  /** The IT-ops design's kind; its timeout and retries stay defaults until the user sets them. */
  kind?: NodeKind;
  idBase?: string;
}

export function addNode(definition: WorkflowDefinition, spec: NewNode): { definition: WorkflowDefinition; nodeId: string } {
  const nodeId = uniqueNodeId(spec.idBase ?? spec.agentLoad ?? spec.nodeType, nodeIds(definition));
  const base: WorkflowNodeDefinition = { nodeId, nodeType: spec.nodeType, ...(spec.kind && { kind: spec.kind }), parentId: spec.parentId };
  const node: WorkflowNodeDefinition =
    spec.nodeType === 'agent'
      ? { ...base, name: spec.name, agentLoad: spec.agentLoad, agentConfig: (spec.agentConfig ?? {}) as WorkflowNodeDefinition['agentConfig'], layout: { ...spec.position, ...nodeSize(base) } }
      : { ...base, containerName: spec.name, containerConfig: {}, children: [], layout: { ...spec.position, ...nodeSize(base) } };
  const next = fitContainers(syncChildren({ ...definition, nodes: [...definition.nodes, withPatch(node, { agentLoad: node.agentLoad })] }));
  return { definition: next, nodeId };
}

export function updateNode(definition: WorkflowDefinition, nodeId: string, patch: NodePatch): WorkflowDefinition {
  return mapNodes(definition, (node) => (node.nodeId === nodeId ? withPatch(node, patch) : node));
}

export function updateWorkflow(
  definition: WorkflowDefinition,
  patch: { [K in Exclude<keyof WorkflowDefinition, 'nodes'>]?: WorkflowDefinition[K] | undefined },
): WorkflowDefinition {
  return withPatch(definition, patch);
}

/** Removes nodes with everything inside them and every dependency on them; the root stays. */
export function removeNodes(definition: WorkflowDefinition, ids: Iterable<string>): WorkflowDefinition {
  const root = findRoot(definition);
  const doomed = new Set<string>();
  for (const id of ids) {
    if (id === root?.nodeId) continue;
    doomed.add(id);
    for (const inner of descendantIds(definition, id)) doomed.add(inner);
  }
  if (doomed.size === 0) return definition;
  const nodes = definition.nodes
    .filter((node) => !doomed.has(node.nodeId))
    .map((node) => {
      const dependencies = node.dependencies?.filter((dependency) => !doomed.has(dependency.sourceNodeId));
      return dependencies && dependencies.length !== node.dependencies?.length ? { ...node, dependencies } : node;
    });
  return syncChildren({ ...definition, nodes });
}

export function moveNodes(definition: WorkflowDefinition, positions: ReadonlyMap<string, Point>): WorkflowDefinition {
  return mapNodes(definition, (node) => {
    const position = positions.get(node.nodeId);
    if (!position) return node;
    const current = nodePosition(node);
    if (current.x === position.x && current.y === position.y && node.layout) return node;
    return { ...node, layout: { ...nodeSize(node), ...node.layout, x: position.x, y: position.y } };
  });
}

export function resizeNode(definition: WorkflowDefinition, nodeId: string, rect: Partial<Rect>): WorkflowDefinition {
  return mapNodes(definition, (node) => {
    if (node.nodeId !== nodeId) return node;
    const layout = { ...nodePosition(node), ...nodeSize(node), ...node.layout };
    for (const key of ['x', 'y', 'width', 'height'] as const) {
      const value = rect[key];
      if (value !== undefined && Number.isFinite(value)) layout[key] = Math.round(value);
    }
    return { ...node, layout };
  });
}

/** Whether `nodeId` may move into `parentId`: a container, not itself, not inside itself. */
export function canReparent(definition: WorkflowDefinition, nodeId: string, parentId: string): boolean {
  const node = findNode(definition, nodeId);
  if (!node || node.isRoot || nodeId === parentId) return false;
  if (!isContainer(findNode(definition, parentId))) return false;
  return !descendantIds(definition, nodeId).has(parentId);
}

/** Moves a node into another container, keeping where it is on screen. */
export function reparentNode(definition: WorkflowDefinition, nodeId: string, parentId: string): WorkflowDefinition {
  const node = findNode(definition, nodeId);
  if (!node || node.parentId === parentId || !canReparent(definition, nodeId, parentId)) return definition;
  const absolute = absoluteRect(definition, nodeId);
  const parentOrigin = absoluteRect(definition, parentId);
  const moved = updateNode(definition, nodeId, {
    parentId,
    layout: { ...nodeSize(node), ...node.layout, x: Math.round(absolute.x - parentOrigin.x), y: Math.round(absolute.y - parentOrigin.y) },
  });
  return fitContainers(syncChildren(moved));
}

function depthOf(definition: WorkflowDefinition, nodeId: string): number {
  return ancestorIds(definition, nodeId).length;
}

/**
 * Grows containers, innermost first, until each holds its children with a margin; a child
 * pushed past the top or left edge moves the container's origin rather than hanging outside.
 */
export function fitContainers(definition: WorkflowDefinition): WorkflowDefinition {
  let current = definition;
  const containers = definition.nodes
    .filter((node) => node.nodeType === 'container')
    .map((node) => node.nodeId)
    .sort((a, b) => depthOf(definition, b) - depthOf(definition, a));
  for (const containerId of containers) {
    const children = current.nodes.filter((node) => node.parentId === containerId);
    if (children.length === 0) continue;
    const minX = Math.min(...children.map((child) => nodePosition(child).x));
    const minY = Math.min(...children.map((child) => nodePosition(child).y));
    const shiftX = Math.max(0, CONTAINER_PADDING - minX);
    const shiftY = Math.max(0, CONTAINER_HEADER + CONTAINER_PADDING / 2 - minY);
    if (shiftX > 0 || shiftY > 0) {
      const shifted = new Map(children.map((child) => [child.nodeId, { x: nodePosition(child).x + shiftX, y: nodePosition(child).y + shiftY }]));
      current = moveNodes(current, shifted);
      const container = findNode(current, containerId);
      if (container) {
        const position = nodePosition(container);
        const size = nodeSize(container);
        current = resizeNode(current, containerId, {
          x: position.x - shiftX,
          y: position.y - shiftY,
          width: size.width + shiftX,
          height: size.height + shiftY,
        });
      }
    }
    const placed = current.nodes.filter((node) => node.parentId === containerId);
    const right = Math.max(...placed.map((child) => nodePosition(child).x + nodeSize(child).width)) + CONTAINER_PADDING;
    const bottom = Math.max(...placed.map((child) => nodePosition(child).y + nodeSize(child).height)) + CONTAINER_PADDING;
    const container = findNode(current, containerId);
    if (!container) continue;
    const size = nodeSize(container);
    if (right > size.width || bottom > size.height) {
      current = resizeNode(current, containerId, { width: Math.max(size.width, right), height: Math.max(size.height, bottom) });
    }
  }
  return current;
}

/** Gives a node a new id and follows it everywhere it is referred to. */
export function renameNodeId(definition: WorkflowDefinition, oldId: string, newId: string): WorkflowDefinition {
  if (oldId === newId || !findNode(definition, oldId) || findNode(definition, newId)) return definition;
  return mapNodes(definition, (node) => {
    let next = node;
    if (node.nodeId === oldId) next = { ...next, nodeId: newId };
    if (node.parentId === oldId) next = { ...next, parentId: newId };
    if (node.children?.includes(oldId)) next = { ...next, children: node.children.map((id) => (id === oldId ? newId : id)) };
    if (node.dependencies?.some((dependency) => dependency.sourceNodeId === oldId)) {
      next = {
        ...next,
        dependencies: node.dependencies.map((dependency) => (dependency.sourceNodeId === oldId ? { ...dependency, sourceNodeId: newId } : dependency)),
      };
    }
    return next;
  });
}

export type ConnectRefusal = 'self' | 'duplicate' | 'unknown';

export function connectionRefusal(definition: WorkflowDefinition, sourceNodeId: string, targetNodeId: string): ConnectRefusal | undefined {
  if (sourceNodeId === targetNodeId) return 'self';
  const target = findNode(definition, targetNodeId);
  if (!target || !findNode(definition, sourceNodeId)) return 'unknown';
  if (target.dependencies?.some((dependency) => dependency.sourceNodeId === sourceNodeId)) return 'duplicate';
  return undefined;
}

export function addDependency(
  definition: WorkflowDefinition,
  sourceNodeId: string,
  targetNodeId: string,
  type: DependencyType = DEFAULT_DEPENDENCY_TYPE,
): WorkflowDefinition {
  if (connectionRefusal(definition, sourceNodeId, targetNodeId)) return definition;
  return mapNodes(definition, (node) =>
    node.nodeId === targetNodeId ? { ...node, dependencies: [...(node.dependencies ?? []), { sourceNodeId, type }] } : node,
  );
}

export function updateDependency(
  definition: WorkflowDefinition,
  ref: DependencyRef,
  patch: { [K in keyof DependencyDefinition]?: DependencyDefinition[K] | undefined },
): WorkflowDefinition {
  return mapNodes(definition, (node) => {
    if (node.nodeId !== ref.targetNodeId || !node.dependencies?.[ref.index]) return node;
    return { ...node, dependencies: node.dependencies.map((dependency, i) => (i === ref.index ? withPatch(dependency, patch) : dependency)) };
  });
}

export function removeDependencies(definition: WorkflowDefinition, refs: readonly DependencyRef[]): WorkflowDefinition {
  if (refs.length === 0) return definition;
  return mapNodes(definition, (node) => {
    const doomed = new Set(refs.filter((ref) => ref.targetNodeId === node.nodeId).map((ref) => ref.index));
    if (doomed.size === 0 || !node.dependencies) return node;
    return { ...node, dependencies: node.dependencies.filter((_, i) => !doomed.has(i)) };
  });
}

export function dependencyAt(definition: WorkflowDefinition, ref: DependencyRef): DependencyDefinition | undefined {
  return findNode(definition, ref.targetNodeId)?.dependencies?.[ref.index];
}

/** Whether every node has a place on the canvas; a file without one is laid out on opening. */
export function hasLayout(definition: WorkflowDefinition): boolean {
  return definition.nodes.every((node) => node.layout !== undefined);
}

/**
 * Where dragged nodes end up when dropped: each lands in the innermost container under its
 * centre (the root when it left every container), keeping its place on screen, and every
 * container then grows to hold what it now contains.
 */
export function settleDrop(definition: WorkflowDefinition, draggedIds: Iterable<string>): WorkflowDefinition {
  const dragged = new Set(draggedIds);
  const root = findRoot(definition);
  let next = definition;
  for (const id of dragged) {
    // A node dragged along with its container stays inside it.
    if (ancestorIds(next, id).some((ancestor) => dragged.has(ancestor))) continue;
    const node = findNode(next, id);
    if (!node || node.isRoot || !root) continue;
    const rect = absoluteRect(next, id);
    const target = containerAt(next, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, new Set([id])) ?? root.nodeId;
    if (target !== node.parentId && canReparent(next, id, target)) next = reparentNode(next, id, target);
  }
  return fitContainers(next);
}

/** A place for a new node in a container: below what it already holds, at the left margin. */
export function freeSpot(definition: WorkflowDefinition, containerId: string): Point {
  const children = definition.nodes.filter((node) => node.parentId === containerId);
  const top = CONTAINER_HEADER + CONTAINER_PADDING / 2;
  if (children.length === 0) return { x: CONTAINER_PADDING, y: top };
  const bottom = Math.max(...children.map((child) => nodePosition(child).y + nodeSize(child).height));
  return { x: CONTAINER_PADDING, y: Math.max(top, bottom + CONTAINER_PADDING) };
}
