import type { NodeStatus } from '../status';
import { lastAtOrBefore, transitionTime, type HistoryTransition } from './transition-history';

/** Where a node stood at one moment: its status and which attempt it was on. */
export interface NodeState {
  status: NodeStatus;
  batch: number;
}

/** Before its first recorded transition a node merely waits. */
export const NOT_YET_STATE: NodeState = Object.freeze({ status: 'pending', batch: 0 });

/** A node's state at `at`, from its transitions in time order (transitionsByNode). */
export function nodeStateAt(history: readonly HistoryTransition[], at: number): NodeState {
  const k = lastAtOrBefore(history, at, transitionTime);
  if (k < 0) return NOT_YET_STATE;
  const last = history[k]!;
  return { status: last.to, batch: last.batch };
}

/** Every listed node's state at `at`: the task's tree as it stood then. */
export function statesAt(byNode: ReadonlyMap<string, readonly HistoryTransition[]>, nodeIds: readonly string[], at: number): Map<string, NodeState> {
  const states = new Map<string, NodeState>();
  for (const nodeId of nodeIds) states.set(nodeId, nodeStateAt(byNode.get(nodeId) ?? [], at));
  return states;
}

export interface StatusChange {
  nodeId: string;
  from: NodeStatus;
  to: NodeStatus;
}

/**
 * The nodes whose status differs between two moments, in the order of `nodeIds`. With no
 * earlier moment, the change is from the start, when every node waited.
 */
export function changedSince(before: ReadonlyMap<string, NodeState> | null, after: ReadonlyMap<string, NodeState>, nodeIds: readonly string[]): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const nodeId of nodeIds) {
    const from = (before?.get(nodeId) ?? NOT_YET_STATE).status;
    const to = (after.get(nodeId) ?? NOT_YET_STATE).status;
    if (from !== to) changes.push({ nodeId, from, to });
  }
  return changes;
}
