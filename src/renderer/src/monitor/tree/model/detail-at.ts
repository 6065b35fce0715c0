import type { NodeDetail } from '../../../../../shared/task/views';

/**
 * A node's history as it stood at a replay moment: executions started by then and
 * transitions made by then (the detail itself is always fetched as it is now).
 */
export function detailAt(detail: NodeDetail, at: number | null): NodeDetail {
  if (at === null) return detail;
  return {
    ...detail,
    executions: detail.executions.filter((execution) => execution.startTime !== null && execution.startTime <= at),
    transitions: detail.transitions.filter((transition) => transition.time <= at),
  };
}
