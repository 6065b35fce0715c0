import { isTerminalNodeStatus, type NodeStatus } from '../../../shared/status';
import type { RtNode, TaskCounters } from './task-image';

/** Which task counter a node status counts in (running_nodes counts initializing containers too). */
export function counterOf(status: NodeStatus): keyof TaskCounters | null {
  switch (status) {
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'running':
    case 'initializing':
      return 'running';
    case 'skipped':
      return 'skipped';
    default:
      return null;
  }
}

export function moveCounters(counters: TaskCounters, from: NodeStatus | null, to: NodeStatus): boolean {
  const out = from === null ? null : counterOf(from);
  const into = counterOf(to);
  if (out === into) return false;
  if (out) counters[out]--;
  if (into) counters[into]++;
  return true;
}

/**
 * Keeps a container's children counts: a container ends when every child has ended
 * (completed, failed or skipped) and fails when one of them failed.
 */
export function moveChild(container: RtNode, from: NodeStatus | null, to: NodeStatus): void {
  const wasEnded = from !== null && isTerminalNodeStatus(from);
  const isEnded = isTerminalNodeStatus(to);
  if (wasEnded !== isEnded) container.childTerminal += isEnded ? 1 : -1;
  if (from === 'failed') container.childFailed--;
  if (to === 'failed') container.childFailed++;
}

export function allChildrenEnded(container: RtNode): boolean {
  return container.childTerminal === container.children.length;
}
