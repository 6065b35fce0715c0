import { canTransitionNode, HOLDABLE_NODE_STATUSES, isActiveNodeStatus, NOT_STARTED_NODE_STATUSES } from '../../../../../shared/status';
import type { NodeView } from '../../../../../shared/task/nodes';

export const NODE_CONTROLS = ['stop', 'restart', 'skip', 'rerun', 'hold', 'release', 'approve', 'reject'] as const;
export type NodeControl = (typeof NODE_CONTROLS)[number];

/** What decides a node's controls besides its own status and type. */
export interface ControlContext {
  /** Whether the node runs a manual agent (one that waits for an operator's decision). */
  isManual: boolean;
}

/**
 * The operator controls a node's state machine allows now (src/shared/status.ts):
 * - stop: the node may go to `stopped` (it is running or initializing);
 * - restart: it may go back to `ready` and, having started and not succeeded, may also be
 *   skipped instead (failed or stopped);
 * - skip: it may go to `skipped` (not started yet, or failed or stopped);
 * - rerun from here: it may be reset to `pending`, which the machines allow only from an end
 *   (completed, failed, skipped) or from stopped;
 * - hold: not started yet, or running (the core refuses a running agent its Engine cannot pause);
 * - release: held;
 * - approve / reject: a running manual agent, which ends completed or failed by the decision.
 * The core checks again (e.g. a node inside a stopped container); its refusal is shown. A
 * running agent's move to `skipped` belongs to an onError rule, never to an operator.
 */
export function availableControls(node: Pick<NodeView, 'nodeType' | 'status'>, context: ControlContext): Set<NodeControl> {
  const can = (to: NodeView['status']) => canTransitionNode(node.nodeType, node.status, to) && !(to === 'skipped' && isActiveNodeStatus(node.status));
  const out = new Set<NodeControl>();
  if (can('stopped')) out.add('stop');
  if (can('ready') && can('skipped') && !NOT_STARTED_NODE_STATUSES.includes(node.status) && node.status !== 'held') out.add('restart');
  if (can('skipped')) out.add('skip');
  // held → pending is a release's, never a rerun's.
  if (can('pending') && node.status !== 'held') out.add('rerun');
  if (HOLDABLE_NODE_STATUSES.includes(node.status)) out.add('hold');
  if (node.status === 'held') out.add('release');
  if (context.isManual && node.nodeType === 'agent' && node.status === 'running' && can('completed') && can('failed')) {
    out.add('approve');
    out.add('reject');
  }
  return out;
}
