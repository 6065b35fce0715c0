import { isManualAgent } from '../../../shared/engine/agent-kind';
import { errorReason, type ApiErrorReason } from '../../../shared/api/error-reasons';
import { isActiveNodeStatus, isEndedExecutionStatus, isEndedNodeStatus, isTerminalNodeStatus, isTerminalTaskStatus } from '../../../shared/status';
import { AUTOMATIC_SKIP_REASONS, NODE_REASON } from '../../../shared/task/reasons';
import { TASK_PAUSED_REASON, TASK_RESUMED_REASON } from '../../../shared/task/task-audit';
import type { SchedulerState } from './state';
import { SchedulerError } from './errors';
import { isPausedOnEngine } from './hold';
import { activateTask } from './load';
import { attemptCompleted, attemptFailed, type Ending } from './outcomes';
import type { ManualDecision, RtNode, TaskImage } from './task-image';
import type { Step } from './step';
import { auditOnRoot, setTaskStatus, transition } from './transitions';
import { errorText } from '../../../shared/error-text';
import type { RetryFailedResult, RetrySkipped } from '../../../shared/task/retry-failed';
import { reasonText } from '../../../shared/task/reason-wordings';

/**
 * Operator controls: the synchronous part of each, run inside one step. Every change they make
 * is a transition with trigger `user` and the operator's name; commands to Engines go out
 * after the commit. Preconditions are checked first, so a refused control writes nothing.
 */
export interface Control {
  core: SchedulerState;
  step: Step;
  operator: string;
}

function refuse(reason: ApiErrorReason): never {
  throw new SchedulerError('NOT_ALLOWED', reason);
}

function ref(node: RtNode): { taskId: string; nodeId: string; batch: number } {
  return { taskId: node.task.id, nodeId: node.nodeId, batch: node.batch };
}

export function pauseTask(control: Control, task: TaskImage): void {
  if (task.status !== 'running') refuse(errorReason('task.notRunning', { taskId: task.id, status: task.status }));
  setTaskStatus(control.core, control.step, task, 'paused');
  auditOnRoot(control.core, control.step, task, TASK_PAUSED_REASON, control.operator);
}

export function resumeTask(control: Control, task: TaskImage): void {
  if (task.status !== 'paused') refuse(errorReason('task.notPaused', { taskId: task.id, status: task.status }));
  setTaskStatus(control.core, control.step, task, 'running');
  auditOnRoot(control.core, control.step, task, TASK_RESUMED_REASON, control.operator);
  for (const node of task.nodes.values()) if (node.status === 'ready') control.core.work.add(node);
}

export function stopTask(control: Control, task: TaskImage, reason: string | undefined): void {
  if (isTerminalTaskStatus(task.status)) {
    refuse(errorReason('task.ended', { taskId: task.id, status: task.status }));
  }
  const why = reason ? reasonText('taskStoppedBecause', { reason }) : reasonText('taskStopped');
  for (const node of task.nodes.values()) {
    if (isActiveNodeStatus(node.status) || node.status === 'held') markStopped(control, node, why);
  }
  setTaskStatus(control.core, control.step, task, 'stopped', why);
  const command = reason === undefined ? { taskId: task.id } : { taskId: task.id, reason };
  control.step.after(() => {
    control.core.engine.stopTask(command).catch((error: unknown) => control.core.logger.warn(`scheduler: the Engine did not confirm stopping task ${task.id}: ${errorText(error)}`));
  });
}

export function stopNode(control: Control, node: RtNode, reason: string | undefined): void {
  if (node.status !== 'running' && node.status !== 'initializing' && node.status !== 'held') {
    refuse(errorReason('node.notRunning', { nodeId: node.nodeId, status: node.status }));
  }
  const why = reason ? reasonText('stoppedBecause', { reason }) : reasonText('stopped');
  const stopped: RtNode[] = [];
  // Deepest first, so that a container never sees its children end while it is being stopped.
  for (const descendant of descendantsOf(node).reverse()) {
    if (isActiveNodeStatus(descendant.status) || descendant.status === 'held') {
      markStopped(control, descendant, reasonText('withContainer', { what: why, container: node.nodeId }));
      stopped.push(descendant);
    }
  }
  markStopped(control, node, why);
  stopped.push(node);
  const commands = stopped.map((each) => ({ ...ref(each), ...(reason === undefined ? {} : { reason }) }));
  control.step.after(() => {
    for (const command of commands) {
      control.core.engine
        .stopNode(command)
        .catch((error: unknown) => control.core.logger.warn(`scheduler: the Engine did not confirm stopping ${command.nodeId} batch ${command.batch} (task ${command.taskId}): ${errorText(error)}`));
    }
  });
}

function markStopped(control: Control, node: RtNode, reason: string): void {
  const { step } = control;
  const execution = node.exec;
  if (execution && !isEndedExecutionStatus(execution.status)) {
    execution.status = 'stopped';
    execution.errorCode = NODE_REASON.stoppedByOperator;
    execution.errorMessage = `${reason} by ${control.operator}`;
    execution.endTime = step.now;
    step.execution(execution);
  }
  node.errorCode = NODE_REASON.stoppedByOperator;
  node.errorMessage = `${reason} by ${control.operator}`;
  node.endTime = step.now;
  node.manualDecision = null;
  transition(control.core, step, node, 'stopped', 'user', reason, control.operator);
}

/** Containers above a node that would keep it from running: stopped or skipped ones. */
function blockingAncestor(node: RtNode): RtNode | undefined {
  for (let at = node.parent; at; at = at.parent) if (at.status === 'stopped' || at.status === 'skipped') return at;
  return undefined;
}

function refuseIfBlocked(node: RtNode, action: 'restart' | 'rerun'): void {
  const blocker = blockingAncestor(node);
  if (!blocker) return;
  const params = { nodeId: node.nodeId, containerId: blocker.nodeId, status: blocker.status };
  refuse(errorReason(action === 'restart' ? 'node.restartBlocked' : 'node.rerunBlocked', params));
}

export function restartNode(control: Control, node: RtNode): void {
  if (node.status !== 'stopped' && node.status !== 'failed') {
    refuse(errorReason('node.notRestartable', { nodeId: node.nodeId, status: node.status }));
  }
  refuseIfBlocked(node, 'restart');
  if (node.type === 'container' && node.status === 'failed' && node.errorCode === NODE_REASON.childFailed) {
    const failed = descendantsOf(node).filter((each) => isRootFailure(each) && blockingAncestor(each) === undefined);
    for (const each of failed) restartOne(control, each, reasonText('restartOf', { node: node.nodeId }));
    return;
  }
  restartOne(control, node, reasonText('restarted'));
}

export function retryFailed(control: Control, task: TaskImage): RetryFailedResult {
  // Classified before anything restarts, since restarting one node reopens its containers.
  const failed = [...task.nodes.values()].filter((node) => node.status === 'failed').map((node) => ({ node, own: isRootFailure(node), blocker: blockingAncestor(node) }));
  const own = failed.filter((each) => each.own && each.blocker === undefined).map((each) => each.node);
  if (own.length === 0) refuse(errorReason('task.noFailedNode', { taskId: task.id }));
  const restarted = new Set<RtNode>();
  for (const node of own) {
    // An earlier restart in this loop may have reopened it (as the container of a restarted child).
    if (node.status !== 'failed') continue;
    restartOne(control, node, reasonText('retryOfAllFailed'));
    restarted.add(node);
  }
  const skipped: RetrySkipped[] = [];
  for (const { node, own: ownFailure, blocker } of failed) {
    if (restarted.has(node)) continue;
    if (blocker) skipped.push({ nodeId: node.nodeId, reason: 'blockedByContainer', containerId: blocker.nodeId });
    else skipped.push({ nodeId: node.nodeId, reason: ownFailure ? 'reopened' : 'childFailed' });
  }
  return { restarted: [...restarted].map((node) => node.nodeId), skipped };
}

/** A failure of its own, not a container's failure because of its children. */
function isRootFailure(node: RtNode): boolean {
  return node.status === 'failed' && !(node.type === 'container' && node.errorCode === NODE_REASON.childFailed);
}

function restartOne(control: Control, node: RtNode, why: string): void {
  reopenTask(control, node.task);
  const reopened = reopenAncestors(control, node, why === reasonText('restarted') ? reasonText('nodeRestarted', { node: node.nodeId }) : why);
  const reset: RtNode[] = [node, ...reopened];
  if (node.type === 'container') {
    for (const descendant of descendantsOf(node)) {
      if (descendant.status === 'stopped') makeReady(control, descendant, reasonText('restartedWithContainer', { container: node.nodeId }));
    }
  }
  makeReady(control, node, why);
  resetAutomaticSkips(control, reset, reasonText('nodeRestarted', { node: node.nodeId }));
}

function makeReady(control: Control, node: RtNode, reason: string): void {
  clearOutcome(node);
  node.forced = true;
  node.readyTime = control.step.now;
  node.readyAt = 0;
  transition(control.core, control.step, node, 'ready', 'user', reason, control.operator);
  control.core.work.add(node);
}

/** Forgets what a node's last run left behind (its outcome, result, retries and Engine losses) before it runs again. */
export function clearOutcome(node: RtNode): void {
  node.retriesUsed = 0;
  node.ruleRetries = [];
  node.engineLosses = 0;
  node.errorCode = null;
  node.errorMessage = null;
  node.notBefore = null;
  node.endTime = null;
  node.result = undefined;
  node.resultText = null;
  node.scope.result = undefined;
  node.progress = 0;
  node.manualDecision = null;
}

/** An ended task runs again; everything in it that had not started is decided again. */
function reopenTask(control: Control, task: TaskImage): void {
  if (task.status !== 'completed' && task.status !== 'failed' && task.status !== 'stopped') return;
  setTaskStatus(control.core, control.step, task, 'running', null);
  activateTask(control.core, task);
}

/** Ended containers above a node run again (on the same Engine instance) so that it can. */
function reopenAncestors(control: Control, node: RtNode, why: string, except?: ReadonlySet<RtNode>): RtNode[] {
  const reopened: RtNode[] = [];
  for (let at = node.parent; at && !except?.has(at); at = at.parent) {
    if (at.status !== 'completed' && at.status !== 'failed') break;
    const execution = at.exec;
    if (execution) {
      execution.status = 'running';
      execution.errorCode = null;
      execution.errorMessage = null;
      execution.endTime = null;
      control.step.execution(execution);
    }
    at.errorCode = null;
    at.errorMessage = null;
    at.endTime = null;
    transition(control.core, control.step, at, 'running', 'user', reasonText('reopened', { what: why }), control.operator);
    reopened.push(at);
  }
  return reopened;
}

/**
 * Skips the scheduler decided because of what is being restarted are undone: every node
 * downstream (and, for containers, inside) that was skipped automatically goes back to
 * pending and is decided again. Operators' skips stay.
 */
function resetAutomaticSkips(control: Control, from: readonly RtNode[], why: string): void {
  const seen = new Set<RtNode>(from);
  const queue = [...from];
  while (queue.length > 0) {
    const node = queue.pop()!;
    const next = node.out.map((edge) => edge.target);
    if (node.type === 'container') next.push(...node.children);
    for (const candidate of next) {
      if (seen.has(candidate) || candidate.status !== 'skipped' || !AUTOMATIC_SKIP_REASONS.includes(candidate.errorCode ?? '')) continue;
      seen.add(candidate);
      clearOutcome(candidate);
      candidate.forced = false;
      transition(control.core, control.step, candidate, 'pending', 'user', reasonText('reset', { what: why }), control.operator);
      control.core.work.add(candidate);
      queue.push(candidate);
    }
  }
}

export function skipNode(control: Control, node: RtNode): void {
  const { core, step, operator } = control;
  if (isActiveNodeStatus(node.status)) {
    refuse(errorReason('node.runningCannotSkip', { nodeId: node.nodeId, status: node.status }));
  }
  if (isPausedOnEngine(node)) refuse(errorReason('node.pausedCannotSkip', { nodeId: node.nodeId }));
  if (node.status === 'completed') refuse(errorReason('node.alreadyCompleted', { nodeId: node.nodeId }));
  if (node.status === 'skipped') refuse(errorReason('node.alreadySkipped', { nodeId: node.nodeId }));
  if (node.type === 'container') {
    for (const descendant of descendantsOf(node).reverse()) {
      if (isTerminalNodeStatus(descendant.status)) continue;
      descendant.errorCode = NODE_REASON.skippedByOperator;
      descendant.errorMessage = reasonText('containerSkippedBy', { container: node.nodeId, operator });
      descendant.endTime = step.now;
      transition(core, step, descendant, 'skipped', 'user', reasonText('skippedWithContainer', { container: node.nodeId }), operator);
    }
  }
  const wasFailed = node.status === 'failed';
  node.errorCode = NODE_REASON.skippedByOperator;
  node.errorMessage = reasonText('skippedBy', { operator });
  node.endTime = step.now;
  node.forced = false;
  if (wasFailed) {
    // Its containers failed because of it; reopened, they end again by their children's counts.
    reopenTask(control, node.task);
    const failedAbove: RtNode[] = [];
    for (let at = node.parent; at && at.status === 'failed'; at = at.parent) failedAbove.push(at);
    if (failedAbove.length > 0) reopenAncestors(control, node, reasonText('nodeSkipped', { node: node.nodeId }));
  }
  transition(core, step, node, 'skipped', 'user', reasonText('skippedByOperator'), operator);
}

export function rerunFrom(control: Control, node: RtNode): number {
  const { core } = control;
  if (!isEndedNodeStatus(node.status)) {
    refuse(errorReason('node.notRerunnable', { nodeId: node.nodeId, status: node.status }));
  }
  refuseIfBlocked(node, 'rerun');
  const rerun = downstreamOf(node);
  const busy = [...rerun].filter((each) => isActiveNodeStatus(each.status));
  if (busy.length > 0) {
    const names = `${busy.slice(0, 5).map((each) => each.nodeId).join(', ')}${busy.length > 5 ? ', …' : ''}`;
    refuse(errorReason('node.rerunWouldRestart', { nodeId: node.nodeId, count: busy.length, nodes: names }));
  }
  reopenTask(control, node.task);
  for (const each of rerun) reopenAncestors(control, each, reasonText('rerunFrom', { node: node.nodeId }), rerun);
  for (const each of rerun) {
    if (each === node) continue;
    if (isEndedNodeStatus(each.status)) {
      clearOutcome(each);
      each.forced = false;
      transition(core, control.step, each, 'pending', 'user', reasonText('reset', { what: reasonText('rerunFrom', { node: node.nodeId }) }), control.operator);
    }
    core.work.add(each);
  }
  makeReady(control, node, reasonText('rerun'));
  return rerun.size;
}

/** The node, everything that depends on it transitively, and everything inside those. */
function downstreamOf(start: RtNode): Set<RtNode> {
  const found = new Set<RtNode>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop()!;
    const next = node.out.map((edge) => edge.target);
    if (node.type === 'container') next.push(...node.children);
    for (const candidate of next) {
      if (found.has(candidate)) continue;
      found.add(candidate);
      queue.push(candidate);
    }
  }
  return found;
}

/** Pre-order, without the node itself. */
export function descendantsOf(node: RtNode): RtNode[] {
  const out: RtNode[] = [];
  const stack = [...node.children].reverse();
  while (stack.length > 0) {
    const each = stack.pop()!;
    out.push(each);
    for (let at = each.children.length - 1; at >= 0; at--) stack.push(each.children[at]!);
  }
  return out;
}

export function checkManual(core: SchedulerState, node: RtNode): void {
  if (node.type !== 'agent' || node.status !== 'running') {
    refuse(node.status === 'running' ? errorReason('node.containerTakesNoDecision', { nodeId: node.nodeId }) : errorReason('node.notAwaitingDecision', { nodeId: node.nodeId, status: node.status }));
  }
  const entry = core.engine.catalog().find((candidate) => candidate.agentLoad === node.agentLoad);
  if (entry && !isManualAgent(node.agentLoad, () => entry.kind)) {
    refuse(errorReason('node.notManual', { nodeId: node.nodeId, agentLoad: String(node.agentLoad), kind: entry.kind }));
  }
}

/** The decision reached the Engine; the node ends by it now unless the Engine's own event came first. */
export function applyManualDecision(control: Control, node: RtNode, batch: number, decision: ManualDecision): void {
  if (node.status !== 'running' || node.batch !== batch || node.manualDecision !== decision) return;
  const execution = node.exec;
  if (!execution || (execution.status !== 'pending' && execution.status !== 'running')) return;
  if (decision.approved) {
    const result = decision.comment === undefined ? { approved: true, operator: decision.operator } : { approved: true, operator: decision.operator, comment: decision.comment };
    attemptCompleted(control.core, control.step, node, { result });
    return;
  }
  const ending: Ending = {
    errorCode: NODE_REASON.rejected,
    errorMessage: decision.comment ? reasonText('rejectedWithComment', { operator: decision.operator, comment: decision.comment }) : reasonText('rejectedBy', { operator: decision.operator }),
  };
  attemptFailed(control.core, control.step, node, 'failed', ending, 'user');
}
