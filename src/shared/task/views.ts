import { z } from 'zod';
import type { AssigneeView, PlacementView } from './assignment';
import { idSchema, type Id } from '../ids';
import { TASK_STATUSES, type ExecutionStatus, type NodeStatus, type TaskStatus, type TriggerType } from '../status';
import type { WorkflowDefinition } from '../workflow/definition';
import type { NodeView } from './nodes';

type Json = z.infer<ReturnType<typeof z.json>>;

const id = idSchema;

/** Which tasks the dashboard lists; newest first. */
export const taskListQuerySchema = z.object({
  status: z.array(z.enum(TASK_STATUSES)).min(1).optional(),
  /** Words in the task's name. */
  search: z.string().max(200).optional(),
  limit: z.int().min(1).max(1000).default(200),
  /** Archived tasks are left out unless asked for. */
  includeArchived: z.boolean().optional(),
});
export type TaskListQuery = z.input<typeof taskListQuerySchema>;

export interface TaskCounters {
  totalNodes: number;
  totalContainers: number;
  totalAgents: number;
  completedNodes: number;
  failedNodes: number;
  runningNodes: number;
  skippedNodes: number;
}

/** Just the counters of a task row or summary (reports and the CLI print them alone). */
export function countersOf(task: TaskCounters): TaskCounters {
  const { totalNodes, totalContainers, totalAgents, completedNodes, failedNodes, runningNodes, skippedNodes } = task;
  return { totalNodes, totalContainers, totalAgents, completedNodes, failedNodes, runningNodes, skippedNodes };
}

export interface TaskSummary extends TaskCounters {
  taskId: Id;
  name: string;
  status: TaskStatus;
  createdBy: string | null;
  createdAt: number;
  startTime: number | null;
  endTime: number | null;
  errorMessage: string | null;
  /** Engines that ran or run this task's nodes. */
  engineIds: string[];
  /** The id the Engine knows the task by, once submitted. */
  engineTaskId: string | null;
  /** The URL of the Engine the task was submitted to; null before, and for the in-process Engine, which has no lasting address. */
  engineUrl: string | null;
  /** When the task was archived (out of the default list, still whole); absent or null when it is not. */
  archivedAt?: number | null;
}

export interface TaskDetail extends TaskSummary {
  description: string | null;
  rootNodeId: string;
  variables: Record<string, Json>;
  /** The workflow as it was when the task was created. */
  workflow: WorkflowDefinition;
  /** When the task should have ended by (epoch ms); absent or null when it has no deadline. */
  deadline?: number | null;
}

export interface ExecutionView {
  executionId: Id;
  nodeId: string;
  batch: number;
  engineId: string | null;
  status: ExecutionStatus;
  progress: number;
  resolvedConfig: Json | null;
  result: Json | null;
  exitCode: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  /** The Engine's id for the execution: `<task id>/<node id>/<batch>`, the key the Engine knows it by. */
  engineNodeId: string | null;
  /** From the node becoming ready to its start command, in ms. */
  queueTimeMs: number | null;
  /** Containers: the nodes inside at any depth, and how many of them had completed when it ended. */
  managedNodesTotal: number | null;
  managedNodesCompleted: number | null;
  /** Peak and mean CPU of its resource samples, in percent of one core; null without samples. */
  cpuPeak: number | null;
  cpuMean: number | null;
  /** Peak and mean memory of its resource samples, in MB (MiB). */
  memoryPeakMb: number | null;
  memoryMeanMb: number | null;
  /** When the store last wrote this execution, on the console's clock: the cursor of `updatedSince`. */
  updatedAt: number;
}

/**
 * Which of a task's executions to list: all of them, or (`updatedSince`) those written at or
 * after a time taken from an earlier answer's `updatedAt`, for a view that follows a run.
 */
export const executionQuerySchema = z.object({
  updatedSince: z.int().min(0).optional(),
});
export type ExecutionQuery = z.infer<typeof executionQuerySchema>;

export interface TransitionView {
  transitionId: Id;
  nodeId: string;
  batch: number;
  from: NodeStatus | null;
  to: NodeStatus;
  reason: string | null;
  trigger: TriggerType;
  operator: string | null;
  time: number;
}

export interface NodeDetail {
  node: NodeView;
  executions: ExecutionView[];
  transitions: TransitionView[];
  /** Where the balancer placed each agent execution and how it scored the Engines (none without a balancer). */
  placements: PlacementView[];
  /** Manual steps: who each execution was assigned to. */
  assignees: AssigneeView[];
}

/** A task's transitions in order, for replay: `until` cuts the history at a moment. */
export const transitionQuerySchema = z.object({
  taskId: id,
  until: z.int().min(0).optional(),
  nodeId: z.string().min(1).max(200).optional(),
});
export type TransitionQuery = z.input<typeof transitionQuerySchema>;
