import { errorReason } from '../../../shared/api/error-reasons';
import type { NodeRef } from '../../../shared/engine/protocol';
import { HOLDABLE_NODE_STATUSES, isEndedExecutionStatus } from '../../../shared/status';
import { reasonText } from '../../../shared/task/reason-wordings';
import { descendantsOf, type Control } from './controls';
import { SchedulerError } from './errors';
import { describeError } from './start';
import type { SchedulerState } from './state';
import type { RtNode } from './task-image';
import { transition } from './transitions';

/**
 * An operator's hold of a node (issue 22). What has not started stays unstarted; a running
 * agent is paused on its Engine (pauseNode), a running container holds its subtree. Release
 * sends each node back where it would be: what had not started is decided again by its
 * dependencies, a paused agent resumes. The Engine commands are sent before anything is
 * written (Scheduler.holdNode/releaseNode), so a refused hold writes nothing.
 */
export interface HoldPlan {
  /** Every node the hold takes, the node itself first. */
  nodes: RtNode[];
  /** The running agents among them, to pause on their Engine. */
  running: RtNode[];
}

/** A held or running node whose current execution has not ended: it is (or is to be) paused on its Engine. */
export function hasLiveExecution(node: RtNode): boolean {
  const execution = node.exec;
  return execution !== null && execution.batch === node.batch && !isEndedExecutionStatus(execution.status);
}

export function isPausedOnEngine(node: RtNode): boolean {
  return node.status === 'held' && node.type === 'agent' && hasLiveExecution(node);
}

export function executionRef(node: RtNode): NodeRef {
  return { taskId: node.task.id, nodeId: node.nodeId, batch: node.batch };
}

/** What a hold of `node` takes; refuses (writing nothing) a node that cannot be held. */
export function planHold(node: RtNode): HoldPlan {
  if (!HOLDABLE_NODE_STATUSES.includes(node.status)) {
    throw new SchedulerError('NOT_ALLOWED', errorReason('node.notHoldable', { nodeId: node.nodeId, status: node.status }));
  }
  const nodes = [node];
  if (node.type === 'container') {
    for (const each of descendantsOf(node)) if (HOLDABLE_NODE_STATUSES.includes(each.status)) nodes.push(each);
  }
  return { nodes, running: nodes.filter((each) => each.type === 'agent' && each.status === 'running') };
}

/** The held nodes a release of `node` frees: itself and, for a container, its held descendants. */
export function planRelease(node: RtNode): RtNode[] {
  const nodes = node.status === 'held' ? [node] : [];
  if (node.type === 'container') for (const each of descendantsOf(node)) if (each.status === 'held') nodes.push(each);
  if (nodes.length === 0) throw new SchedulerError('NOT_ALLOWED', errorReason('node.notHeld', { nodeId: node.nodeId, status: node.status }));
  return nodes;
}

/**
 * Commits a hold whose running agents are paused. A node whose status moved while the pauses
 * were on their way (a running agent that ended meanwhile) is left as it is now.
 */
export function applyHold(control: Control, target: RtNode, plan: HoldPlan, reason: string | undefined): void {
  const own = reason ? reasonText('heldBecause', { reason }) : reasonText('held');
  for (const node of plan.nodes) {
    const running = plan.running.includes(node);
    if (running ? node.status !== 'running' || !hasLiveExecution(node) : !HOLDABLE_NODE_STATUSES.includes(node.status)) continue;
    if (node.status === 'running') node.heldAt = control.step.now;
    const why = node === target ? own : reasonText('withContainer', { what: own, container: target.nodeId });
    transition(control.core, control.step, node, 'held', 'user', why, control.operator);
  }
}

/** Commits a release whose paused agents were resumed: containers first, so that their gates are open when their children are decided. */
export function applyRelease(control: Control, target: RtNode, nodes: readonly RtNode[]): void {
  const { core, step, operator } = control;
  for (const node of nodes) {
    if (node.status !== 'held') continue;
    const why = node === target ? reasonText('released') : reasonText('releasedWithContainer', { container: target.nodeId });
    if (hasLiveExecution(node)) {
      if (node.heldAt !== null) node.heldMs += step.now - node.heldAt;
      node.heldAt = null;
      transition(core, step, node, 'running', 'user', why, operator);
      if (node.exec?.startTime != null) core.armDeadline(node, node.exec.startTime + node.heldMs);
    } else {
      transition(core, step, node, 'pending', 'user', why, operator);
      core.work.add(node);
    }
  }
}

/**
 * A deadline armed before a hold is moot once the node was released: its timeout waited while
 * it was held, and the release armed the later one.
 */
export function deadlineMovedByHold(node: RtNode, at: number): boolean {
  const start = node.exec?.startTime;
  return node.heldMs > 0 && node.timeoutMs !== null && start != null && at < start + node.timeoutMs + node.heldMs;
}

/** Pauses every running agent of a plan on its Engine; one refusal resumes those already paused and refuses the whole hold. */
export async function pauseAll(core: SchedulerState, plan: HoldPlan): Promise<void> {
  if (plan.running.length === 0) return;
  const pause = core.engine.pauseNode?.bind(core.engine);
  const resume = core.engine.resumeNode?.bind(core.engine);
  if (!pause || !resume) {
    throw new SchedulerError('NOT_ALLOWED', errorReason('node.cannotPause', { nodeId: plan.running[0]!.nodeId, detail: 'its Engines cannot pause running agents' }));
  }
  const paused: NodeRef[] = [];
  for (const node of plan.running) {
    const ref = executionRef(node);
    try {
      await pause(ref);
      paused.push(ref);
    } catch (error) {
      await Promise.allSettled(paused.map((each) => resume(each)));
      const { detail } = describe(error);
      throw new SchedulerError('NOT_ALLOWED', errorReason('node.cannotPause', { nodeId: node.nodeId, detail }));
    }
  }
}

/** Resumes every paused agent among the nodes to release; a failure refuses the release (the nodes stay held). */
export async function resumeAll(core: SchedulerState, nodes: readonly RtNode[]): Promise<void> {
  const paused = nodes.filter(isPausedOnEngine);
  if (paused.length === 0) return;
  const resume = core.engine.resumeNode?.bind(core.engine);
  if (!resume) throw new SchedulerError('NOT_ALLOWED', errorReason('node.cannotResume', { nodeId: paused[0]!.nodeId, detail: 'its Engines cannot resume paused agents' }));
  for (const node of paused) {
    try {
      await resume(executionRef(node));
    } catch (error) {
      throw new SchedulerError('NOT_ALLOWED', errorReason('node.cannotResume', { nodeId: node.nodeId, detail: describe(error).detail }));
    }
  }
}

function describe(error: unknown): { detail: string } {
  const { code, message } = describeError(error);
  return { detail: code === 'CANNOT_PAUSE' ? message : `${code}: ${message}` };
}
