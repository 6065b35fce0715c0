import type { Id } from '../../ids';
import type { LogLevel, LogType, TaskStatus } from '../../status';
import type { TaskDetail, TaskSummary } from '../../task/views';
import type { LogPage } from '../logs';
import { isoTime } from './iso-time';

/**
 * Tasks and log pages as the REST API answers them. Task fields are snake_case, as the
 * design's create answer spells them (task_id, total_nodes …); times are ISO 8601 (null when
 * not reached yet); ids are decimal strings.
 */
export interface RestTask {
  task_id: Id;
  name: string;
  status: TaskStatus;
  total_nodes: number;
  total_containers: number;
  total_agents: number;
  completed_nodes: number;
  failed_nodes: number;
  running_nodes: number;
  skipped_nodes: number;
  created_by: string | null;
  created_at: string;
  start_time: string | null;
  end_time: string | null;
  error_message: string | null;
  engine_ids: string[];
  engine_task_id: string | null;
  engine_url: string | null;
}

export interface RestTaskDetail extends RestTask {
  description: string | null;
  root_node_id: string;
  variables: TaskDetail['variables'];
  /** The workflow definition as it was when the task was created. */
  workflow: TaskDetail['workflow'];
}

export interface RestLogLine {
  id: Id;
  nodeId: string;
  batch: number | null;
  engineId: string | null;
  level: LogLevel;
  type: LogType;
  source: string | null;
  message: string;
  time: string;
}

export interface RestLogPage {
  lines: RestLogLine[];
  /** Pass back as `cursor` for the next page; null when there is no more. */
  next_cursor: string | null;
}

export function taskAnswer(task: TaskSummary): RestTask {
  return {
    task_id: task.taskId,
    name: task.name,
    status: task.status,
    total_nodes: task.totalNodes,
    total_containers: task.totalContainers,
    total_agents: task.totalAgents,
    completed_nodes: task.completedNodes,
    failed_nodes: task.failedNodes,
    running_nodes: task.runningNodes,
    skipped_nodes: task.skippedNodes,
    created_by: task.createdBy,
    created_at: isoTime(task.createdAt)!,
    start_time: isoTime(task.startTime),
    end_time: isoTime(task.endTime),
    error_message: task.errorMessage,
    engine_ids: task.engineIds,
    engine_task_id: task.engineTaskId,
    engine_url: task.engineUrl,
  };
}

export function taskDetailAnswer(task: TaskDetail): RestTaskDetail {
  return { ...taskAnswer(task), description: task.description, root_node_id: task.rootNodeId, variables: task.variables, workflow: task.workflow };
}

export function logPageAnswer(page: LogPage): RestLogPage {
  return {
    lines: page.lines.map((line) => ({
      id: line.id,
      nodeId: line.nodeId,
      batch: line.batch,
      engineId: line.engineId,
      level: line.level,
      type: line.type,
      source: line.source,
      message: line.message,
      time: isoTime(line.time)!,
    })),
    next_cursor: page.nextCursor,
  };
}
