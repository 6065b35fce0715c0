import { lastAtOrBefore, transitionsByNode } from '../../../../shared/review/transition-history';
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
  const byNode = transitionsByNode(transitions);
  const executionsByNode = new Map<string, ExecutionView[]>();
  for (const execution of executions) {
    let list = executionsByNode.get(execution.nodeId);
    if (!list) executionsByNode.set(execution.nodeId, (list = []));
    list.push(execution);
  }
  for (const list of executionsByNode.values()) list.sort((a, b) => a.batch - b.batch);
  const times = [...new Set(transitions.map((transition) => transition.time))].sort((a, b) => a - b);
  return { transitionsByNode: byNode, executionsByNode, times };
}

export function nodeTransitions(index: ReplayIndex, nodeId: string): readonly TransitionView[] {
  return index.transitionsByNode.get(nodeId) ?? NO_TRANSITIONS;
}

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
