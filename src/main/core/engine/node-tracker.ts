import { executionKey } from '../../../shared/engine/execution-key';
import { NODE_ERROR_CODES, TERMINAL_ENGINE_STATUSES, type EngineEvent, type NodeRef } from '../../../shared/engine/protocol';
import { RecentMap } from './recent-keys';

type NodeKind = 'agent' | 'container';

const refOf = (ref: NodeRef): NodeRef => ({ taskId: ref.taskId, nodeId: ref.nodeId, batch: ref.batch });

/** Events sifted for delivery, and what they change in the tracking once they are delivered. */
export interface Sifted {
  events: EngineEvent[];
  /** Applies the events to the tracking; called only once their delivery succeeded, so a replay sifts them the same way. */
  commit(): void;
}

/**
 * The nodes this console has running on one Engine: started (by a start or init command),
 * ended (by a terminal status), or declared lost (the Engine went away or restarted).
 */
export class NodeTracker {
  private readonly active = new Map<string, { ref: NodeRef; kind: NodeKind }>();
  /** Nodes that ended, so a late duplicate acknowledgement does not make them active again. */
  private readonly ended = new RecentMap<true>(20_000);
  /** Nodes declared lost: whatever the Engine still says about them is not delivered. */
  private readonly lost = new RecentMap<NodeRef>(20_000);

  track(ref: NodeRef, kind: NodeKind): void {
    const key = executionKey(ref);
    if (!this.ended.has(key)) this.active.set(key, { ref: refOf(ref), kind });
  }

  /** Whether a start or init command for the node was acknowledged (it may have ended since). */
  knows(ref: NodeRef): boolean {
    const key = executionKey(ref);
    return this.active.has(key) || this.ended.has(key);
  }

  activeAgents(): number {
    let count = 0;
    for (const node of this.active.values()) if (node.kind === 'agent') count++;
    return count;
  }

  /** Drops the events of lost nodes; node ends are recorded only by `commit`. */
  sift(events: readonly EngineEvent[]): Sifted {
    const kept: EngineEvent[] = [];
    const ends: string[] = [];
    for (const event of events) {
      if (event.type === 'engine.heartbeat' || event.taskId === undefined || event.nodeId === undefined || event.batch === undefined) {
        kept.push(event);
        continue;
      }
      const key = executionKey({ taskId: event.taskId, nodeId: event.nodeId, batch: event.batch });
      if (event.type === 'node.status' && TERMINAL_ENGINE_STATUSES.includes(event.status)) ends.push(key);
      if (!this.lost.has(key)) kept.push(event);
    }
    return {
      events: kept,
      commit: () => {
        for (const key of ends) {
          if (this.lost.has(key)) {
            this.lost.delete(key);
            continue;
          }
          this.active.delete(key);
          this.ended.set(key, true);
        }
      },
    };
  }

  /**
   * Marks every active node lost and returns a failed ENGINE_LOST status for each, so the
   * scheduler's retry policy can move them to another Engine.
   */
  declareLost(message: string, engineId: string | null, time: number): EngineEvent[] {
    const events: EngineEvent[] = [];
    for (const [key, node] of this.active) {
      this.lost.set(key, node.ref);
      const event: EngineEvent = { type: 'node.status', ...node.ref, status: 'failed', errorCode: NODE_ERROR_CODES.engineLost, errorMessage: message, time };
      if (engineId !== null) event.engineId = engineId;
      events.push(event);
    }
    this.active.clear();
    return events;
  }

  /** Nodes declared lost that the Engine may still be running. */
  lostNodes(): NodeRef[] {
    return this.lost.values();
  }

  /** A new Engine process never heard of the lost nodes: nothing of theirs will come. */
  forgetLost(): void {
    this.lost.clear();
  }
}
