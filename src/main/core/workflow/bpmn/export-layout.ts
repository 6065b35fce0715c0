import type ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { WorkflowTree } from './export-structure';
import { gridLayout } from './grid-layout';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A dependency to draw: from its source's shape to its target's. */
export interface DrawnEdge {
  key: string;
  source: string;
  target: string;
}

export interface ExportLayout {
  /** Absolute bounds of every node; the root's is its pool's. */
  shapes: Map<string, Bounds>;
  /** Absolute waypoints of every drawn edge, by key. */
  routes: Map<string, ElkPoint[]>;
}

const TASK_SIZE = { width: 100, height: 80 } as const;
const EMPTY_CONTAINER_SIZE = { width: 140, height: 100 } as const;

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  // The left margin clears the band where a pool shows its name.
  'elk.padding': '[top=40,left=70,bottom=40,right=40]',
};
const CONTAINER_OPTIONS = { 'elk.padding': '[top=40,left=30,bottom=30,right=30]' };

/**
 * Past this many nodes the export lays the workflow out on a grid instead of with ELK, which
 * takes seconds per thousand nodes and overflows the stack on long dependency chains.
 */
const ELK_NODE_LIMIT = 1500;

let elk: InstanceType<typeof ELK> | undefined;

function defaultSize(node: WorkflowNodeDefinition, tree: WorkflowTree): { width: number; height: number } {
  return node.nodeType === 'container' && tree.childrenOf(node.nodeId).length === 0 ? EMPTY_CONTAINER_SIZE : TASK_SIZE;
}

/** The ELK graph of the tree below the root, built with an explicit stack. */
function elkChildren(tree: WorkflowTree): ElkNode[] {
  const top: ElkNode[] = [];
  const pending: { node: WorkflowNodeDefinition; into: ElkNode[] }[] = tree.childrenOf(tree.root.nodeId).map((node) => ({ node, into: top }));
  pending.reverse();
  while (pending.length > 0) {
    const { node, into } = pending.pop()!;
    const children = tree.childrenOf(node.nodeId);
    if (node.nodeType === 'container' && children.length > 0) {
      const built: ElkNode = { id: node.nodeId, layoutOptions: CONTAINER_OPTIONS, children: [] };
      into.push(built);
      for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index]!, into: built.children! });
    } else {
      into.push({ id: node.nodeId, ...defaultSize(node, tree) });
    }
  }
  return top;
}

/** Every node of an ELK graph by id, and every edge laid out in it. */
function indexElkGraph(graph: ElkNode, nodes: Map<string, ElkNode>, edges: ElkExtendedEdge[]): void {
  const pending = [graph];
  while (pending.length > 0) {
    const node = pending.pop()!;
    nodes.set(node.id, node);
    for (const edge of node.edges ?? []) edges.push(edge);
    for (const child of node.children ?? []) pending.push(child);
  }
}

/**
 * ELK's layered layout of the whole tree at once, so that edges across containers are laid
 * out too; undefined for a workflow too large for it (ELK recurses along dependency chains).
 */
async function elkLayout(tree: WorkflowTree, edges: readonly DrawnEdge[]): Promise<ElkNode | undefined> {
  if (tree.byId.size > ELK_NODE_LIMIT) return undefined;
  // ELK is 1.5 MB of script: loaded on the first layout, not with the module.
  elk ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const drawable = edges.filter(
    (edge) =>
      edge.source !== edge.target &&
      tree.byId.has(edge.source) &&
      !tree.isAncestor(edge.source, edge.target) &&
      !tree.isAncestor(edge.target, edge.source),
  );
  try {
    return await elk.layout({
      id: tree.root.nodeId,
      layoutOptions: ROOT_OPTIONS,
      children: elkChildren(tree),
      edges: drawable.map((edge) => ({ id: edge.key, sources: [edge.source], targets: [edge.target] })),
    });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A plain connector from the source's right side to the target's left side. */
function connector(from: Bounds, to: Bounds): ElkPoint[] {
  const start = { x: from.x + from.width, y: from.y + from.height / 2 };
  const end = { x: to.x, y: to.y + to.height / 2 };
  if (start.y === end.y) return [start, end];
  const middleX = (start.x + end.x) / 2;
  return [start, { x: middleX, y: start.y }, { x: middleX, y: end.y }, end];
}

/**
 * Where to draw every node and edge. A node's layout is relative to its parent container (the
 * root's is absolute), as the editor keeps it; nodes without one get ELK's layered layout,
 * which places children relative to their parent the same way. BPMN wants absolute bounds.
 */
export async function exportLayout(tree: WorkflowTree, edges: readonly DrawnEdge[]): Promise<ExportLayout> {
  const everyNodePlaced = [...tree.byId.values()].every((node) => node.layout);
  const computed = new Map<string, { x?: number; y?: number; width?: number; height?: number }>();
  const laidEdges: ElkExtendedEdge[] = [];
  if (!everyNodePlaced) {
    const laidOut = await elkLayout(tree, edges);
    if (laidOut) {
      const elkNodes = new Map<string, ElkNode>();
      indexElkGraph(laidOut, elkNodes, laidEdges);
      for (const [id, node] of elkNodes) computed.set(id, node);
    } else {
      for (const [id, box] of gridLayout(tree, edges, (node) => defaultSize(node, tree))) computed.set(id, box);
    }
  }
  const shapes = new Map<string, Bounds>();
  // ELK's fractions are rounded away: the editor keeps whole pixels.
  const fromElk = (node: WorkflowNodeDefinition, key: 'x' | 'y' | 'width' | 'height'): number | undefined => {
    const value = computed.get(node.nodeId)?.[key];
    return value === undefined ? undefined : Math.round(value);
  };
  const place = (node: WorkflowNodeDefinition, originX: number, originY: number): void => {
    const size = defaultSize(node, tree);
    const x = originX + (node.layout?.x ?? fromElk(node, 'x') ?? 0);
    const y = originY + (node.layout?.y ?? fromElk(node, 'y') ?? 0);
    const width = node.layout?.width ?? fromElk(node, 'width') ?? size.width;
    const height = node.layout?.height ?? fromElk(node, 'height') ?? size.height;
    shapes.set(node.nodeId, { x, y, width, height });
  };
  // Pre-order with an explicit stack: deep nesting must not exhaust the call stack.
  place(tree.root, 0, 0);
  const pending = [tree.root];
  while (pending.length > 0) {
    const parent = pending.pop() as WorkflowNodeDefinition;
    const origin = shapes.get(parent.nodeId) as Bounds;
    for (const child of tree.childrenOf(parent.nodeId)) {
      place(child, origin.x, origin.y);
      pending.push(child);
    }
  }
  const routes = new Map<string, ElkPoint[]>();
  const routed = [...tree.byId.values()].every((node) => !node.layout) ? laidEdges : [];
  for (const edge of routed) {
    const section = edge.sections?.[0];
    const container = shapes.get(edge.container ?? tree.root.nodeId);
    if (!section || !container) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    routes.set(edge.id, points.map((point) => ({ x: point.x + container.x, y: point.y + container.y })));
  }
  for (const edge of edges) {
    const from = shapes.get(edge.source);
    const to = shapes.get(edge.target);
    if (from && to && !routes.has(edge.key)) routes.set(edge.key, connector(from, to));
  }
  return { shapes, routes };
}
