import type { ExecutionView, NodeDetail } from '../../../../../shared/task/views';

/**
 * A node's history as it stood at a replay moment: executions started by then (one that
 * ended later is shown still running, without what its end brought) and transitions made by
 * then. The detail itself is always fetched as it is now.
 */
export function detailAt(detail: NodeDetail, at: number | null): NodeDetail {
  if (at === null) return detail;
  return {
    ...detail,
    executions: detail.executions.filter((execution) => execution.startTime !== null && execution.startTime <= at).map((execution) => executionAt(execution, at)),
    transitions: detail.transitions.filter((transition) => transition.time <= at),
    placements: detail.placements.filter((placement) => placement.time <= at),
    assignees: detail.assignees.filter((assignee) => assignee.time <= at),
  };
}

function executionAt(execution: ExecutionView, at: number): ExecutionView {
  if (execution.endTime === null || execution.endTime <= at) return execution;
  return {
    ...execution,
    status: 'running',
    result: null,
    exitCode: null,
    errorCode: null,
    errorMessage: null,
    endTime: null,
    durationMs: null,
    managedNodesCompleted: null,
    cpuPeak: null,
    cpuMean: null,
    memoryPeakMb: null,
    memoryMeanMb: null,
  };
}
