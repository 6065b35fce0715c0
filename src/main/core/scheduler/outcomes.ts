import type { TriggerType } from '../../../shared/status';
import { containerFailed } from './container-end';
import type { SchedulerState } from './state';
import { applyOnError } from './on-error';
import { retryDecision } from './retry';
import type { RtNode } from './task-image';
import type { Step } from './step';
import { transition } from './transitions';
import { reasonText } from '../../../shared/task/reason-wordings';

/**
 * How an attempt of an agent ends: completed, stopped, or failed/timed out — then given to the
 * onError rule its error code matches (on-error.ts), or else retried after its backoff while
 * retries remain, failed otherwise. Containers: initialized or not.
 */

export interface Ending {
  result?: unknown;
  exitCode?: number;
  errorCode?: string;
  errorMessage?: string;
  engineId?: string;
  /** Appended to the transition's reason, e.g. why the scheduler learned of it late. */
  note?: string;
}

const CAPACITY_RETRY_MS = 250;

function reasonWith(base: string, ending: Ending): string {
  return ending.note ? `${base} ${ending.note}` : base;
}

export function attemptCompleted(core: SchedulerState, step: Step, node: RtNode, ending: Ending): void {
  const execution = node.exec!;
  const resultText = ending.result === undefined ? null : JSON.stringify(ending.result);
  execution.status = 'completed';
  execution.result = ending.result;
  execution.resultText = resultText;
  execution.progress = 1;
  execution.exitCode = ending.exitCode ?? null;
  if (ending.engineId) execution.engineId = ending.engineId;
  execution.endTime = step.now;
  step.execution(execution);
  node.result = ending.result;
  node.resultText = resultText;
  node.scope.result = ending.result;
  node.progress = 1;
  node.endTime = step.now;
  node.errorCode = null;
  node.errorMessage = null;
  const decision = node.manualDecision;
  node.manualDecision = null;
  if (decision) transition(core, step, node, 'completed', 'user', reasonWith('approved', ending), decision.operator);
  else transition(core, step, node, 'completed', 'system', reasonWith('completed', ending));
}

export function attemptStopped(core: SchedulerState, step: Step, node: RtNode, ending: Ending): void {
  const execution = node.exec!;
  execution.status = 'stopped';
  execution.errorCode = ending.errorCode ?? null;
  execution.errorMessage = ending.errorMessage ?? null;
  execution.endTime = step.now;
  step.execution(execution);
  node.errorCode = ending.errorCode ?? null;
  node.errorMessage = ending.errorMessage ?? null;
  node.endTime = step.now;
  transition(core, step, node, 'stopped', 'system', reasonWith(reasonText('engineStopped'), ending));
}

export function attemptFailed(core: SchedulerState, step: Step, node: RtNode, status: 'failed' | 'timeout', ending: Ending, trigger: TriggerType): void {
  const execution = node.exec!;
  const code = ending.errorCode ?? (status === 'timeout' ? 'TIMEOUT' : 'AGENT_ERROR');
  const message = ending.errorMessage ?? reasonText(status === 'timeout' ? 'noResultInTime' : 'agentFailed');
  execution.status = status;
  execution.errorCode = code;
  execution.errorMessage = message;
  execution.exitCode = ending.exitCode ?? null;
  if (ending.result !== undefined) {
    execution.result = ending.result;
    execution.resultText = JSON.stringify(ending.result);
  }
  if (ending.engineId) execution.engineId = ending.engineId;
  execution.endTime = step.now;
  step.execution(execution);
  node.errorCode = code;
  node.errorMessage = message;

  const decision = node.manualDecision;
  node.manualDecision = null;
  if (decision) {
    node.endTime = step.now;
    transition(core, step, node, 'failed', 'user', reasonWith(reasonText('rejected', { what: message }), ending), decision.operator);
    return;
  }
  const what = reasonText(status === 'timeout' ? 'attemptTimedOut' : 'attemptFailed', { batch: node.batch, code, message });
  if (applyOnError(core, step, node, { code, message, what, note: ending.note, result: ending.result, resultText: execution.resultText })) return;
  const retry = retryDecision(node.retry, node.retriesUsed);
  if (retry.retry) {
    node.retriesUsed = retry.retryNumber;
    node.notBefore = step.now + retry.delayMs;
    node.readyTime = step.now;
    node.readyAt = 0;
    transition(core, step, node, 'ready', trigger, reasonWith(reasonText('retryScheduled', { what, retry: retry.retryNumber, max: node.retry!.maxRetries, delay: retry.delayMs }), ending));
    requeueAfterDelay(core, node);
    return;
  }
  // A failed attempt's result (if any) is what failure edges' conditions read.
  if (ending.result !== undefined) {
    node.result = ending.result;
    node.resultText = execution.resultText;
    node.scope.result = ending.result;
  }
  node.endTime = step.now;
  const retried = node.retriesUsed > 0 ? ` after ${node.retriesUsed} ${node.retriesUsed === 1 ? 'retry' : 'retries'}` : '';
  transition(core, step, node, 'failed', trigger, reasonWith(`${what}${retried}`, ending));
}

/** The Engine refused the start for lack of capacity: back to the queue, no retry spent. */
export function startRefusedForCapacity(core: SchedulerState, step: Step, node: RtNode, message: string): void {
  const execution = node.exec!;
  execution.status = 'failed';
  execution.errorCode = 'AT_CAPACITY';
  execution.errorMessage = message;
  execution.endTime = step.now;
  step.execution(execution);
  node.notBefore = step.now + CAPACITY_RETRY_MS;
  node.readyTime = step.now;
  node.readyAt = 0;
  transition(core, step, node, 'ready', 'system', reasonText('engineNoCapacity', { message }));
  requeueAfterDelay(core, node);
}

export function requeueAfterDelay(core: SchedulerState, node: RtNode): void {
  if (node.notBefore !== null && node.notBefore > core.clock.now()) core.armNotBefore(node);
  else core.work.add(node);
}

export function containerInitialized(core: SchedulerState, step: Step, node: RtNode, note?: string): void {
  const execution = node.exec!;
  execution.status = 'running';
  step.execution(execution);
  transition(core, step, node, 'running', 'system', note ? `${reasonText('initialized')} ${note}` : reasonText('initialized'));
}

export function containerInitFailed(core: SchedulerState, step: Step, node: RtNode, code: string, message: string): void {
  containerFailed(core, step, node, { status: 'failed', code, message, trigger: 'error', reason: reasonText('engineCouldNotInit', { code, message }) });
}
