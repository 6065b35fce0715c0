import type { Id } from '../ids';
import type { TaskStatus } from '../status';
import type { NodeView } from './nodes';

/** A task's status and counters as they stand after a commit. */
export interface TaskSnapshot {
  taskId: Id;
  status: TaskStatus;
  totalNodes: number;
  completedNodes: number;
  failedNodes: number;
  runningNodes: number;
  skippedNodes: number;
  startTime: number | null;
  endTime: number | null;
  errorMessage: string | null;
  engineTaskId: string | null;
  engineUrl: string | null;
}

/**
 * A node as it stands after a commit that changed it: every field of its NodeView that a
 * run moves, so that a view kept live by changes alone (results and conditional edges
 * included) equals a fresh read.
 */
export type NodeChange = Pick<
  NodeView,
  'nodeId' | 'status' | 'batch' | 'progress' | 'result' | 'errorCode' | 'errorMessage' | 'engineId' | 'notBefore' | 'readyTime' | 'startTime' | 'endTime'
>;

/**
 * What one commit of the scheduler changed in one task: the task (when its status or
 * counters moved) and every node that changed, each once, in its final state of the commit.
 */
export interface TaskChange {
  taskId: Id;
  task: TaskSnapshot | null;
  nodes: NodeChange[];
}
