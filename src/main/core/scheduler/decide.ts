import { isNotStartedNodeStatus, isOpenTaskStatus } from '../../../shared/status';
import { NODE_REASON } from '../../../shared/task/reasons';
import { containerFailed } from './container-end';
import type { SchedulerState } from './state';
import { allChildrenEnded } from './counters';
import { joinDecision } from '../../../shared/dependency/evaluator';
import { holds } from '../../../shared/dependency/logic';
import type { RtEdge, RtNode } from './task-image';
import type { Step } from './step';
import { onlyIdleHandlersLeft, skipIdleHandlers } from './on-error';
import { transition } from './transitions';
import { reasonText } from '../../../shared/task/reason-wordings';

/**
 * Decides one node from the work list in O(1): a node not started yet from its container's
 * state and its edge counts; a running container from its children counts.
 */
export function processNode(core: SchedulerState, step: Step, node: RtNode): void {
  core.stats.nodeDecisions++;
  if (isNotStartedNodeStatus(node.status)) decide(core, step, node);
  else if (node.type === 'container' && node.status === 'running') {
    if (allChildrenEnded(node)) finishContainer(core, step, node);
    else if (onlyIdleHandlersLeft(node)) skipIdleHandlers(core, step, node);
  }
}

type Gate = 'open' | 'closed' | 'never';

/** A node may start only inside a running container; the root, only in a started task. */
function gateOf(node: RtNode): Gate {
  const parent = node.parent;
  if (parent === null) {
    const task = node.task.status;
    return isOpenTaskStatus(task) ? 'open' : 'closed';
  }
  switch (parent.status) {
    case 'running':
      return 'open';
    case 'completed':
    case 'failed':
    case 'skipped':
      return 'never';
    default:
      return 'closed';
  }
}

export function gateIsOpen(node: RtNode): boolean {
  return gateOf(node) === 'open';
}

function skip(core: SchedulerState, step: Step, node: RtNode, code: string, message: string): void {
  node.errorCode = code;
  node.errorMessage = message;
  node.endTime = step.now;
  transition(core, step, node, 'skipped', 'dependency', message);
}

function decide(core: SchedulerState, step: Step, node: RtNode): void {
  const gate = gateOf(node);
  if (gate === 'never') {
    const parent = node.parent!;
    return skip(core, step, node, NODE_REASON.containerNotRun, `its container ${parent.nodeId} ${parent.status} without running it`);
  }
  if (gate === 'closed') return;
  if (node.status === 'ready' && node.forced) return readyToStart(core, step, node);
  // A handler starts when a rule invokes it (which makes it ready), never by its dependencies.
  if (node.isHandler) {
    if (node.status === 'ready') readyToStart(core, step, node);
    return;
  }

  const decision = joinDecision(node.join, node.deps.length, node.satisfied, node.unsatisfiable);
  if (decision === 'skipped') {
    const edge = node.deps.find((candidate) => candidate.state === 'unsatisfiable')!;
    return skip(core, step, node, edge.error ? NODE_REASON.logicError : NODE_REASON.dependencyUnsatisfied, unsatisfiedReason(node, edge));
  }
  if (decision === 'waiting') {
    if (node.status === 'pending') transition(core, step, node, 'waiting', 'dependency', reasonText('waitingForDependencies'));
    else if (node.status === 'ready') transition(core, step, node, 'waiting', 'dependency', reasonText('dependenciesNoLongerSatisfied'));
    return;
  }

  if (node.status === 'ready') return readyToStart(core, step, node);
  if (node.notBefore !== null && node.notBefore > step.now) {
    if (node.status === 'pending') transition(core, step, node, 'waiting', 'system', reasonText('pinnedUntil', { time: new Date(node.notBefore).toISOString() }));
    core.armNotBefore(node);
    return;
  }
  if (node.activation !== undefined && node.activation !== null) {
    const verdict = holds(node.activation, node.task.scope);
    if (!verdict.ok) return skip(core, step, node, NODE_REASON.logicError, `its activation condition could not be evaluated: ${verdict.error}`);
    if (!verdict.value) return skip(core, step, node, NODE_REASON.activationFalse, 'its activation condition is false');
  }
  node.readyTime = step.now;
  node.readyAt = performance.now();
  const waited = node.deps.length === 0 ? 'nothingToWaitFor' : 'dependenciesSatisfied';
  transition(core, step, node, 'ready', 'dependency', reasonText(node.notBefore === null ? waited : `${waited}PinReached`));
  enqueue(core, node);
}

/** A ready node goes to its queue once its not-before time (a pin or a retry's backoff) has come. */
function readyToStart(core: SchedulerState, step: Step, node: RtNode): void {
  if (node.notBefore !== null && node.notBefore > step.now) core.armNotBefore(node);
  else enqueue(core, node);
}

export function enqueue(core: SchedulerState, node: RtNode): void {
  if (node.type === 'container') core.containers.add(node);
  else core.agents.add(node);
}

function unsatisfiedReason(node: RtNode, edge: RtEdge): string {
  const source = edge.source;
  const which = { source: source.nodeId, type: edge.type };
  const what = edge.error
    ? reasonText('dependencyConditionError', { ...which, error: edge.error })
    : edge.condition !== undefined && edge.condition !== null && (edge.type === 'any' || edge.type === 'finish' || source.status === (edge.type === 'success' ? 'completed' : 'failed'))
      ? reasonText('dependencyConditionFalse', which)
      : reasonText('dependencySourceEnded', { ...which, status: source.status });
  return node.join === 'one' && node.deps.length > 1 ? reasonText('joinOneNever', { count: node.deps.length, what }) : what;
}

/** A running container ends once every child has ended: failed if one of them failed (then retried if its policy says so). */
function finishContainer(core: SchedulerState, step: Step, container: RtNode): void {
  if (container.childFailed > 0) {
    const failed = container.children.filter((child) => child.status === 'failed').map((child) => child.nodeId);
    const shown = failed.slice(0, 5).join(', ') + (failed.length > 5 ? `, … (${failed.length - 5} more)` : '');
    const message = reasonText('childrenFailed', { failed: failed.length, children: container.children.length, names: shown });
    containerFailed(core, step, container, { status: 'failed', code: NODE_REASON.childFailed, message, trigger: 'dependency', reason: message });
    return;
  }
  const execution = container.exec;
  container.endTime = step.now;
  container.errorCode = null;
  container.errorMessage = null;
  if (execution) {
    execution.status = 'completed';
    execution.endTime = step.now;
    step.execution(execution);
  }
  transition(core, step, container, 'completed', 'dependency', reasonText('childrenEnded', { children: container.children.length }));
}
