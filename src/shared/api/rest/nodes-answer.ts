import type { DependencyType } from '../../status';
import type { EdgeState, ManagedNodes, NodeView } from '../../task/nodes';
import { isoTime } from './iso-time';

type Json = NodeView['result'];

/**
 * The Deduction design's answer to "which nodes, and how far" (section 4.2): each node by the
 * design's names, progress in percent, times in ISO 8601, containers with the agents they
 * manage, and the dependency edges listed apart as source → target. Times a node does not
 * have yet are left out, as in the design's example.
 */
export interface RestNode extends Pick<NodeView, 'nodeId' | 'nodeType' | 'name' | 'parentId' | 'isRoot' | 'level' | 'status' | 'batch'> {
  /** 0–100, whole percent. */
  progress: number;
  agentLoad: string | null;
  agentMetaId: NodeView['agentMetaId'];
  agentUrl: string | null;
  containerType: string | null;
  envConfig: NodeView['envConfig'];
  bizValue: NodeView['bizValue'];
  startTime?: string;
  endTime?: string;
  errorCode: string | null;
  errorMessage: string | null;
  engineId: string | null;
  result: Json;
  /** Containers only: the agents beneath them at any depth. */
  managedNodes?: ManagedNodes;
}

export interface RestDependency {
  source: string;
  target: string;
  type: DependencyType;
  satisfied: boolean;
  /** satisfied, pending (not decidable yet) or unsatisfiable (never will be). */
  state: EdgeState;
  condition: Json;
}

export interface RestNodesAnswer {
  nodes: RestNode[];
  /** The edges into the nodes listed. */
  dependencies: RestDependency[];
}

/** Our progress is a fraction; the design's is a percentage. */
export function percent(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

export function nodesAnswer(views: readonly NodeView[]): RestNodesAnswer {
  return {
    nodes: views.map(restNode),
    dependencies: views.flatMap((view) =>
      view.dependencies.map((edge) => ({ source: edge.sourceNodeId, target: view.nodeId, type: edge.type, satisfied: edge.satisfied, state: edge.state, condition: edge.condition })),
    ),
  };
}

export function restNode(view: NodeView): RestNode {
  const startTime = isoTime(view.startTime);
  const endTime = isoTime(view.endTime);
  return {
    nodeId: view.nodeId,
    nodeType: view.nodeType,
    name: view.name,
    parentId: view.parentId,
    isRoot: view.isRoot,
    level: view.level,
    status: view.status,
    batch: view.batch,
    progress: percent(view.progress),
    agentLoad: view.agentLoad,
    agentMetaId: view.agentMetaId,
    agentUrl: view.agentUrl,
    containerType: view.containerType,
    envConfig: view.envConfig,
    bizValue: view.bizValue,
    ...(startTime !== null && { startTime }),
    ...(endTime !== null && { endTime }),
    errorCode: view.errorCode,
    errorMessage: view.errorMessage,
    engineId: view.engineId,
    result: view.result,
    ...(view.managedNodes && { managedNodes: view.managedNodes }),
  };
}
