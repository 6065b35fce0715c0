import { errorReason } from '../../../shared/api/error-reasons';
import { canTransitionNode, isActiveTaskStatus, isTerminalTaskStatus, canTransitionTask, isTerminalNodeStatus, isNotStartedNodeStatus, type NodeStatus, type TaskStatus, type TriggerType } from '../../../shared/status';
import { NODE_REASON } from '../../../shared/task/reasons';
import type { SchedulerState } from './state';
import { moveChild, moveCounters, allChildrenEnded } from './counters';
import { SchedulerError } from './errors';
import { evaluateEdge } from '../../../shared/dependency/evaluator';
import type { RtEdge, RtNode, TaskImage } from './task-image';
import { handlerMoved, onlyIdleHandlersLeft } from './on-error';
import type { Step } from './step';
import { reasonText } from '../../../shared/task/reason-wordings';

/**
 * The one way a node changes status. Checks the state machine of its type first (an illegal
 * transition is logged and thrown, and the step's transaction rolls back), then writes the
 * transition row, moves the task counters and the parent's children counts, and re-evaluates
 * exactly the edges leaving the node: their targets, if not started, go on the work list.
 */
export function transition(core: SchedulerState, step: Step, node: RtNode, to: NodeStatus, trigger: TriggerType, reason: string, operator: string | null = null): void {
  const from = node.status;
  if (!canTransitionNode(node.type, from, to)) {
    const message = `illegal transition of ${node.type} ${node.nodeId} (task ${node.task.id}): ${from} → ${to} (${reason})`;
    core.logger.error(message);
    throw new SchedulerError('ILLEGAL_TRANSITION', errorReason('node.illegalTransition', { nodeId: node.nodeId, from, to }));
  }
  node.status = to;
  node.scope.status = to;
  step.node(node);
  step.transition(core.nextId(), node, from, to, reason, trigger, operator);
  core.stats.transitions++;
  const task = node.task;
  if (moveCounters(task.counters, from, to)) step.task(task);

  const parent = node.parent;
  if (parent) {
    moveChild(parent, from, to);
    if (node.isHandler) parent.idleHandlers += (to === 'pending' ? 1 : 0) - (from === 'pending' ? 1 : 0);
    if (parent.status === 'running' && (allChildrenEnded(parent) || onlyIdleHandlersLeft(parent))) core.work.add(parent);
  }
  for (const edge of node.out) reevaluate(core, edge);
  if (node.type === 'container') gateChanged(core, step, node, to);
  if (node.handling !== null) handlerMoved(core, step, node, to);
  if (parent === null && isTerminalNodeStatus(to)) endTask(core, step, task, node);
}

function reevaluate(core: SchedulerState, edge: RtEdge): void {
  core.stats.edgeEvaluations++;
  const source = edge.source;
  const outcome = evaluateEdge(
    { type: edge.type, source: source.status, condition: edge.condition, result: source.result },
    source.task.scope.variables,
  );
  edge.error = outcome.error;
  if (outcome.state === edge.state) return;
  const target = edge.target;
  if (edge.state === 'satisfied') target.satisfied--;
  else if (edge.state === 'unsatisfiable') target.unsatisfiable--;
  if (outcome.state === 'satisfied') target.satisfied++;
  else if (outcome.state === 'unsatisfiable') target.unsatisfiable++;
  edge.state = outcome.state;
  if (isNotStartedNodeStatus(target.status)) core.work.add(target);
}

/**
 * Children wait for their container to run. A container that ends leaves nothing inside it
 * unstarted: whatever has not started is skipped in the same step, at any depth, so that a
 * task never ends (or a parent completes) around nodes that are still pending.
 */
function gateChanged(core: SchedulerState, step: Step, container: RtNode, to: NodeStatus): void {
  if (to === 'running') {
    for (const child of container.children) if (isNotStartedNodeStatus(child.status)) core.work.add(child);
    if (allChildrenEnded(container)) core.work.add(container);
    return;
  }
  if (!isTerminalNodeStatus(to) || cascading.has(core)) return;
  cascading.add(core);
  try {
    const stack = [...container.children];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (isNotStartedNodeStatus(node.status)) {
        const parent = node.parent!;
        node.errorCode = NODE_REASON.containerNotRun;
        node.errorMessage = reasonText('containerNotRun', { container: parent.nodeId, status: parent.status });
        node.endTime = step.now;
        transition(core, step, node, 'skipped', 'dependency', node.errorMessage);
      }
      if (node.type === 'container') stack.push(...node.children);
    }
  } finally {
    cascading.delete(core);
  }
}

/** Schedulers in the middle of skipping a subtree (which must not start another walk of it). */
const cascading = new WeakSet<SchedulerState>();

function endTask(core: SchedulerState, step: Step, task: TaskImage, root: RtNode): void {
  const to: TaskStatus = root.status === 'failed' ? 'failed' : 'completed';
  if (!canTransitionTask(task.status, to)) return;
  const failed = task.counters.failed;
  setTaskStatus(core, step, task, to, to === 'failed' ? reasonText('nodesFailed', { count: failed }) : null);
}

export function setTaskStatus(core: SchedulerState, step: Step, task: TaskImage, to: TaskStatus, errorMessage: string | null = task.errorMessage): void {
  if (task.status === to) return;
  if (!canTransitionTask(task.status, to)) {
    const message = `illegal transition of task ${task.id}: ${task.status} → ${to}`;
    core.logger.error(message);
    throw new SchedulerError('ILLEGAL_TRANSITION', errorReason('task.illegalTransition', { taskId: task.id, from: task.status, to }));
  }
  task.status = to;
  task.errorMessage = errorMessage;
  if (isActiveTaskStatus(to)) {
    task.endTime = null;
    if (task.startTime === null) task.startTime = step.now;
  }
  if (isTerminalTaskStatus(to)) task.endTime = step.now;
  step.taskStatus(task);
}

/** Writes an operator's task-level action (pause, resume) on the root without changing it. */
export function auditOnRoot(core: SchedulerState, step: Step, task: TaskImage, reason: string, operator: string): void {
  const root = task.root;
  step.transition(core.nextId(), root, root.status, root.status, reason, 'user', operator);
  core.stats.transitions++;
}
