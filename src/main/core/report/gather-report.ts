import { listInjects } from '../injects/inject-rows';
import { readTaskClock } from '../clock/task-clock';
import { SERIES_MAX_POINTS, SUMMED_MIN_BUCKET_MS } from '../../../shared/api/resources';
import {
  REPORT_LIMITS,
  type ReportAttempt,
  type ReportFailure,
  type ReportNode,
  type ReportResourcePeak,
  type ReportResources,
  type ReportRetry,
  type ReportTask,
  type ReportTimelineRow,
  type RunReport,
} from '../../../shared/report/run-report';
import type { ExecutionStatus, NodeStatus } from '../../../shared/status';
import { resourceSeries } from '../resources/series';
import type { Store } from '../store/store';
import { getTask } from '../tasks/task-queries';
import { countersOf, type TaskDetail } from '../../../shared/task/views';
import { taskHealth } from '../alerts/task-figures';
import { readSettings } from '../settings/settings-store';
import { listBookmarks } from '../review/bookmark-rows';

export interface GatherOptions {
  /** IANA zone the report's times are written in; UTC by default. */
  timeZone?: string;
  now?: number;
}

/** Long messages are cut: a report lists many of them, and a line of megabytes helps no reader. */
const MAX_MESSAGE_CHARS = 2000;

function clip(text: string | null): string | null {
  return text !== null && text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

function count<K extends string>(values: Iterable<K>): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * Everything a run report shows, read from the store in a fixed number of queries (plus one
 * per failed node shown, at most REPORT_LIMITS.failuresWithLogs): each query returns at most
 * one row per node or execution of the task, or is cut by a limit.
 */
export function gatherRunReport(store: Store, taskId: string, options: GatherOptions = {}): RunReport {
  const now = options.now ?? Date.now();
  const task = getTask(store, taskId);
  const nodeRows = store.all(
    store.kysely
      .selectFrom('workflow_node')
      .select([
        'node_id',
        'node_type',
        'kind',
        'node_name',
        'parent_node_id',
        'level',
        'status',
        'agent_load',
        'agent_meta_id',
        'agent_url',
        'container_type',
        'env_config',
        'biz_value',
        'engine_id',
        'current_batch',
        'start_time',
        'end_time',
        'error_code',
        'error_message',
      ])
      .where('task_id', '=', task.taskId)
      .orderBy('id'),
  );
  const executions = store.all(
    store.kysely
      .selectFrom('node_execution')
      .select(['node_id', 'batch', 'status', 'error_code', 'start_time', 'end_time', 'queue_time_ms', 'cpu_mean', 'memory_mean'])
      .where('task_id', '=', task.taskId)
      .orderBy('node_id')
      .orderBy('batch'),
  );
  const attemptsByNode = new Map<string, ReportAttempt[]>();
  for (const row of executions) {
    const list = attemptsByNode.get(row.node_id) ?? [];
    list.push({ batch: row.batch, status: row.status, errorCode: row.error_code, startTime: row.start_time, endTime: row.end_time });
    attemptsByNode.set(row.node_id, list);
  }
  const current = new Map(nodeRows.map((row) => [row.node_id, row.current_batch]));
  const currentExecutions = new Map(executions.filter((row) => current.get(row.node_id) === row.batch).map((row) => [row.node_id, row]));
  const peaks = nodePeaks(store, task.taskId);
  const names = new Map(nodeRows.map((row) => [row.node_id, row.node_name]));
  const batches = new Map(nodeRows.map((row) => [row.node_id, row.current_batch]));
  // Containers have executions too, as bookkeeping; the runs an operator counts are the agents'.
  const agents = new Set(nodeRows.filter((row) => row.node_type === 'agent').map((row) => row.node_id));
  const agentExecutions = executions.filter((row) => agents.has(row.node_id));
  const agentAttempts = new Map([...attemptsByNode].filter(([nodeId]) => agents.has(nodeId)));

  const inside = agentsInside(nodeRows);

  const nodes: ReportNode[] = nodeRows.map((row) => ({
    nodeId: row.node_id,
    name: row.node_name,
    nodeType: row.node_type,
    kind: row.kind,
    parentId: row.parent_node_id,
    level: row.level,
    status: row.status,
    agentLoad: row.agent_load,
    agentMetaId: row.agent_meta_id,
    agentUrl: row.agent_url,
    containerType: row.container_type,
    envConfig: row.env_config,
    bizValue: row.biz_value,
    engineId: row.engine_id,
    attempts: attemptsByNode.get(row.node_id)?.length ?? 0,
    startTime: row.start_time,
    endTime: row.end_time,
    durationMs: row.start_time !== null && row.end_time !== null ? row.end_time - row.start_time : null,
    errorCode: row.error_code,
    errorMessage: clip(row.error_message),
    peakCpuPercent: peaks.get(row.node_id)?.cpu ?? null,
    peakMemoryBytes: peaks.get(row.node_id)?.memory ?? null,
    queueTimeMs: currentExecutions.get(row.node_id)?.queue_time_ms ?? null,
    meanCpuPercent: currentExecutions.get(row.node_id)?.cpu_mean ?? null,
    meanMemoryMb: currentExecutions.get(row.node_id)?.memory_mean ?? null,
    managedNodesTotal: inside.get(row.node_id)?.total ?? null,
    managedNodesCompleted: inside.get(row.node_id)?.completed ?? null,
  }));

  // Agents first: a failed container mostly repeats the failure of something inside it.
  const failed = nodes.filter((node) => node.status === 'failed').sort((a, b) => Number(a.nodeType === 'container') - Number(b.nodeType === 'container'));
  const failures: ReportFailure[] = failed.slice(0, REPORT_LIMITS.failuresWithLogs).map((node) => ({
    nodeId: node.nodeId,
    name: node.name,
    batch: batches.get(node.nodeId) ?? 0,
    errorCode: node.errorCode,
    errorMessage: node.errorMessage,
    endTime: node.endTime,
    logs: lastProblemLines(store, task.taskId, node.nodeId),
  }));

  const retried = nodes.filter((node) => node.nodeType === 'agent' && node.attempts > 1);
  const retries: ReportRetry[] = retried
    .slice(0, REPORT_LIMITS.retries)
    .map((node) => ({ nodeId: node.nodeId, name: node.name, status: node.status, attempts: agentAttempts.get(node.nodeId)! }));

  const actionsTotal = store.first(
    store.kysely
      .selectFrom('node_state_transition')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('task_id', '=', task.taskId)
      .where('trigger_type', '=', 'user'),
  )!.n;
  const actions = store.all(
    store.kysely
      .selectFrom('node_state_transition')
      .select(['node_id', 'batch', 'from_status', 'to_status', 'reason', 'operator', 'created_at'])
      .where('task_id', '=', task.taskId)
      .where('trigger_type', '=', 'user')
      .orderBy('id')
      .limit(REPORT_LIMITS.operatorActions),
  );

  return {
    clock: readTaskClock(store, taskId, now),
    generatedAt: now,
    timeZone: options.timeZone ?? 'UTC',
    task: reportTaskOf(task, now),
    counters: countersOf(task),
    injects: listInjects(store, task.taskId),
    health: taskHealth(store, task.taskId, now, readSettings(store).alerts.agentMemoryLimitMb),
    nodeStatusCounts: count<NodeStatus>(nodes.map((node) => node.status)),
    executionStatusCounts: count<ExecutionStatus>(agentExecutions.map((row) => row.status)),
    executionsTotal: agentExecutions.length,
    nodes,
    failures: { items: failures, total: failed.length },
    retries: { items: retries, total: retried.length },
    operatorActions: {
      items: actions.map((row) => ({
        time: row.created_at,
        operator: row.operator,
        nodeId: row.node_id,
        batch: row.batch,
        from: row.from_status,
        to: row.to_status,
        reason: clip(row.reason),
      })),
      total: actionsTotal,
    },
    resources: resources(store, task.taskId, nodes),
    timeline: timeline(agentAttempts, names, now),
    bookmarks: listBookmarks(store, task.taskId),
  };
}

/** The task's facts as a report states them; a running task's duration runs to `now`. */
export function reportTaskOf(task: TaskDetail, now: number): ReportTask {
  return {
    taskId: task.taskId,
    name: task.name,
    description: task.description,
    status: task.status,
    rootNodeId: task.rootNodeId,
    createdBy: task.createdBy,
    createdAt: task.createdAt,
    startTime: task.startTime,
    endTime: task.endTime,
    durationMs: task.startTime === null ? null : (task.endTime ?? now) - task.startTime,
    errorMessage: clip(task.errorMessage),
    engineIds: task.engineIds,
    engineTaskId: task.engineTaskId,
    engineUrl: task.engineUrl,
  };
}

function nodePeaks(store: Store, taskId: string): Map<string, { cpu: number; memory: number }> {
  const rows = store.all(
    store.kysely
      .selectFrom('resource_sample')
      .select((eb) => ['node_id', eb.fn.max('cpu_percent').as('cpu'), eb.fn.max('memory_bytes').as('memory')])
      .where('task_id', '=', taskId)
      .where('node_id', 'is not', null)
      .groupBy('node_id'),
  );
  return new Map(rows.map((row) => [row.node_id!, { cpu: Number(row.cpu), memory: Number(row.memory) }]));
}

function lastProblemLines(store: Store, taskId: string, nodeId: string): ReportFailure['logs'] {
  const rows = store.all(
    store.kysely
      .selectFrom('node_execution_log')
      .select(['log_time', 'log_level', 'batch', 'message'])
      .where('task_id', '=', taskId)
      .where('node_id', '=', nodeId)
      .where('log_level', 'in', ['warn', 'error'])
      .orderBy('log_time', 'desc')
      .orderBy('id', 'desc')
      .limit(REPORT_LIMITS.logLinesPerFailure),
  );
  return rows.reverse().map((row) => ({ time: row.log_time, level: row.log_level, batch: row.batch, message: clip(row.message) ?? '' }));
}

function top(nodes: ReportNode[], value: (node: ReportNode) => number | null): ReportResourcePeak[] {
  return nodes
    .flatMap((node) => {
      const peak = value(node);
      return peak === null ? [] : [{ nodeId: node.nodeId, name: node.name, value: peak }];
    })
    .sort((a, b) => b.value - a.value)
    .slice(0, REPORT_LIMITS.topResourceNodes);
}

/** The task's highest total, from the same downsampled series its chart draws. */
function taskPeaks(store: Store, taskId: string): { cpu: number | null; memory: number | null } {
  const bounds = store.first(
    store.kysely
      .selectFrom('resource_sample')
      .select((eb) => [eb.fn.min('sample_time').as('from'), eb.fn.max('sample_time').as('to')])
      .where('task_id', '=', taskId),
  );
  if (!bounds || bounds.from === null || bounds.to === null) return { cpu: null, memory: null };
  const from = Number(bounds.from);
  const points = Math.min(SERIES_MAX_POINTS, Math.max(2, Math.ceil((Number(bounds.to) - from + 1) / SUMMED_MIN_BUCKET_MS)));
  const to = Math.max(Number(bounds.to), from + points * SUMMED_MIN_BUCKET_MS - 1);
  const series = resourceSeries(store, { scope: 'task', taskId, from, to, points });
  if (series.points.length === 0) return { cpu: null, memory: null };
  return {
    cpu: series.points.reduce((max, point) => Math.max(max, point.cpuPercent), -Infinity),
    memory: series.points.reduce((max, point) => Math.max(max, point.memoryBytes), -Infinity),
  };
}

function resources(store: Store, taskId: string, nodes: ReportNode[]): ReportResources {
  const peaks = taskPeaks(store, taskId);
  return {
    taskPeakCpuPercent: peaks.cpu,
    taskPeakMemoryBytes: peaks.memory,
    topCpu: top(nodes, (node) => node.peakCpuPercent),
    topMemory: top(nodes, (node) => node.peakMemoryBytes),
  };
}

/** The first agents to start, each with a bar per attempt; a bar still running ends at `now`. */
function timeline(attemptsByNode: Map<string, ReportAttempt[]>, names: Map<string, string | null>, now: number): RunReport['timeline'] {
  const started = [...attemptsByNode].flatMap(([nodeId, attempts]) => {
    const bars = attempts.filter((attempt) => attempt.startTime !== null);
    return bars.length === 0 ? [] : [{ nodeId, bars, first: bars.reduce((min, bar) => Math.min(min, bar.startTime!), Infinity) }];
  });
  started.sort((a, b) => a.first - b.first || (a.nodeId < b.nodeId ? -1 : 1));
  const rows: ReportTimelineRow[] = started
    .slice(0, REPORT_LIMITS.timelineRows)
    .map(({ nodeId, bars }) => ({ nodeId, name: names.get(nodeId) ?? null, bars }));
  let end = -Infinity;
  for (const row of started) for (const bar of row.bars) end = Math.max(end, bar.endTime ?? now);
  return {
    items: rows,
    total: started.length,
    start: started[0]?.first ?? null,
    end: started.length === 0 ? null : end,
  };
}

/**
 * Each container's agents at any depth and how many completed, from the nodes as they stand:
 * the figures the monitor's tree shows for it (containers are bookkeeping and not counted).
 */
function agentsInside(rows: readonly { node_id: string; parent_node_id: string | null; node_type: string; status: string }[]): Map<string, { total: number; completed: number }> {
  const parents = new Map(rows.map((row) => [row.node_id, row.parent_node_id]));
  const counts = new Map<string, { total: number; completed: number }>();
  for (const row of rows) if (row.node_type === 'container') counts.set(row.node_id, { total: 0, completed: 0 });
  for (const row of rows) {
    if (row.node_type !== 'agent') continue;
    const seen = new Set<string>();
    for (let parent = row.parent_node_id; parent !== null && !seen.has(parent); parent = parents.get(parent) ?? null) {
      seen.add(parent);
      const count = counts.get(parent);
      if (!count) continue;
      count.total++;
      if (row.status === 'completed') count.completed++;
    }
  }
  return counts;
}
