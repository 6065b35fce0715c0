import { z } from 'zod';
import type { Id } from '../ids';
import { NODE_STATUSES, type DependencyType, type JoinMode, type NodeKind, type NodeStatus, type NodeType } from '../status';

type Json = z.infer<ReturnType<typeof z.json>>;
type JsonObject = Record<string, Json>;

/** Which nodes of a task to list; all of them when `status` is absent. */
export const nodeQuerySchema = z.object({
  status: z.union([z.enum(NODE_STATUSES), z.array(z.enum(NODE_STATUSES)).min(1)]).optional(),
});
export type NodeQuery = z.infer<typeof nodeQuerySchema>;

/**
 * Where one dependency edge stands: satisfied now, not decidable yet (pending), or never
 * satisfiable any more (its source ended the wrong way, or its condition is false).
 */
export const EDGE_STATES = ['pending', 'satisfied', 'unsatisfiable'] as const;
export type EdgeState = (typeof EDGE_STATES)[number];

export interface DependencyView {
  sourceNodeId: string;
  type: DependencyType;
  condition: Json | null;
  state: EdgeState;
  satisfied: boolean;
}

/**
 * What a container manages: every agent beneath it, however deeply nested (containers are
 * bookkeeping; agents are the work an operator counts).
 */
export interface ManagedNodes {
  total: number;
  completed: number;
  running: number;
  failed: number;
  skipped: number;
}

/** Which of a container's managed counts an agent in this status adds to, beside the total. */
export function managedBucket(status: NodeStatus): Exclude<keyof ManagedNodes, 'total'> | null {
  switch (status) {
    case 'completed':
    case 'running':
    case 'failed':
    case 'skipped':
      return status;
    default:
      return null;
  }
}

export interface NodeView {
  taskId: Id;
  nodeId: string;
  nodeType: NodeType;
  /** The IT-ops design's kind the workflow gives the node, if any. */
  kind: NodeKind | null;
  name: string | null;
  parentId: string | null;
  isRoot: boolean;
  level: number;
  status: NodeStatus;
  /** The execution attempt the status belongs to; 0 before the first start. */
  batch: number;
  agentLoad: string | null;
  /** The agent_meta row the workflow names for the agent (agents only). */
  agentMetaId: Id | null;
  /** Where the agent's package is downloaded from (agents only). */
  agentUrl: string | null;
  /** The kind of container (containers only). */
  containerType: string | null;
  envConfig: JsonObject | null;
  bizValue: JsonObject | null;
  join: JoinMode;
  priority: number;
  progress: number;
  result: Json | null;
  /** Why the node failed or was skipped (a NODE_REASON code or an Engine error code). */
  errorCode: string | null;
  errorMessage: string | null;
  engineId: string | null;
  /** Not started before this time (a pin, or a retry's backoff). */
  notBefore: number | null;
  readyTime: number | null;
  startTime: number | null;
  endTime: number | null;
  dependencies: DependencyView[];
  /** Containers only. */
  managedNodes?: ManagedNodes;
}
