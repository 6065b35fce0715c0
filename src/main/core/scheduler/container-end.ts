import { reasonText } from '../../../shared/task/reason-wordings';
import type { StopNodeCommand } from '../../../shared/engine/protocol';
import { isEndedExecutionStatus, isNotStartedNodeStatus, type TriggerType } from '../../../shared/status';
import { NODE_REASON } from '../../../shared/task/reasons';
import { clearOutcome, descendantsOf } from './controls';
import type { SchedulerState } from './state';
import { requeueAfterDelay } from './outcomes';
import { retryDecision } from './retry';
import type { RtNode } from './task-image';
import type { Step } from './step';
import { transition } from './transitions';
import { errorText } from '../../../shared/error-text';

/**
 * How a container ends badly: its children failed, its initialization failed, or its
 * timeoutMs elapsed. With retries left in its policy the container goes back to ready (its
 * backoff as not-before) and everything inside it is reset to pending, so that the next batch
 * initializes it again and runs its whole subtree afresh; otherwise it fails, and whatever
 * inside had not started is skipped (transitions.ts).
 */

export interface ContainerFailure {
  /** How the execution ends: a timeout is recorded as such, like an agent's. */
  status: 'failed' | 'timeout';
  code: string;
  message: string;
  trigger: TriggerType;
  /** The transition's reason when no retry follows. */
  reason: string;
}

export function containerFailed(core: SchedulerState, step: Step, container: RtNode, failure: ContainerFailure): void {
  const execution = container.exec;
  if (execution) {
    execution.status = failure.status;
    execution.errorCode = failure.code;
    execution.errorMessage = failure.message;
    execution.endTime = step.now;
    step.execution(execution);
  }
  container.errorCode = failure.code;
  container.errorMessage = failure.message;
  const retry = retryDecision(container.retry, container.retriesUsed);
  if (!retry.retry) {
    container.endTime = step.now;
    const retried = container.retriesUsed > 0 ? ` after ${container.retriesUsed} ${container.retriesUsed === 1 ? 'retry' : 'retries'}` : '';
    transition(core, step, container, 'failed', failure.trigger, `${failure.reason}${retried}`);
    return;
  }
  // The Engine tears the old instance down (its folder goes); a timeout has told it already.
  if (execution && failure.status !== 'timeout') sendStops(core, step, [container], `retry ${retry.retryNumber} of ${container.nodeId}`);
  container.retriesUsed = retry.retryNumber;
  container.notBefore = step.now + retry.delayMs;
  container.readyTime = step.now;
  container.readyAt = 0;
  const what = reasonText(failure.status === 'timeout' ? 'attemptTimedOut' : 'attemptFailed', { batch: container.batch, code: failure.code, message: failure.message });
  // The trigger is error or timeout, as for an agent's retry, so that a reload counts it (load.ts).
  const trigger: TriggerType = failure.status === 'timeout' ? 'timeout' : 'error';
  transition(core, step, container, 'ready', trigger, reasonText('retryScheduled', { what, retry: retry.retryNumber, max: container.retry!.maxRetries, delay: retry.delayMs }));
  resetSubtree(core, step, container, `reset: retry ${retry.retryNumber} of its container ${container.nodeId}`);
  requeueAfterDelay(core, container);
}

/**
 * The container's timeoutMs has elapsed: everything running inside it is stopped (deepest
 * first, so that no container sees its children end while this runs), the Engines are told,
 * and the container ends as timed out — or runs again, if its retry policy says so.
 */
export function containerTimedOut(core: SchedulerState, step: Step, container: RtNode): void {
  const message = `no end within ${container.timeoutMs} ms`;
  const why = `its container ${container.nodeId} timed out (${message})`;
  const stopped: RtNode[] = [];
  for (const descendant of descendantsOf(container).reverse()) {
    if (descendant.status !== 'running' && descendant.status !== 'initializing') continue;
    const execution = descendant.exec;
    if (execution && !isEndedExecutionStatus(execution.status)) {
      execution.status = 'stopped';
      execution.errorCode = NODE_REASON.timeout;
      execution.errorMessage = why;
      execution.endTime = step.now;
      step.execution(execution);
    }
    descendant.errorCode = NODE_REASON.timeout;
    descendant.errorMessage = why;
    descendant.endTime = step.now;
    descendant.manualDecision = null;
    transition(core, step, descendant, 'stopped', 'timeout', `stopped: ${why}`);
    stopped.push(descendant);
  }
  // The container's own instance last, once what runs in it has been told to stop.
  sendStops(core, step, [...stopped, container], `timeout: ${why}`);
  containerFailed(core, step, container, { status: 'timeout', code: NODE_REASON.timeout, message, trigger: 'timeout', reason: reasonText('timedOut', { message }) });
}

/** Stop commands go out after the commit; an Engine that does not confirm is only logged. */
function sendStops(core: SchedulerState, step: Step, nodes: readonly RtNode[], reason: string): void {
  if (nodes.length === 0) return;
  const commands: StopNodeCommand[] = nodes.map((node) => ({ taskId: node.task.id, nodeId: node.nodeId, batch: node.batch, reason }));
  step.after(() => {
    for (const command of commands) {
      core.engine
        .stopNode(command)
        .catch((error: unknown) => core.logger.warn(`scheduler: the Engine did not confirm stopping ${command.nodeId} batch ${command.batch} (task ${command.taskId}): ${errorText(error)}`));
    }
  });
}

/**
 * Everything inside a container that is retried starts afresh: ended and stopped nodes go back
 * to pending (their edges are evaluated again as they do), and nothing keeps retries spent in
 * the attempt before. Nodes that had not started stay as they are; they wait for the
 * container to run again.
 */
function resetSubtree(core: SchedulerState, step: Step, container: RtNode, reason: string): void {
  for (const node of descendantsOf(container)) {
    node.retriesUsed = 0;
    node.ruleRetries = [];
    node.manualDecision = null;
    if (isNotStartedNodeStatus(node.status)) {
      if (node.status === 'ready' && !node.forced) node.notBefore = null;
      continue;
    }
    clearOutcome(node);
    node.forced = false;
    transition(core, step, node, 'pending', 'system', reason);
  }
}
