import { reasonText } from '../../../shared/task/reason-wordings';
import { isActiveNodeStatus } from '../../../shared/status';
import { NODE_REASON } from '../../../shared/task/reasons';
import { containerTimedOut } from './container-end';
import { deadlineMovedByHold } from './hold';
import type { SchedulerState, InternalEvent, TimerItem } from './state';
import { agentEngineLost, containerEngineLost, isEngineLoss } from './engine-loss';
import { attemptFailed, containerInitFailed, containerInitialized, startRefusedForCapacity } from './outcomes';
import { initCommand, sendInit } from './start';
import type { Step } from './step';
import { errorText } from '../../../shared/error-text';

const REINIT_POLL_MS = 250;

/** Applies what happened between steps: command acknowledgements and refusals, due timers. */
export function applyInternal(core: SchedulerState, step: Step, event: InternalEvent): void {
  if (event.kind === 'timer') return timerDue(core, step, event.item);
  const node = core.current(event.node);
  if (!node || node.batch !== event.batch) return;
  if (event.kind === 'initAck') {
    if (node.status === 'initializing') containerInitialized(core, step, node);
    return;
  }
  if (event.command === 'initContainer') {
    if (node.status !== 'initializing') return;
    if (isEngineLoss(event.code)) containerEngineLost(core, step, node, event.message);
    else containerInitFailed(core, step, node, event.code, event.message);
    return;
  }
  const execution = node.exec;
  if (node.status !== 'running' || !execution || (execution.status !== 'pending' && execution.status !== 'running')) return;
  if (event.code === 'AT_CAPACITY') return startRefusedForCapacity(core, step, node, event.message);
  if (isEngineLoss(event.code)) return agentEngineLost(core, step, node, { errorCode: event.code, errorMessage: `the Engine did not start it: ${event.message}` });
  attemptFailed(core, step, node, 'failed', { errorCode: event.code, errorMessage: `the Engine did not start it: ${event.message}` }, 'error');
}

function timerDue(core: SchedulerState, step: Step, item: TimerItem): void {
  const node = item.node;
  if (!core.isLive(node)) return;
  if (item.kind === 'notBefore') {
    if (node.timerAt === item.at) node.timerAt = null;
    if (node.notBefore === item.at) core.work.add(node);
    return;
  }
  if (item.kind === 'reinit') {
    if (node.status !== 'initializing' || node.batch !== item.batch || !node.exec) return;
    // With no Engine up, the container waits for one (as agents wait for capacity) instead of spending its losses.
    if (core.engine.anyConnected?.() === false) {
      const at = core.clock.now() + REINIT_POLL_MS;
      core.timers.add(at, { ...item, at });
      return;
    }
    step.after(() => sendInit(core, node, initCommand(node)));
    return;
  }
  if (deadlineMovedByHold(node, item.at)) return;
  if (node.type === 'container') {
    if (isActiveNodeStatus(node.status) && node.batch === item.batch) containerTimedOut(core, step, node);
    return;
  }
  const execution = node.exec;
  if (node.status !== 'running' || node.batch !== item.batch || !execution || (execution.status !== 'pending' && execution.status !== 'running')) return;
  const message = reasonText('noResultWithin', { ms: node.timeoutMs ?? 0 });
  attemptFailed(core, step, node, 'timeout', { errorCode: NODE_REASON.timeout, errorMessage: message }, 'timeout');
  const ref = { taskId: node.task.id, nodeId: node.nodeId, batch: item.batch, reason: reasonText('timedOut', { message }) };
  step.after(() => {
    core.engine.stopNode(ref).catch((error: unknown) => core.logger.warn(`scheduler: could not stop timed-out ${ref.nodeId} batch ${ref.batch} (task ${ref.taskId}): ${errorText(error)}`));
  });
}
