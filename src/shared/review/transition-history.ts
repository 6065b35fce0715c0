import type { NodeStatus, TriggerType } from '../status';

/** What of a stored status transition a reader of the history needs. */
export interface HistoryTransition {
  nodeId: string;
  batch: number;
  from: NodeStatus | null;
  to: NodeStatus;
  time: number;
}

/** A transition with what caused it: enough to tell its kind of event (event-kinds.ts). */
export interface CausedTransition extends HistoryTransition {
  trigger: TriggerType;
  reason: string | null;
}

/**
 * Each node's transitions in time order. The store lists transitions by id; a stable sort by
 * time keeps that order within one moment.
 */
export function transitionsByNode<T extends HistoryTransition>(transitions: readonly T[]): Map<string, T[]> {
  const byNode = new Map<string, T[]>();
  for (const transition of [...transitions].sort((a, b) => a.time - b.time)) {
    let list = byNode.get(transition.nodeId);
    if (!list) byNode.set(transition.nodeId, (list = []));
    list.push(transition);
  }
  return byNode;
}

/** The index of the last entry at or before `at` in a list ascending by time; -1 if none. */
export function lastAtOrBefore<T>(list: readonly T[], at: number, timeOf: (entry: T) => number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (timeOf(list[middle] as T) <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

export const transitionTime = (transition: { time: number }): number => transition.time;
