import { sql, type SqlBool } from 'kysely';
import type { Id } from '../../../shared/ids';
import {
  executionQuerySchema,
  taskListQuerySchema,
  transitionQuerySchema,
  type ExecutionQuery,
  type ExecutionView,
  type NodeDetail,
  type TaskDetail,
  type TaskListQuery,
  type TaskSummary,
  type TransitionQuery,
  type TransitionView,
} from '../../../shared/task/views';
import { queryNodes } from './query-nodes';
import { parseJsonColumn as parse } from './rows';
import { nodeNotFound, requireTaskId, taskNotFound } from './task-errors';
import { nodeAssignees } from '../assignment/manual-assignment';
import { nodePlacements } from '../assignment/placements';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';

function summary(row: Row<'deduction_task'>, engineIds: string[]): TaskSummary {
  return {
    taskId: row.id,
    name: row.task_name,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startTime: row.start_time,
    endTime: row.end_time,
    errorMessage: row.error_message,
    totalNodes: row.total_nodes,
    totalContainers: row.total_containers,
    totalAgents: row.total_agents,
    completedNodes: row.completed_nodes,
    failedNodes: row.failed_nodes,
    runningNodes: row.running_nodes,
    skippedNodes: row.skipped_nodes,
    engineIds,
    engineTaskId: row.engine_task_id,
    engineUrl: row.engine_url,
    archivedAt: row.archived_at,
  };
}

function enginesOf(store: Store, taskIds: readonly Id[]): Map<Id, string[]> {
  const byTask = new Map<Id, string[]>();
  if (taskIds.length === 0) return byTask;
  const rows = store.all(
    store.kysely
      .selectFrom('node_execution')
      .select(['task_id', 'engine_id'])
      .distinct()
      .where('task_id', 'in', taskIds)
      .where('engine_id', 'is not', null)
      .orderBy('engine_id'),
  );
  for (const row of rows) {
    const list = byTask.get(row.task_id) ?? [];
    list.push(row.engine_id!);
    byTask.set(row.task_id, list);
  }
  return byTask;
}

export function listTasks(store: Store, input: TaskListQuery = {}): TaskSummary[] {
  const query = taskListQuerySchema.parse(input);
  let select = store.kysely.selectFrom('deduction_task').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.status) select = select.where('status', 'in', query.status);
  if (!query.includeArchived) select = select.where('archived_at', 'is', null);
  for (const word of (query.search ?? '').split(/\s+/).filter(Boolean)) {
    select = select.where(sql<SqlBool>`instr(lower(task_name), lower(${word})) > 0`);
  }
  const rows = store.all(select);
  const engines = enginesOf(
    store,
    rows.map((row) => row.id),
  );
  return rows.map((row) => summary(row, engines.get(row.id) ?? []));
}

/** The task's own row, without parsing its workflow snapshot (which can be megabytes); throws NOT_FOUND. */
export function taskRow(store: Store, taskId: string): Row<'deduction_task'> {
  const row = store.first(store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', requireTaskId(taskId)));
  if (!row) throw taskNotFound(taskId);
  return row;
}

export function getTask(store: Store, taskId: string): TaskDetail {
  const row = taskRow(store, taskId);
  const snapshot = store.first(store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', row.id));
  return {
    ...summary(row, enginesOf(store, [row.id]).get(row.id) ?? []),
    description: row.description,
    rootNodeId: row.root_node_id,
    variables: parse(row.variables) ?? {},
    workflow: parse(snapshot?.workflow_snapshot ?? null)!,
    deadline: row.deadline,
  };
}

function executionView(row: Row<'node_execution'>): ExecutionView {
  return {
    executionId: row.id,
    nodeId: row.node_id,
    batch: row.batch,
    engineId: row.engine_id,
    status: row.status,
    progress: row.progress,
    resolvedConfig: parse(row.resolved_config),
    result: parse(row.result),
    exitCode: row.exit_code,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    startTime: row.start_time,
    endTime: row.end_time,
    durationMs: row.duration_ms,
    engineNodeId: row.engine_node_id,
    queueTimeMs: row.queue_time_ms,
    managedNodesTotal: row.managed_nodes_total,
    managedNodesCompleted: row.managed_nodes_completed,
    cpuPeak: row.cpu_peak,
    cpuMean: row.cpu_mean,
    memoryPeakMb: row.memory_peak,
    memoryMeanMb: row.memory_mean,
    updatedAt: row.updated_at,
  };
}

function transitionView(row: Row<'node_state_transition'>): TransitionView {
  return {
    transitionId: row.id,
    nodeId: row.node_id,
    batch: row.batch,
    from: row.from_status,
    to: row.to_status,
    reason: row.reason,
    trigger: row.trigger_type,
    operator: row.operator,
    time: row.created_at,
  };
}

export function getNodeDetail(store: Store, taskId: string, nodeId: string): NodeDetail {
  getTask(store, taskId);
  const node = queryNodes(store, taskId).find((view) => view.nodeId === nodeId);
  if (!node) throw nodeNotFound(taskId, nodeId);
  const executions = store.all(
    store.kysely.selectFrom('node_execution').selectAll().where('task_id', '=', taskId).where('node_id', '=', nodeId).orderBy('batch'),
  );
  return {
    node,
    executions: executions.map(executionView),
    transitions: listTransitions(store, { taskId, nodeId }),
    placements: nodePlacements(store, taskId, nodeId),
    assignees: nodeAssignees(store, taskId, nodeId),
  };
}

/** Every execution of a task, for the timeline. */
export function listExecutions(store: Store, taskId: string, query: ExecutionQuery = {}): ExecutionView[] {
  getTask(store, taskId);
  const { updatedSince } = executionQuerySchema.parse(query);
  let select = store.kysely.selectFrom('node_execution').selectAll().where('task_id', '=', taskId);
  if (updatedSince !== undefined) select = select.where('updated_at', '>=', updatedSince);
  return store.all(select.orderBy('id')).map(executionView);
}

export function listTransitions(store: Store, input: TransitionQuery): TransitionView[] {
  const query = transitionQuerySchema.parse(input);
  let select = store.kysely.selectFrom('node_state_transition').selectAll().where('task_id', '=', query.taskId).orderBy('id');
  if (query.until !== undefined) select = select.where('created_at', '<=', query.until);
  if (query.nodeId !== undefined) select = select.where('node_id', '=', query.nodeId);
  return store.all(select).map(transitionView);
}
