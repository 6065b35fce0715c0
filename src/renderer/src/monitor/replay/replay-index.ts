import type { ExecutionView, TransitionView } from '../../../../shared/task/views';

/**
 * A finished task's stored history arranged for replay: each node's transitions in time order
 * and its executions by batch, so that rebuilding any moment costs one binary search per node
 * instead of a pass over the whole history.
 */
export interface ReplayIndex {
  transitionsByNode: ReadonlyMap<string, readonly TransitionView[]>;
  executionsByNode: ReadonlyMap<string, readonly ExecutionView[]>;
  /** Every moment something changed, ascending and distinct: the stops of step back/forward. */
  times: readonly number[];
}

const NO_TRANSITIONS: readonly TransitionView[] = [];

export function indexReplay(transitions: readonly TransitionView[], executions: readonly ExecutionView[]): ReplayIndex {
  const transitionsByNode = new Map<string, TransitionView[]>();
  // The store lists transitions by id; sorting stably by time keeps that order within a moment.
  const ordered = [...transitions].sort((a, b) => a.time - b.time);
  for (const transition of ordered) {
    let list = transitionsByNode.get(transition.nodeId);
    if (!list) transitionsByNode.set(transition.nodeId, (list = []));
    list.push(transition);
  }
  const executionsByNode = new Map<string, ExecutionView[]>();
  for (const execution of executions) {
    let list = executionsByNode.get(execution.nodeId);
    if (!list) executionsByNode.set(execution.nodeId, (list = []));
    list.push(execution);
  }
  for (const list of executionsByNode.values()) list.sort((a, b) => a.batch - b.batch);
  const times: number[] = [];
  for (const transition of ordered) if (times[times.length - 1] !== transition.time) times.push(transition.time);
  return { transitionsByNode, executionsByNode, times };
}

export function nodeTransitions(index: ReplayIndex, nodeId: string): readonly TransitionView[] {
  return index.transitionsByNode.get(nodeId) ?? NO_TRANSITIONS;
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

export const transitionTime = (transition: TransitionView): number => transition.time;
const itself = (time: number): number => time;

/** The execution of one attempt of a node, if it was ever started. */
export function executionOf(index: ReplayIndex, nodeId: string, batch: number): ExecutionView | undefined {
  const list = index.executionsByNode.get(nodeId);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if ((list[i] as ExecutionView).batch === batch) return list[i];
  return undefined;
}

/** The latest moment of change strictly before `at`, or null when there is none. */
export function previousChange(index: Pick<ReplayIndex, 'times'>, at: number): number | null {
  const k = lastAtOrBefore(index.times, at - 1, itself);
  return k < 0 ? null : (index.times[k] as number);
}

/** The earliest moment of change strictly after `at`, or null when there is none. */
export function nextChange(index: Pick<ReplayIndex, 'times'>, at: number): number | null {
  const k = lastAtOrBefore(index.times, at, itself) + 1;
  return k < index.times.length ? (index.times[k] as number) : null;
}
