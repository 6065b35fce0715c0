import { nodeKey } from '../../../shared/engine/execution-key';
import type { LogsAppended, SamplesAppended } from '../../../shared/api/live';
import type { EngineEvent } from '../../../shared/engine/protocol';
import type { NodeChange, TaskChange, TaskSnapshot } from '../../../shared/task/changes';
import { createCoalescer, type Coalescer } from './coalescer';
import type { EventHub } from './event-hub';

/** A few dozen batches a second: live for a person, light for the window. */
export const LIVE_INTERVAL_MS = 40;

type ChangePiece = { taskId: string; task: TaskSnapshot } | { taskId: string; node: NodeChange };

/**
 * Scheduler commits, coalesced: per flush, each task once, with its newest snapshot and each
 * changed node once in its newest state.
 */
export function taskChangeFeed(hub: EventHub, intervalMs = LIVE_INTERVAL_MS): { push(changes: TaskChange[]): void; coalescer: Coalescer<string, ChangePiece> } {
  const coalescer = createCoalescer<string, ChangePiece>(intervalMs, (pieces) => {
    const byTask = new Map<string, TaskChange>();
    for (const piece of pieces) {
      let change = byTask.get(piece.taskId);
      if (!change) byTask.set(piece.taskId, (change = { taskId: piece.taskId, task: null, nodes: [] }));
      if ('task' in piece) change.task = piece.task;
      else change.nodes.push(piece.node);
    }
    hub.emit('taskChanged', [...byTask.values()]);
  });
  return {
    coalescer,
    push(changes) {
      for (const change of changes) {
        if (change.task) coalescer.add(change.taskId, { taskId: change.taskId, task: change.task });
        for (const node of change.nodes) coalescer.add(nodeKey(change.taskId, node.nodeId), { taskId: change.taskId, node });
      }
    },
  };
}

/** Engine events that grew a log or a resource series, as "look again" signals per task. */
export function appendFeeds(hub: EventHub, intervalMs = LIVE_INTERVAL_MS): { push(events: readonly EngineEvent[]): void; close(): void } {
  // Nodes seen since the last flush, per key; a flush sends them and starts afresh.
  const logNodes = new Map<string, Set<string>>();
  const sampleNodes = new Map<string, Set<string>>();
  const logs = createCoalescer<string, LogsAppended>(intervalMs, (batch) => {
    logNodes.clear();
    hub.emit('logsAppended', batch);
  });
  const samples = createCoalescer<string, SamplesAppended>(intervalMs, (batch) => {
    sampleNodes.clear();
    hub.emit('samplesAppended', batch);
  });
  const note = (map: Map<string, Set<string>>, key: string, nodeId: string | undefined) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    if (nodeId !== undefined) set.add(nodeId);
    return [...set];
  };
  return {
    push(events) {
      for (const event of events) {
        if (event.type === 'node.log') {
          logs.add(event.taskId, { taskId: event.taskId, nodeIds: note(logNodes, event.taskId, event.nodeId) });
        } else if (event.type === 'resource.sample') {
          const key = JSON.stringify([event.taskId ?? null, event.engineId ?? null]);
          samples.add(key, { taskId: event.taskId ?? null, engineId: event.engineId ?? '', nodeIds: note(sampleNodes, key, event.nodeId) });
        }
      }
    },
    close() {
      logs.close();
      samples.close();
    },
  };
}
