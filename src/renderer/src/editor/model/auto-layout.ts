import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { nodeDisplayName, type WorkflowDefinition, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { ancestorIds, findRoot } from './document';
import { describeLogic } from './logic-preview';
import { CONTAINER_HEADER, CONTAINER_PADDING, CONTAINER_SIZE, containerMinWidth, nodeSize } from './geometry';

/**
 * Auto-layout with ELK's layered algorithm over the whole container tree at once
 * (hierarchyHandling INCLUDE_CHILDREN), so dependencies that cross container borders are
 * laid out together with the nodes inside. ELK places children relative to their parent,
 * exactly as the definition's layout does.
 */
const ELK_ROOT = 'elk-root';

const GRAPH_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.nodeNode': '32',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
};

const CONTAINER_OPTIONS: LayoutOptions = {
  'elk.padding': `[top=${CONTAINER_HEADER + CONTAINER_PADDING / 2},left=${CONTAINER_PADDING},bottom=${CONTAINER_PADDING},right=${CONTAINER_PADDING}]`,
};

/** Parents as the tree should be drawn: a dangling or cyclic parent falls back to the root. */
function drawnParents(definition: WorkflowDefinition): Map<string, string | undefined> {
  const root = findRoot(definition);
  const ids = new Set(definition.nodes.map((node) => node.nodeId));
  const parents = new Map<string, string | undefined>();
  for (const node of definition.nodes) {
    if (node === root) parents.set(node.nodeId, undefined);
    else {
      const parent = node.parentId && ids.has(node.parentId) && !ancestorIds(definition, node.parentId).includes(node.nodeId) ? node.parentId : root?.nodeId;
      parents.set(node.nodeId, parent === node.nodeId ? undefined : parent);
    }
  }
  return parents;
}

/**
 * The room an edge's label takes on the canvas (11px text, capped like the label's CSS), so
 * ELK leaves space for it between layers instead of drawing labels over nodes.
 */
export const EDGE_LABEL_MAX_WIDTH = 160;
const EDGE_LABEL_HEIGHT = 18;
const CHAR_WIDTH = 6.6;

export function edgeLabelSize(type: string, condition: unknown): { width: number; height: number } {
  const text = condition === undefined ? type : `${type} if ${describeLogic(condition)}`;
  return { width: Math.min(EDGE_LABEL_MAX_WIDTH, Math.ceil(text.length * CHAR_WIDTH) + 16), height: EDGE_LABEL_HEIGHT };
}

export interface LayoutOptionsIn {
  /**
   * Wrap a container's children whose layers run far wider than this width-to-height ratio
   * (a long chain) into rows below one another, so the whole fills a view of that shape
   * (ELK's graph wrapping). Unset: one row of layers, as wide as it takes.
   */
  wrapAspect?: number;
}

/** Room for a container's header to show its whole name (geometry.ts containerMinWidth). */
function containerOptions(node: WorkflowNodeDefinition, wrapAspect: number | undefined): LayoutOptions {
  return {
    ...CONTAINER_OPTIONS,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${containerMinWidth(nodeDisplayName(node))}, 0)`,
    ...(wrapAspect === undefined ? {} : { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(wrapAspect) }),
  };
}

export function toElkGraph(definition: WorkflowDefinition, options: LayoutOptionsIn = {}): ElkNode {
  const parents = drawnParents(definition);
  const elkNodes = new Map<string, ElkNode>();
  for (const node of definition.nodes) {
    const size = node.nodeType === 'agent' ? nodeSize({ ...node, layout: undefined }) : undefined;
    elkNodes.set(node.nodeId, {
      id: node.nodeId,
      ...(size ? { width: size.width, height: size.height } : {}),
      ...(node.nodeType === 'container' ? { layoutOptions: containerOptions(node, options.wrapAspect), children: [] } : {}),
    });
  }
  const top: ElkNode[] = [];
  for (const node of definition.nodes) {
    const elkNode = elkNodes.get(node.nodeId) as ElkNode;
    const parentId = parents.get(node.nodeId);
    const parent = parentId ? elkNodes.get(parentId) : undefined;
    if (parent?.children) parent.children.push(elkNode);
    else top.push(elkNode);
  }
  for (const node of definition.nodes) {
    const elkNode = elkNodes.get(node.nodeId);
    if (node.nodeType === 'container' && elkNode && elkNode.children?.length === 0) {
      const size = nodeSize(node.isRoot ? node : { ...node, layout: undefined });
      elkNode.width = Math.max(Math.min(size.width, CONTAINER_SIZE.width), containerMinWidth(nodeDisplayName(node)));
      elkNode.height = Math.min(size.height, CONTAINER_SIZE.height);
    }
  }
  const edges: ElkExtendedEdge[] = [];
  for (const node of definition.nodes) {
    node.dependencies?.forEach((dependency, index) => {
      if (!elkNodes.has(dependency.sourceNodeId) || dependency.sourceNodeId === node.nodeId) return;
      edges.push({
        id: `e${edges.length}:${index}`,
        sources: [dependency.sourceNodeId],
        targets: [node.nodeId],
        labels: [{ id: `l${edges.length}:${index}`, text: dependency.type, ...edgeLabelSize(dependency.type, dependency.condition) }],
      });
    });
  }
  return { id: ELK_ROOT, layoutOptions: GRAPH_OPTIONS, children: top, edges };
}

/** Copies ELK's positions (and container sizes) into the definition's layout. */
export function applyElkLayout(definition: WorkflowDefinition, graph: ElkNode): WorkflowDefinition {
  const placed = new Map<string, ElkNode>();
  const visit = (elkNode: ElkNode) => {
    placed.set(elkNode.id, elkNode);
    for (const child of elkNode.children ?? []) visit(child);
  };
  for (const child of graph.children ?? []) visit(child);
  const topLevel = new Set((graph.children ?? []).map((child) => child.id));
  const nodes = definition.nodes.map((node): WorkflowNodeDefinition => {
    const elkNode = placed.get(node.nodeId);
    if (!elkNode) return node;
    const size = nodeSize(node);
    const isTop = topLevel.has(node.nodeId);
    return {
      ...node,
      layout: {
        x: Math.round(isTop && node.isRoot ? 0 : (elkNode.x ?? 0)),
        y: Math.round(isTop && node.isRoot ? 0 : (elkNode.y ?? 0)),
        width: Math.round(node.nodeType === 'container' ? (elkNode.width ?? size.width) : size.width),
        height: Math.round(node.nodeType === 'container' ? (elkNode.height ?? size.height) : size.height),
      },
    };
  });
  return { ...definition, nodes };
}

export async function autoLayout(definition: WorkflowDefinition, elk: Pick<ELK, 'layout'>, options: LayoutOptionsIn = {}): Promise<WorkflowDefinition> {
  const result = await elk.layout(toElkGraph(definition, options));
  return applyElkLayout(definition, result);
}
