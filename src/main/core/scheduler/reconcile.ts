import { isActiveNodeStatus } from '../../../shared/status';
import type { EngineNodeState, NodeStatusEvent, StartNodeCommand } from '../../../shared/engine/protocol';
import type { SchedulerState } from './state';
import type { JsonObject } from './references';
import type { RtNode, TaskImage } from './task-image';
import { sendInit, sendStart } from './start';
import { errorText } from '../../../shared/error-text';

/**
 * After a restart the store says which nodes were running or initializing, but not what
 * happened to them while the console was away: events may have been lost with the process.
 * Each such node is asked about (queryNode), never assumed: an ended one ends here as the
 * Engine says; one the Engine never heard of gets its command again (same batch, so an Engine
 * that did hear of it ignores the repeat); a node an operator had stopped but that still runs
 * is stopped again.
 */
export interface Reconciliation {
  queried: number;
  /** Answers that ended or moved a node. */
  applied: NodeStatusEvent[];
  /** Start or init commands sent again for a batch the Engine did not know. */
  resent: number;
  /** Stop commands sent again. */
  stopped: number;
  failedQueries: number;
}

const CONCURRENCY = 32;

/** Nodes whose fate on the Engine the store cannot tell: running, initializing, or stopped with an execution. */
export function nodesToReconcile(task: TaskImage): RtNode[] {
  // A node waiting for its handler has ended on the Engine; its handler is reconciled instead.
  return [...task.nodes.values()].filter((node) => node.exec !== null && node.recovery === null && (isActiveNodeStatus(node.status) || node.status === 'stopped'));
}

/**
 * Level by level, each level's container inits answered before the next level is asked
 * about: an Engine refuses a child whose container it does not hold.
 */
export async function reconcileNodes(core: SchedulerState, nodes: readonly RtNode[]): Promise<Reconciliation> {
  const report: Reconciliation = { queried: 0, applied: [], resent: 0, stopped: 0, failedQueries: 0 };
  const levels = new Map<number, RtNode[]>();
  for (const node of nodes) {
    const layer = levels.get(node.level);
    if (layer) layer.push(node);
    else levels.set(node.level, [node]);
  }
  for (const level of [...levels.keys()].sort((a, b) => a - b)) {
    const layer = levels.get(level)!;
    let next = 0;
    const worker = async () => {
      while (next < layer.length) await reconcileNode(core, layer[next++]!, report);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, layer.length) }, worker));
  }
  return report;
}

async function reconcileNode(core: SchedulerState, node: RtNode, report: Reconciliation): Promise<void> {
  const execution = node.exec!;
  const batch = execution.batch;
  const ref = { taskId: node.task.id, nodeId: node.nodeId, batch };
  let state: EngineNodeState;
  try {
    report.queried++;
    state = await core.engine.queryNode(ref);
  } catch (error) {
    report.failedQueries++;
    core.logger.warn(`scheduler: could not ask the Engine about ${node.nodeId} batch ${batch} (task ${node.task.id}): ${errorText(error)}; its events will tell`);
    return;
  }
  if (!core.isLive(node) || node.batch !== batch) return;

  if (node.status === 'stopped') {
    if (state.status !== 'unknown' && isActiveNodeStatus(state.status)) {
      report.stopped++;
      core.engine.stopNode({ ...ref, reason: 'stopped by an operator before the console restarted' }).catch((error: unknown) => {
        core.logger.warn(`scheduler: could not stop ${node.nodeId} batch ${batch} again: ${errorText(error)}`);
      });
    }
    return;
  }
  if (state.status === 'unknown') {
    report.resent++;
    const config = execution.resolvedConfig === null ? {} : (JSON.parse(execution.resolvedConfig) as JsonObject);
    if (node.type === 'container') {
      await sendInit(core, node, { ...ref, containerConfig: config });
    } else {
      const command: StartNodeCommand = { ...ref, agentLoad: node.agentLoad!, config, parentId: node.parent?.nodeId ?? null };
      if (node.timeoutMs !== null) command.timeoutMs = node.timeoutMs;
      sendStart(core, node, command);
    }
    return;
  }
  if (state.status === 'running' && node.type === 'agent') return;
  const event: NodeStatusEvent = { type: 'node.status', ...ref, status: state.status, time: core.clock.now() };
  if (state.result !== undefined) event.result = state.result;
  if (state.errorCode !== undefined) event.errorCode = state.errorCode;
  if (state.errorMessage !== undefined) event.errorMessage = state.errorMessage;
  if (state.exitCode !== undefined) event.exitCode = state.exitCode;
  report.applied.push(event);
}
