import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { DependencyType } from '../../../../shared/status';
import type { AgentCatalogItem } from './agent-catalog';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { Problem } from '../../../../shared/workflow/problems';
import { ancestorIds, type DependencyRef } from './document';
import { edgeId } from './flow-ids';
import { nodePosition, nodeSize } from './geometry';
import { worstSeverity, type ProblemIndex } from './problems-index';
import { labelPlaces, placeKey } from './label-placement';

/**
 * The one-way mapping from the workflow definition (the document) to what xyflow draws.
 * Changes come back from the canvas as edits on the definition, never by reading these nodes.
 */
export type WorkflowNodeData = {
  node: WorkflowNodeDefinition;
  problems: Problem[];
  severity?: 'error' | 'warning';
  /** The catalog entry of an agent's load, when an Engine offers it. */
  agent?: AgentCatalogItem;
  childCount: number;
  /** Set on the node a search or a problem click points at. */
  highlighted: boolean;
  /** Set on the container a dragged node would land in. */
  dropTarget: boolean;
};

export type DependencyEdgeData = {
  ref: DependencyRef;
  dependency: DependencyDefinition;
  problems: Problem[];
  severity?: 'error' | 'warning';
  /**
   * Which way to bow the line, when the two nodes also depend on each other the other way
   * round: the two lines would otherwise lie on top of each other (edge-path.ts).
   */
  bow?: 1 | -1;
  /** Where along the line its label sits, when not the middle (label-placement.ts). */
  labelAt?: number;
};

export type WorkflowFlowNode = Node<WorkflowNodeData, 'agent' | 'container'>;
export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;

export interface SelectionState {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const EMPTY_SELECTION: SelectionState = { nodes: new Set(), edges: new Set() };

/** Each dependency type's colour, a theme variable, shared by the line and its arrowhead. */
export const DEPENDENCY_COLOURS: Record<DependencyType, string> = {
  success: 'var(--edge-success)',
  failure: 'var(--edge-failure)',
  finish: 'var(--edge-finish)',
  any: 'var(--edge-any)',
};

export const SOURCE_HANDLE = 'out';
export const TARGET_HANDLE = 'in';

export interface FlowInput {
  definition: WorkflowDefinition;
  selection: SelectionState;
  problems: ProblemIndex;
  catalog: readonly AgentCatalogItem[];
  highlighted?: string | undefined;
  dropTarget?: string | undefined;
  /** Give each node its edge anchors up front (large flows: see `anchors`). */
  anchored?: boolean;
}

export function toFlowNodes({ definition, selection, problems, catalog, highlighted, dropTarget, anchored = false }: FlowInput): WorkflowFlowNode[] {
  const known = new Set(definition.nodes.map((node) => node.nodeId));
  const byLoad = new Map(catalog.map((entry) => [entry.agentLoad, entry]));
  const childCount = new Map<string, number>();
  for (const node of definition.nodes) if (node.parentId) childCount.set(node.parentId, (childCount.get(node.parentId) ?? 0) + 1);
  const depth = new Map(definition.nodes.map((node) => [node.nodeId, ancestorIds(definition, node.nodeId).length]));
  // xyflow needs every parent before its children.
  const ordered = [...definition.nodes].sort((a, b) => (depth.get(a.nodeId) ?? 0) - (depth.get(b.nodeId) ?? 0));
  return ordered.map((node) => {
    const nodeProblems = problems.byNode.get(node.nodeId) ?? EMPTY_PROBLEMS;
    const inputs: FlowNodeInputs = {
      selected: selection.nodes.has(node.nodeId),
      problems: nodeProblems,
      agent: node.agentLoad ? byLoad.get(node.agentLoad) : undefined,
      parentId: node.parentId && known.has(node.parentId) && !node.isRoot ? node.parentId : undefined,
      childCount: childCount.get(node.nodeId) ?? 0,
      highlighted: highlighted === node.nodeId,
      dropTarget: dropTarget === node.nodeId,
      anchored,
    };
    const cached = flowNodeCache.get(node);
    if (cached && sameInputs(cached.inputs, inputs)) return cached.flowNode;
    const flowNode = buildFlowNode(node, inputs);
    flowNodeCache.set(node, { inputs, flowNode });
    return flowNode;
  });
}

const EMPTY_PROBLEMS: Problem[] = [];

interface FlowNodeInputs {
  selected: boolean;
  problems: Problem[];
  agent: AgentCatalogItem | undefined;
  parentId: string | undefined;
  childCount: number;
  highlighted: boolean;
  dropTarget: boolean;
  anchored: boolean;
}

/**
 * The canvas node made last time for each definition node: while neither the node nor what
 * it shows has changed, xyflow gets the very same object and skips redrawing it, which keeps
 * a drag smooth in a workflow of thousands of nodes.
 */
const flowNodeCache = new WeakMap<WorkflowNodeDefinition, { inputs: FlowNodeInputs; flowNode: WorkflowFlowNode }>();

function sameInputs(a: FlowNodeInputs, b: FlowNodeInputs): boolean {
  return (Object.keys(a) as (keyof FlowNodeInputs)[]).every((key) => a[key] === b[key]);
}

function buildFlowNode(node: WorkflowNodeDefinition, inputs: FlowNodeInputs): WorkflowFlowNode {
  const severity = worstSeverity(inputs.problems);
  const size = nodeSize(node);
  return {
    id: node.nodeId,
    type: node.nodeType,
    position: nodePosition(node),
    width: size.width,
    height: size.height,
    // With its size known as measured too, xyflow keeps these anchors instead of reading them back from the page.
    ...(inputs.anchored ? { handles: anchors({ type: node.nodeType, ...size }), measured: size } : {}),
    selected: inputs.selected,
    deletable: !node.isRoot,
    // A container moves by its header; its empty space pans the view (canvas/use-container-pan.ts).
    ...(node.nodeType === 'container' ? { dragHandle: `.${CONTAINER_HEAD_CLASS}` } : {}),
    data: {
      node,
      problems: inputs.problems,
      ...(severity ? { severity } : {}),
      ...(inputs.agent ? { agent: inputs.agent } : {}),
      childCount: inputs.childCount,
      highlighted: inputs.highlighted,
      dropTarget: inputs.dropTarget,
    },
    ...(inputs.parentId ? { parentId: inputs.parentId } : {}),
  };
}

export function toFlowEdges({ definition, selection, problems, placeLabels = false }: Pick<FlowInput, 'definition' | 'selection' | 'problems'> & { placeLabels?: boolean }): DependencyFlowEdge[] {
  const places = placeLabels ? labelPlaces(definition) : undefined;
  const known = new Set(definition.nodes.map((node) => node.nodeId));
  const edges: DependencyFlowEdge[] = [];
  const pairs = new Set<string>();
  for (const node of definition.nodes) for (const dependency of node.dependencies ?? []) pairs.add(JSON.stringify([dependency.sourceNodeId, node.nodeId]));
  for (const node of definition.nodes) {
    node.dependencies?.forEach((dependency, index) => {
      if (!known.has(dependency.sourceNodeId)) return;
      const id = edgeId(node.nodeId, index);
      const edgeProblems = problems.byEdge.get(id) ?? [];
      const severity = worstSeverity(edgeProblems);
      const opposed = pairs.has(JSON.stringify([node.nodeId, dependency.sourceNodeId])) && node.nodeId !== dependency.sourceNodeId;
      const bow = opposed ? (dependency.sourceNodeId < node.nodeId ? -1 : 1) : undefined;
      const labelAt = places?.get(placeKey(node.nodeId, index));
      edges.push({
        id,
        type: 'dependency',
        source: dependency.sourceNodeId,
        target: node.nodeId,
        sourceHandle: SOURCE_HANDLE,
        targetHandle: TARGET_HANDLE,
        markerEnd: { type: 'arrowclosed', color: DEPENDENCY_COLOURS[dependency.type], width: 18, height: 18 },
        selected: selection.edges.has(id),
        data: { ref: { targetNodeId: node.nodeId, index }, dependency, problems: edgeProblems, ...(severity ? { severity } : {}), ...(bow ? { bow } : {}), ...(labelAt !== undefined ? { labelAt } : {}) },
      });
    });
  }
  return edges;
}

const HANDLE_PX = 6;
/** The class of a container's header, the one place it is dragged by. */
export const CONTAINER_HEAD_CLASS = 'wf-container-head';
/** Containers take their edges at the middle of their title bar. */
export const CONTAINER_ANCHOR_Y = 18;

/**
 * Where edges meet a node, given up front: xyflow otherwise renders every node once, in view
 * or not, to measure its handles, and again each time the node changes, which in a graph of
 * thousands of nodes is most of the work. Both the editor and the live graph place their
 * handles here.
 */
export function anchors(flowNode: Pick<WorkflowFlowNode, 'type' | 'width' | 'height'>): NodeHandle[] {
  const width = flowNode.width ?? 0;
  const middle = flowNode.type === 'container' ? CONTAINER_ANCHOR_Y : (flowNode.height ?? 0) / 2;
  const y = middle - HANDLE_PX / 2;
  return [
    { id: TARGET_HANDLE, type: 'target', position: Position.Left, x: -HANDLE_PX / 2, y, width: HANDLE_PX, height: HANDLE_PX },
    { id: SOURCE_HANDLE, type: 'source', position: Position.Right, x: width - HANDLE_PX / 2, y, width: HANDLE_PX, height: HANDLE_PX },
  ];
}
