import { isActiveNodeStatus } from '../../../../../shared/status';
import type { NodeView } from '../../../../../shared/task/nodes';

/**
 * How long a node has run: until its end, or until `now` while it runs; null before it starts.
 * A node that ended without ever starting (skipped) has no duration either.
 */
export function nodeDurationMs(node: Pick<NodeView, 'startTime' | 'endTime' | 'status'>, now: number): number | null {
  if (node.startTime === null) return null;
  if (node.endTime !== null) return Math.max(0, node.endTime - node.startTime);
  if (isActiveNodeStatus(node.status)) return Math.max(0, now - node.startTime);
  return null;
}

/** Whether a node's duration grows by itself, so its row must tick. */
export function isTicking(node: Pick<NodeView, 'startTime' | 'endTime' | 'status'>): boolean {
  return node.startTime !== null && node.endTime === null && isActiveNodeStatus(node.status);
}
