import type { Edge, Node } from '@xyflow/react';
import type { EdgeState, NodeView } from '../../../../shared/task/nodes';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { anchors, EMPTY_SELECTION, toFlowEdges, toFlowNodes, type DependencyFlowEdge, type WorkflowFlowNode } from '../../editor/model/flow-mapping';
import type { TaskNodes } from '../../task-panels/task-panel';

/**
 * The live graph's nodes and edges: the editor's mapping gives each node its place, size and
 * container, and each dependency its ends; this adds the task's state. Built again on every
 * change of the task, it hands xyflow the very same object for every node and edge whose
 * state did not change, so a commit that moves ten nodes of ten thousand redraws ten.
 */
export type GraphNodeData = {
  definition: WorkflowNodeDefinition;
  /** Absent while the task's nodes are still loading. */
  view: NodeView | undefined;
  selected: boolean;
};

export type GraphEdgeData = {
  dependency: DependencyDefinition;
  state: EdgeState;
};

export type GraphFlowNode = Node<GraphNodeData, 'agent' | 'container'>;
export type GraphFlowEdge = Edge<GraphEdgeData, 'status'>;

export interface GraphBase {
  nodes: readonly WorkflowFlowNode[];
  edges: readonly DependencyFlowEdge[];
}

const NO_PROBLEMS = { byNode: new Map(), byEdge: new Map(), workflow: [] };

export function graphBase(definition: WorkflowDefinition): GraphBase {
  return {
    nodes: toFlowNodes({ definition, selection: EMPTY_SELECTION, problems: NO_PROBLEMS, catalog: [] }),
    edges: toFlowEdges({ definition, selection: EMPTY_SELECTION, problems: NO_PROBLEMS }),
  };
}

/** What each node and edge was last built from; one per mounted graph. */
export interface GraphCache {
  nodes: Map<string, { base: WorkflowFlowNode; view: NodeView | undefined; selected: boolean; built: GraphFlowNode }>;
  edges: Map<string, { base: DependencyFlowEdge; state: EdgeState; built: GraphFlowEdge }>;
  /** The last lists handed out: unchanged, they are handed out again, and xyflow skips its pass over them. */
  nodeList: GraphFlowNode[] | null;
  edgeList: GraphFlowEdge[] | null;
}

export function createGraphCache(): GraphCache {
  return { nodes: new Map(), edges: new Map(), nodeList: null, edgeList: null };
}

function sameList<T>(previous: readonly T[] | null, next: readonly T[]): boolean {
  return previous !== null && previous.length === next.length && previous.every((item, i) => item === next[i]);
}

export function toGraphNodes(base: GraphBase, nodes: TaskNodes, selectedNodeId: string | null, cache: GraphCache): GraphFlowNode[] {
  const list = base.nodes.map((flowNode) => {
    const view = nodes.byId.get(flowNode.id);
    const selected = flowNode.id === selectedNodeId;
    const cached = cache.nodes.get(flowNode.id);
    if (cached && cached.base === flowNode && cached.view === view && cached.selected === selected) return cached.built;
    const built: GraphFlowNode = {
      id: flowNode.id,
      type: flowNode.type ?? 'agent',
      position: flowNode.position,
      ...(flowNode.width !== undefined ? { width: flowNode.width } : {}),
      ...(flowNode.height !== undefined ? { height: flowNode.height } : {}),
      ...(flowNode.parentId !== undefined ? { parentId: flowNode.parentId } : {}),
      draggable: false,
      connectable: false,
      deletable: false,
      selectable: false,
      // Selection is ours (the panel's props), not xyflow's.
      selected: false,
      handles: anchors(flowNode),
      data: { definition: flowNode.data.node, view, selected },
    };
    cache.nodes.set(flowNode.id, { base: flowNode, view, selected, built });
    return built;
  });
  if (sameList(cache.nodeList, list)) return cache.nodeList as GraphFlowNode[];
  cache.nodeList = list;
  return list;
}


/** A dependency's state as its target's view reports it; the index matches the definition's list. */
export function edgeState(view: NodeView | undefined, index: number, sourceNodeId: string): EdgeState {
  if (!view) return 'pending';
  const at = view.dependencies[index];
  if (at && at.sourceNodeId === sourceNodeId) return at.state;
  return view.dependencies.find((dependency) => dependency.sourceNodeId === sourceNodeId)?.state ?? 'pending';
}

export function toGraphEdges(base: GraphBase, nodes: TaskNodes, cache: GraphCache): GraphFlowEdge[] {
  const list = base.edges.map((flowEdge) => {
    const ref = flowEdge.data!.ref;
    const state = edgeState(nodes.byId.get(ref.targetNodeId), ref.index, flowEdge.source);
    const cached = cache.edges.get(flowEdge.id);
    if (cached && cached.base === flowEdge && cached.state === state) return cached.built;
    const built: GraphFlowEdge = {
      id: flowEdge.id,
      type: 'status',
      source: flowEdge.source,
      target: flowEdge.target,
      ...(flowEdge.sourceHandle ? { sourceHandle: flowEdge.sourceHandle } : {}),
      ...(flowEdge.targetHandle ? { targetHandle: flowEdge.targetHandle } : {}),
      selectable: false,
      focusable: false,
      markerEnd: arrowId(state),
      data: { dependency: flowEdge.data!.dependency, state },
    };
    cache.edges.set(flowEdge.id, { base: flowEdge, state, built });
    return built;
  });
  if (sameList(cache.edgeList, list)) return cache.edgeList as GraphFlowEdge[];
  cache.edgeList = list;
  return list;
}

/**
 * Arrowheads are three shared SVG markers (GraphMarkers) named by state: xyflow would
 * otherwise serialize a marker object for every edge on every update.
 */
export function arrowId(state: EdgeState): string {
  return `graph-arrow-${state}`;
}

/** Each edge state's colour, a theme variable shared by the line (CSS) and its arrowhead. */
export const EDGE_COLOURS: Record<EdgeState, string> = {
  satisfied: 'var(--ok)',
  pending: 'var(--fg-muted)',
  unsatisfiable: 'var(--danger)',
};
