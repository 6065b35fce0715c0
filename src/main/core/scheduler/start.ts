import type { InitContainerCommand, StartNodeCommand } from '../../../shared/engine/protocol';
import { engineClockOf } from '../clock/task-clock';
import { NODE_REASON } from '../../../shared/task/reasons';
import type { SchedulerState } from './state';
import { gateIsOpen } from './decide';
import { withFailure } from './on-error';
import { resolveConfig, type JsonObject } from './references';
import { RtExecution, type RtNode } from './task-image';
import type { Step } from './step';
import { transition } from './transitions';
import { errorText } from '../../../shared/error-text';
import { reasonText } from '../../../shared/task/reason-wordings';

/**
 * Starting ready nodes: containers are initialized on their Engine (they take no capacity);
 * agents wait in priority order for capacity. Each start opens a new execution batch with the
 * config as resolved now, and its command goes out after the commit.
 */

/** Starts one node if one can start; false when none can. */
export function startNext(core: SchedulerState, step: Step): boolean {
  if (core.startsHeld > 0) return false;
  const container = core.containers.take();
  if (container) {
    if (canStart(container, step.now)) startContainer(core, step, container);
    return true;
  }
  if (core.agents.size === 0 || freeCapacity(core, step) <= 0) return false;
  const agent = core.agents.take()!;
  if (canStart(agent, step.now)) startAgent(core, step, agent);
  return true;
}

/** Whether agents are waiting that capacity alone holds back. */
export function waitingForCapacity(core: SchedulerState, step: Step | null): boolean {
  return core.agents.size > 0 && freeCapacity(core, step) <= 0;
}

/** Fewer free slots than agents that are (or may soon be) ready to take them. */
export function capacityIsShort(core: SchedulerState): boolean {
  return freeCapacity(core, null) < core.agents.size + core.work.size;
}

function freeCapacity(core: SchedulerState, step: Step | null): number {
  return core.engine.freeCapacity() - core.inflight - (step ? step.started.length : 0);
}

/** Entries stay in the queues when nodes move on; this drops the stale ones. */
function canStart(node: RtNode, now: number): boolean {
  if (node.task.discarded || node.status !== 'ready' || node.task.status !== 'running') return false;
  if (node.notBefore !== null && node.notBefore > now) return false;
  return gateIsOpen(node);
}

function newExecution(core: SchedulerState, step: Step, node: RtNode, status: RtExecution['status'], resolvedConfig: string | null): RtExecution {
  node.batch++;
  node.heldMs = 0;
  const execution = new RtExecution(core.nextId(), node, node.batch, status, step.now, resolvedConfig, false);
  if (node.readyTime !== null) execution.queueTimeMs = Math.max(0, step.now - node.readyTime);
  node.exec = execution;
  node.startTime = step.now;
  node.endTime = null;
  node.progress = 0;
  node.result = undefined;
  node.resultText = null;
  node.scope.result = undefined;
  node.errorCode = null;
  node.errorMessage = null;
  step.execution(execution);
  return execution;
}

function resolved(node: RtNode): { ok: true; config: JsonObject; text: string | null } | { ok: false; message: string } {
  if (!node.hasReferences) return { ok: true, config: node.config ?? {}, text: node.configText };
  const task = node.task;
  const resolution = resolveConfig(node.config ?? {}, {
    variables: task.scope.variables,
    node: (id) => {
      const other = task.nodes.get(id);
      return other ? { status: other.status, result: other.result } : undefined;
    },
  });
  return resolution.ok ? { ok: true, config: resolution.config, text: JSON.stringify(resolution.config) } : resolution;
}

/** A reference that names nothing fails the node before anything reaches an Engine. */
function failUnresolved(core: SchedulerState, step: Step, node: RtNode, message: string): void {
  const execution = newExecution(core, step, node, 'failed', null);
  execution.errorCode = NODE_REASON.unresolvedReference;
  execution.errorMessage = message;
  execution.endTime = step.now;
  node.errorCode = NODE_REASON.unresolvedReference;
  node.errorMessage = message;
  node.endTime = step.now;
  transition(core, step, node, 'failed', 'error', message);
}

function startAgent(core: SchedulerState, step: Step, node: RtNode): void {
  const resolution = resolved(node);
  if (!resolution.ok) return failUnresolved(core, step, node, resolution.message);
  const config = withFailure(node, resolution.config, resolution.text);
  const execution = newExecution(core, step, node, 'pending', config.text);
  transition(core, step, node, 'running', 'system', reasonText('started', { batch: node.batch }));
  core.armDeadline(node, step.now);
  step.started.push(node);
  const command: StartNodeCommand = {
    taskId: node.task.id,
    nodeId: node.nodeId,
    batch: execution.batch,
    agentLoad: node.agentLoad!,
    config: config.config,
    parentId: node.parent?.nodeId ?? null,
  };
  if (node.timeoutMs !== null) command.timeoutMs = node.timeoutMs;
  if (node.priority !== 0) command.priority = node.priority;
  const clock = engineClockOf(core.store, node.task.id, step.now);
  if (clock) command.clock = clock;
  // A manual step's skills are its operator's (see manual-assignment.ts), not its Engine's.
  if (node.requiredSkills.length > 0 && !isManualLoad(core, node.agentLoad!)) command.requiredSkills = [...node.requiredSkills];
  step.after(() => sendStart(core, node, command));
}

function isManualLoad(core: SchedulerState, agentLoad: string): boolean {
  return core.engine.catalog().some((entry) => entry.agentLoad === agentLoad && entry.kind === 'manual');
}

export function sendStart(core: SchedulerState, node: RtNode, command: StartNodeCommand): void {
  if (node.readyAt > 0) {
    core.latency.record(performance.now() - node.readyAt);
    node.readyAt = 0;
  }
  core.inflight++;
  core.engine.startNode(command).then(
    () => {
      core.inflight--;
      if (core.agents.size > 0) core.wake();
    },
    (error: unknown) => {
      core.inflight--;
      core.internal.push({ kind: 'commandRefused', command: 'startNode', node, batch: command.batch, ...describeError(error) });
      core.wake();
    },
  );
}

function startContainer(core: SchedulerState, step: Step, node: RtNode): void {
  const config = resolved(node);
  if (!config.ok) return failUnresolved(core, step, node, config.message);
  newExecution(core, step, node, 'initializing', config.text);
  transition(core, step, node, 'initializing', 'system', reasonText('initializing', { batch: node.batch }));
  // A container's timeoutMs counts from the start of its initialization.
  core.armDeadline(node, step.now);
  const command = initCommand(node, config.config);
  step.after(() => sendInit(core, node, command));
}

/** The init command of the container's current batch, with its config as resolved at its start. */
export function initCommand(node: RtNode, config?: JsonObject): InitContainerCommand {
  const containerConfig = config ?? (node.exec?.resolvedConfig ? (JSON.parse(node.exec.resolvedConfig) as JsonObject) : (node.config ?? {}));
  return { taskId: node.task.id, nodeId: node.nodeId, batch: node.batch, containerConfig };
}

/** Sends a container's init; the promise settles (never rejects) once its answer is queued for the next step. */
export function sendInit(core: SchedulerState, node: RtNode, command: InitContainerCommand): Promise<void> {
  return core.engine.initContainer(command).then(
    () => {
      core.internal.push({ kind: 'initAck', node, batch: command.batch });
      core.wake();
    },
    (error: unknown) => {
      core.internal.push({ kind: 'commandRefused', command: 'initContainer', node, batch: command.batch, ...describeError(error) });
      core.wake();
    },
  );
}

/** Engine ports reject with an error that carries a protocol error code; anything else is INTERNAL. */
export function describeError(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = errorText(error);
  return { code: typeof code === 'string' && code.length > 0 ? code : 'INTERNAL', message };
}
