import { NODE_ERROR_CODES } from '../../../shared/engine/protocol';
import type { SchedulerState } from './state';
import { attemptFailed, containerInitFailed, type Ending } from './outcomes';
import type { RtNode } from './task-image';
import type { Step } from './step';
import { transition } from './transitions';

/**
 * A node whose Engine was lost (gone, restarted, or unreachable while it was being started)
 * did not fail by itself: it is dispatched again, on another Engine offering its agent load
 * or on the same one once it is back, without spending the node's own retries. Losses have a
 * limit of their own (Scheduler's engineLossLimit), past which the node fails with
 * ENGINE_LOST as any failed attempt (its retry policy then applies).
 */

/** Backoff before dispatching again: long enough for an Engine to restart or another to take over. */
function redispatchDelayMs(loss: number): number {
  return Math.min(5000, 1000 * 2 ** (loss - 1));
}

export function isEngineLoss(code: string | undefined | null): boolean {
  return code === NODE_ERROR_CODES.engineLost;
}

export function agentEngineLost(core: SchedulerState, step: Step, node: RtNode, ending: Ending): void {
  const message = ending.errorMessage ?? 'its Engine was lost';
  if (node.engineLosses >= core.engineLossLimit) {
    const note = `its Engine was lost ${node.engineLosses + 1} times (limit ${core.engineLossLimit})`;
    attemptFailed(core, step, node, 'failed', { ...ending, errorCode: NODE_ERROR_CODES.engineLost, errorMessage: message, note }, 'error');
    return;
  }
  node.engineLosses++;
  const execution = node.exec!;
  execution.status = 'failed';
  execution.errorCode = NODE_ERROR_CODES.engineLost;
  execution.errorMessage = message;
  if (ending.engineId) execution.engineId = ending.engineId;
  execution.endTime = step.now;
  step.execution(execution);
  const delayMs = redispatchDelayMs(node.engineLosses);
  node.notBefore = step.now + delayMs;
  node.readyTime = step.now;
  node.readyAt = 0;
  // trigger 'system', not 'error': a recovery must not count this as a retry spent (see load.ts).
  transition(
    core,
    step,
    node,
    'ready',
    'system',
    `its Engine was lost (${message}); dispatched again in ${delayMs} ms, Engine loss ${node.engineLosses} of ${core.engineLossLimit}, no retry spent`,
  );
  if (node.notBefore > core.clock.now()) core.armNotBefore(node);
  else core.work.add(node);
}

/**
 * A container still initializing when its Engine was lost stays initializing, and its
 * initialization (same batch) is sent again after the backoff, to wherever the Engines are.
 */
export function containerEngineLost(core: SchedulerState, step: Step, node: RtNode, message: string): void {
  if (node.engineLosses >= core.engineLossLimit) {
    containerInitFailed(core, step, node, NODE_ERROR_CODES.engineLost, `${message} (its Engine was lost ${node.engineLosses + 1} times, limit ${core.engineLossLimit})`);
    return;
  }
  node.engineLosses++;
  const delayMs = redispatchDelayMs(node.engineLosses);
  core.logger.warn(`scheduler: container ${node.nodeId} (task ${node.task.id}) lost its Engine while initializing (${message}); initializing again in ${delayMs} ms`);
  const at = core.clock.now() + delayMs;
  core.timers.add(at, { kind: 'reinit', node, at, batch: node.batch });
}
