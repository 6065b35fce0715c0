import { isTerminalNodeStatus } from '../status';
import type { EdgeState } from '../task/nodes';
import type { DependencyType, JoinMode, NodeStatus } from '../status';
import { holds } from './logic';

/**
 * The dependency semantics of docs/ARCHITECTURE.md, as pure functions: no I/O, no clock (shared, so
 * the monitor draws edge states and replays with the very rules the scheduler runs). The
 * scheduler keeps one EdgeState per edge and per-node counts of them, so that a transition
 * costs the edges leaving the node that moved, never a scan; `evaluateDependencies` is the
 * same decision computed from scratch, for queries and for the tests that hold both to the
 * shared cases.
 */

export type Decision = 'ready' | 'waiting' | 'skipped';

export interface EdgeInput {
  type: DependencyType;
  /** The source node's current status. */
  source: NodeStatus;
  /** A JSON Logic expression over {result, variables}. */
  condition?: unknown;
  /** The source's result, when it has one. */
  result?: unknown;
}

export interface EdgeOutcome {
  state: EdgeState;
  /** Set when the condition could not be evaluated (the edge is then unsatisfiable). */
  error?: string;
}

const SATISFIED: EdgeOutcome = { state: 'satisfied' };
const PENDING: EdgeOutcome = { state: 'pending' };
const UNSATISFIABLE: EdgeOutcome = { state: 'unsatisfiable' };

function typeOutcome(type: DependencyType, source: NodeStatus): EdgeOutcome {
  switch (type) {
    case 'any':
      return SATISFIED;
    case 'finish':
      return isTerminalNodeStatus(source) ? SATISFIED : PENDING;
    case 'success':
      if (source === 'completed') return SATISFIED;
      return source === 'failed' || source === 'skipped' ? UNSATISFIABLE : PENDING;
    case 'failure':
      if (source === 'failed') return SATISFIED;
      return source === 'completed' || source === 'skipped' ? UNSATISFIABLE : PENDING;
  }
}

/** One edge. A conditional edge waits for its source to end, whatever its type. */
export function evaluateEdge(edge: EdgeInput, variables: unknown): EdgeOutcome {
  if (edge.condition === undefined || edge.condition === null) return typeOutcome(edge.type, edge.source);
  // A stopped source is not an end for an edge: it blocks until restarted or skipped.
  if (!isTerminalNodeStatus(edge.source)) return PENDING;
  const outcome = typeOutcome(edge.type, edge.source);
  if (outcome.state !== 'satisfied') return outcome;
  const verdict = holds(edge.condition, { result: edge.result ?? null, variables: variables ?? {} });
  if (!verdict.ok) return { state: 'unsatisfiable', error: verdict.error };
  return verdict.value ? SATISFIED : UNSATISFIABLE;
}

/**
 * The join of a node's edges from counts: `all` is skipped as soon as one edge is
 * unsatisfiable and ready when every edge is satisfied; `one` is ready as soon as one edge is
 * satisfied and skipped once every edge is unsatisfiable. No edges: ready.
 */
export function joinDecision(join: JoinMode, total: number, satisfied: number, unsatisfiable: number): Decision {
  if (total === 0) return 'ready';
  if (join === 'all') {
    if (unsatisfiable > 0) return 'skipped';
    return satisfied === total ? 'ready' : 'waiting';
  }
  if (satisfied > 0) return 'ready';
  return unsatisfiable === total ? 'skipped' : 'waiting';
}

export interface DependencyEvaluation {
  decision: Decision;
  edges: EdgeOutcome[];
}

export function evaluateDependencies(join: JoinMode, edges: readonly EdgeInput[], variables: unknown): DependencyEvaluation {
  const outcomes = edges.map((edge) => evaluateEdge(edge, variables));
  let satisfied = 0;
  let unsatisfiable = 0;
  for (const outcome of outcomes) {
    if (outcome.state === 'satisfied') satisfied++;
    else if (outcome.state === 'unsatisfiable') unsatisfiable++;
  }
  return { decision: joinDecision(join, outcomes.length, satisfied, unsatisfiable), edges: outcomes };
}
