import { isEndedExecutionStatus, isTerminalTaskStatus, type ExecutionStatus } from '../../../../shared/status';
import type { ExecutionView, TaskDetail } from '../../../../shared/task/views';
import type { TaskNodes } from '../../task-panels/task-panel';

/**
 * What the timeline draws: one row per agent in tree order, one bar per execution (a retry is
 * another bar in the same row), each cut at the moment shown: now while live, `at` while
 * replaying (an attempt not begun by then is not drawn; one still going is drawn as running).
 */
export interface Bar {
  nodeId: string;
  batch: number;
  start: number;
  /** Where the bar ends on the axis: its end, or the moment shown when it had not ended. */
  end: number;
  status: ExecutionStatus;
  /** Still going at the moment shown. */
  open: boolean;
  engineId: string | null;
}

export function agentRows(nodes: TaskNodes): string[] {
  return nodes.order.filter((nodeId) => nodes.byId.get(nodeId)?.nodeType === 'agent');
}

export function executionsByNode(executions: readonly ExecutionView[]): Map<string, ExecutionView[]> {
  const byNode = new Map<string, ExecutionView[]>();
  for (const execution of executions) {
    let list = byNode.get(execution.nodeId);
    if (!list) byNode.set(execution.nodeId, (list = []));
    list.push(execution);
  }
  for (const list of byNode.values()) list.sort((a, b) => a.batch - b.batch);
  return byNode;
}

/**
 * The executions listed before, with those written since (`updatedSince`) in place of their
 * older copies; in id order, as the store lists them.
 */
export function mergeExecutions(current: readonly ExecutionView[], updates: readonly ExecutionView[]): ExecutionView[] {
  if (updates.length === 0) return current as ExecutionView[];
  const byId = new Map(current.map((execution) => [execution.executionId, execution]));
  for (const update of updates) byId.set(update.executionId, update);
  return [...byId.values()].sort((a, b) => compareIds(a.executionId, b.executionId));
}

/** Ids are decimal strings of 64-bit integers: shorter is smaller, equal lengths compare as text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where to list from next time: the newest write seen (inclusive, so a write in the same millisecond is not missed). */
export function executionsCursor(executions: readonly ExecutionView[], previous: number | null): number | null {
  let cursor = previous;
  for (const execution of executions) if (cursor === null || execution.updatedAt > cursor) cursor = execution.updatedAt;
  return cursor;
}


/** One row's bars at `moment`. */
export function rowBars(executions: readonly ExecutionView[] | undefined, moment: number): Bar[] {
  if (!executions) return [];
  const bars: Bar[] = [];
  for (const execution of executions) {
    if (execution.startTime === null || execution.startTime > moment) continue;
    const ended = execution.endTime !== null && execution.endTime <= moment && isEndedExecutionStatus(execution.status);
    bars.push({
      nodeId: execution.nodeId,
      batch: execution.batch,
      start: execution.startTime,
      end: ended ? (execution.endTime as number) : Math.max(moment, execution.startTime),
      status: ended ? execution.status : 'running',
      open: !ended,
      engineId: execution.engineId,
    });
  }
  return bars;
}

/**
 * The span the timeline fits: from the task's start (or first execution) to the last end it
 * knows of, or to `until` (now while live, the replayed moment) when that is later. Every
 * execution counts, so a replay keeps the whole run's axis while its line moves.
 */
export function timelineSpan(task: Pick<TaskDetail, 'createdAt' | 'startTime' | 'endTime'>, executions: readonly ExecutionView[], until: number | null): { start: number; end: number } {
  let start = task.startTime ?? Number.POSITIVE_INFINITY;
  let end = task.endTime ?? Number.NEGATIVE_INFINITY;
  for (const execution of executions) {
    if (execution.startTime !== null && execution.startTime < start) start = execution.startTime;
    const last = execution.endTime ?? execution.startTime;
    if (last !== null && last > end) end = last;
  }
  if (!Number.isFinite(start)) start = task.createdAt;
  if (until !== null && until > end) end = until;
  return { start, end: Math.max(start, end) };
}

/** Whether the timeline is following a task still going (its "now" line moves). */
export function isLive(task: Pick<TaskDetail, 'status'>, at: number | null): boolean {
  return at === null && task.status !== 'pending' && !isTerminalTaskStatus(task.status);
}
