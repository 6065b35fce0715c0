import { isEndedExecutionStatus } from '../../../shared/status';
import type { EngineEvent, NodeProgressEvent, NodeStatusEvent, ResourceSampleEvent } from '../../../shared/engine/protocol';
import { ExecutionUsage } from '../resources/execution-usage';
import type { SchedulerState } from './state';
import { agentEngineLost, containerEngineLost, isEngineLoss } from './engine-loss';
import { attemptCompleted, attemptFailed, attemptStopped, containerInitFailed, containerInitialized, type Ending } from './outcomes';
import type { RtNode } from './task-image';
import type { Step } from './step';

/**
 * Applies a batch of Engine events to the nodes they are about. Only the current batch's
 * execution moves, and only forward: an event about an older batch, or about an execution that
 * has already ended (a replay, or the answer to a query after a restart), changes nothing.
 * Log lines and storing resource samples are the console's event ingest's business; the
 * scheduler only adds each sample to its execution's peak and mean, written when it ends.
 */
export function ingestEvents(core: SchedulerState, step: Step, events: readonly EngineEvent[], note?: string): void {
  for (const event of events) {
    if (event.type === 'node.status') applyStatus(core, step, event, note);
    else if (event.type === 'node.progress') applyProgress(core, step, event);
    else if (event.type === 'resource.sample') applySample(core, event);
  }
}

/** Not a change to commit on its own: the figures go out with the execution's next write. */
function applySample(core: SchedulerState, event: ResourceSampleEvent): void {
  if (event.taskId === undefined || event.nodeId === undefined || event.batch === undefined) return;
  const execution = core.tasks.get(event.taskId)?.nodes.get(event.nodeId)?.exec;
  if (!execution || execution.batch !== event.batch || isEndedExecutionStatus(execution.status)) return;
  (execution.usage ??= new ExecutionUsage()).add(event.cpuPercent, event.memoryBytes);
}


function currentNode(core: SchedulerState, event: { taskId: string; nodeId: string; batch: number }): RtNode | undefined {
  const node = core.tasks.get(event.taskId)?.nodes.get(event.nodeId);
  const execution = node?.exec;
  if (!node || !execution || execution.batch !== event.batch || node.batch !== event.batch || isEndedExecutionStatus(execution.status)) {
    core.stats.eventsIgnored++;
    return undefined;
  }
  return node;
}

function endingOf(event: NodeStatusEvent, note: string | undefined): Ending {
  const ending: Ending = {};
  if (event.result !== undefined) ending.result = event.result;
  if (event.exitCode !== undefined) ending.exitCode = event.exitCode;
  if (event.errorCode !== undefined) ending.errorCode = event.errorCode;
  if (event.errorMessage !== undefined) ending.errorMessage = event.errorMessage;
  if (event.engineId !== undefined) ending.engineId = event.engineId;
  if (note !== undefined) ending.note = note;
  return ending;
}

function applyStatus(core: SchedulerState, step: Step, event: NodeStatusEvent, note: string | undefined): void {
  const node = currentNode(core, event);
  if (!node) return;
  if (event.engineId !== undefined && node.engineId !== event.engineId) {
    node.engineId = event.engineId;
    node.exec!.engineId = event.engineId;
    step.node(node);
    step.execution(node.exec!);
  }
  if (node.type === 'container') return applyContainerStatus(core, step, node, event, note);
  // A held agent paused on its Engine may still end there (its end raced the pause, or its Engine was lost).
  if (node.status !== 'running' && node.status !== 'held') {
    core.stats.eventsIgnored++;
    return;
  }
  core.stats.eventsIngested++;
  switch (event.status) {
    case 'initializing':
    case 'running':
      if (node.exec!.status === 'pending') {
        node.exec!.status = 'running';
        step.execution(node.exec!);
      }
      return;
    case 'completed':
      return attemptCompleted(core, step, node, endingOf(event, note));
    case 'failed':
      if (isEngineLoss(event.errorCode)) return agentEngineLost(core, step, node, endingOf(event, note));
      return attemptFailed(core, step, node, 'failed', endingOf(event, note), 'error');
    case 'timeout':
      return attemptFailed(core, step, node, 'timeout', endingOf(event, note), 'timeout');
    case 'stopped':
      // An Engine shutting down stops its nodes with ENGINE_LOST: they run again, they were not stopped by anyone.
      if (isEngineLoss(event.errorCode)) return agentEngineLost(core, step, node, endingOf(event, note));
      return attemptStopped(core, step, node, endingOf(event, note));
  }
}

/** A container's own events only matter while it is initializing; afterwards its children decide. */
function applyContainerStatus(core: SchedulerState, step: Step, node: RtNode, event: NodeStatusEvent, note: string | undefined): void {
  core.stats.eventsIngested++;
  if (node.status !== 'initializing') {
    core.logger.debug(`scheduler: ${event.status} of running container ${node.nodeId} (task ${node.task.id}) noted; its children decide how it ends`);
    return;
  }
  if (event.status === 'running' || event.status === 'completed') containerInitialized(core, step, node, note);
  else if (event.status === 'failed' && isEngineLoss(event.errorCode)) containerEngineLost(core, step, node, event.errorMessage ?? 'its Engine was lost');
  else if (event.status !== 'initializing') {
    containerInitFailed(core, step, node, event.errorCode ?? event.status.toUpperCase(), event.errorMessage ?? `the Engine reports it ${event.status}`);
  }
}

function applyProgress(core: SchedulerState, step: Step, event: NodeProgressEvent): void {
  const node = currentNode(core, event);
  if (!node) return;
  core.stats.eventsIngested++;
  node.progress = event.progress;
  node.exec!.progress = event.progress;
  step.node(node);
  step.execution(node.exec!);
}
