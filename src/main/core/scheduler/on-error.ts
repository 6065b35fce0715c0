import { isActiveNodeStatus, isTerminalNodeStatus, type NodeStatus } from '../../../shared/status';
import { NODE_REASON } from '../../../shared/task/reasons';
import { chooseRule, ruleLabel, type ChosenRule } from '../../../shared/workflow/on-error';
import type { SchedulerState } from './state';
import { enqueue, gateIsOpen } from './decide';
import { retryDecision } from './retry';
import type { JsonObject } from './references';
import type { RtNode } from './task-image';
import type { Step } from './step';
import { transition } from './transitions';
import { reasonText, type ReasonCode, type ReasonParams } from '../../../shared/task/reason-wordings';

/**
 * The IT-ops design's exception handling: a failed or timed-out attempt of an agent is given
 * to the first onError rule whose code pattern matches its error code. retry runs it again on
 * the rule's own budget; skip ends it skipped; escalate fails it at once with ESCALATED (the
 * alert monitor raises an escalated alert); handler keeps it running while the named handler
 * node runs with the failure in its config, and it ends completed (RECOVERED) if the handler
 * completes, failed otherwise. Every decision is a transition with trigger 'error' whose reason
 * starts with the rule (ruleLabel), and is rebuilt from stored rows after a restart (load.ts).
 */

export interface FailedAttempt {
  code: string;
  message: string;
  /** "attempt 2 failed (CODE: message)", the start of every reason written. */
  what: string;
  /** Appended to the reason, e.g. why the scheduler learned of it late. */
  note: string | undefined;
  /** The failed attempt's result, kept for failure edges' conditions when the node ends. */
  result: unknown;
  resultText: string | null;
}

/** Applies the rule matching the attempt's code; false when none matches (the retry policy decides). */
export function applyOnError(core: SchedulerState, step: Step, node: RtNode, attempt: FailedAttempt): boolean {
  const chosen = chooseRule(node.onError, attempt.code);
  // A default handler rule reaching its own handler: the handler's failure follows its retry policy.
  if (!chosen || (chosen.rule.action === 'handler' && chosen.rule.handlerNodeId === node.nodeId)) return false;
  const label = ruleLabel(chosen);
  const withNote = (text: string) => (attempt.note ? `${text} ${attempt.note}` : text);
  switch (chosen.rule.action) {
    case 'retry': {
      const used = node.ruleRetries[chosen.index] ?? 0;
      const maxRetries = chosen.rule.maxRetries ?? 0;
      const decision = retryDecision({ maxRetries, ...(chosen.rule.backoff && { backoff: chosen.rule.backoff }) }, used);
      if (!decision.retry) {
        endFailed(core, step, node, attempt, withNote(reasonText('ruleSpent', { rule: label, what: attempt.what, count: maxRetries })));
        return true;
      }
      node.ruleRetries[chosen.index] = decision.retryNumber;
      node.notBefore = step.now + decision.delayMs;
      node.readyTime = step.now;
      node.readyAt = 0;
      transition(core, step, node, 'ready', 'error', withNote(reasonText('ruleRetry', { rule: label, what: attempt.what, retry: decision.retryNumber, max: maxRetries, delay: decision.delayMs })));
      if (node.notBefore > core.clock.now()) core.armNotBefore(node);
      else core.work.add(node);
      return true;
    }
    case 'skip':
      keepResult(node, attempt);
      node.endTime = step.now;
      node.errorCode = NODE_REASON.skippedByRule;
      node.errorMessage = reasonText('skippedByRule', { code: attempt.code, message: attempt.message, rule: label });
      transition(core, step, node, 'skipped', 'error', withNote(reasonText('ruleSkipped', { rule: label, what: attempt.what })));
      return true;
    case 'escalate':
      node.errorCode = NODE_REASON.escalated;
      node.errorMessage = reasonText('escalatedByRule', { code: attempt.code, message: attempt.message, rule: label });
      endFailed(core, step, node, attempt, withNote(reasonText('ruleEscalated', { rule: label, what: attempt.what })));
      return true;
    case 'handler':
      invokeHandler(core, step, node, chosen, attempt, withNote);
      return true;
  }
}

function keepResult(node: RtNode, attempt: FailedAttempt): void {
  if (attempt.result === undefined) return;
  node.result = attempt.result;
  node.resultText = attempt.resultText;
  node.scope.result = attempt.result;
}

function endFailed(core: SchedulerState, step: Step, node: RtNode, attempt: FailedAttempt, reason: string): void {
  keepResult(node, attempt);
  node.endTime = step.now;
  transition(core, step, node, 'failed', 'error', reason);
}

/** A handler can start when it is an agent other than the node, idle or ended, inside a running container; else why not. */
function handlerBlock(node: RtNode, handler: RtNode | undefined): { code: ReasonCode; params?: ReasonParams } | null {
  if (!handler || handler === node || handler.type !== 'agent') return { code: 'ruleHandlerNotAgent' };
  if (handler.handling !== null) return { code: 'ruleHandlerBusy', params: { node: JSON.stringify(handler.handling.node.nodeId) } };
  if (isActiveNodeStatus(handler.status) || handler.status === 'ready') return { code: 'ruleHandlerStatus', params: { status: handler.status } };
  if (!gateIsOpen(handler)) return { code: 'ruleHandlerClosed' };
  return null;
}

function invokeHandler(core: SchedulerState, step: Step, node: RtNode, chosen: ChosenRule, attempt: FailedAttempt, withNote: (text: string) => string): void {
  const handlerId = chosen.rule.handlerNodeId!;
  const handler = node.task.nodes.get(handlerId);
  const label = ruleLabel(chosen);
  const about = { rule: label, what: attempt.what, handler: JSON.stringify(handlerId) };
  const blocked = handlerBlock(node, handler);
  if (blocked !== null || !handler) {
    endFailed(core, step, node, attempt, withNote(reasonText(blocked?.code ?? 'ruleHandlerNotAgent', { ...about, ...blocked?.params })));
    return;
  }
  // The node stays running (its execution has ended) until its handler ends: its dependents wait.
  step.node(node);
  step.transition(core.nextId(), node, 'running', 'running', withNote(reasonText('ruleHandlerRuns', about)), 'error', null);
  core.stats.transitions++;
  attach(node, handler, chosen, attempt.code, attempt.message);
  handler.notBefore = null;
  handler.readyTime = step.now;
  handler.readyAt = 0;
  handler.forced = false;
  transition(core, step, handler, 'ready', 'error', reasonText('handlerInvoked', { rule: label, node: JSON.stringify(node.nodeId), code: attempt.code, message: attempt.message }));
  enqueue(core, handler);
}

/** Links a failed node and its handler (when a rule invokes it, and again when a task is loaded). */
export function attach(node: RtNode, handler: RtNode, chosen: ChosenRule, errorCode: string, errorMessage: string): void {
  node.recovery = { handler, chosen };
  handler.handling = { node, failure: { nodeId: node.nodeId, errorCode, errorMessage, rule: ruleLabel(chosen) } };
}

/**
 * Called by transition() for a handler that is handling a failure: once it ends, so does the
 * node it handled (if that node still waits for it), completed as RECOVERED if the handler
 * completed, failed otherwise. A handler's own retries (running → ready) end nothing.
 */
export function handlerMoved(core: SchedulerState, step: Step, handler: RtNode, to: NodeStatus): void {
  if (!isTerminalNodeStatus(to) && to !== 'stopped') return;
  const { node } = handler.handling!;
  handler.handling = null;
  const recovery = node.recovery;
  if (node.status !== 'running' || recovery?.handler !== handler) return;
  node.recovery = null;
  const label = ruleLabel(recovery.chosen);
  const handlerRef = JSON.stringify(handler.nodeId);
  node.endTime = step.now;
  if (to === 'completed') {
    const cause = `${node.errorCode ?? 'failed'}: ${node.errorMessage ?? ''}`;
    node.errorCode = NODE_REASON.recovered;
    node.errorMessage = reasonText('recoveredByHandler', { handler: handlerRef, cause, rule: label });
    transition(core, step, node, 'completed', 'error', reasonText('handlerRecovered', { rule: label, handler: handlerRef }));
  } else {
    transition(core, step, node, 'failed', 'error', reasonText('handlerNotRecovered', { rule: label, handler: handlerRef, status: to }));
  }
}

/** The agent config a handler's run gets: its own, plus the failure it handles as `failure`. */
export function withFailure(node: RtNode, config: JsonObject, text: string | null): { config: JsonObject; text: string | null } {
  if (node.handling === null) return { config, text };
  const merged = { ...config, failure: { ...node.handling.failure } };
  return { config: merged, text: JSON.stringify(merged) };
}

/** A container whose children have all ended but for handlers never invoked: those are skipped. */
export function onlyIdleHandlersLeft(container: RtNode): boolean {
  return container.idleHandlers > 0 && container.childTerminal + container.idleHandlers === container.children.length;
}

export function skipIdleHandlers(core: SchedulerState, step: Step, container: RtNode): void {
  for (const child of container.children) {
    if (!child.isHandler || child.status !== 'pending') continue;
    child.errorCode = NODE_REASON.handlerNotInvoked;
    child.errorMessage = reasonText('handlerNotInvoked');
    child.endTime = step.now;
    transition(core, step, child, 'skipped', 'dependency', reasonText('handlerSkipped'));
  }
}
