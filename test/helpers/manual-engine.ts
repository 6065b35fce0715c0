import type { AgentCatalogEntry, EngineEvent, EngineNodeState, NodeRef, NodeStatusEvent } from '../../src/shared/engine/protocol';
import type { EnginePort } from '../../src/main/core/engine/engine-port';

/**
 * An EnginePort driven by the test: commands are recorded and acknowledged, nothing runs by
 * itself; the test sends events (synchronously, as one batch) and sets what queryNode answers.
 */
export class ManualEngine implements EnginePort {
  readonly commands: { name: string; payload: unknown }[] = [];
  readonly answers = new Map<string, EngineNodeState>();
  capacity = Infinity;
  private readonly listeners = new Set<(events: EngineEvent[]) => void>();

  submitTask(payload: unknown): Promise<void> {
    return this.record('submitTask', payload);
  }
  initContainer(payload: unknown): Promise<void> {
    return this.record('initContainer', payload);
  }
  startNode(payload: unknown): Promise<void> {
    return this.record('startNode', payload);
  }
  stopNode(payload: unknown): Promise<void> {
    return this.record('stopNode', payload);
  }
  stopTask(payload: unknown): Promise<void> {
    return this.record('stopTask', payload);
  }
  decideManual(payload: unknown): Promise<void> {
    return this.record('decideManual', payload);
  }
  queryNode(ref: NodeRef): Promise<EngineNodeState> {
    this.commands.push({ name: 'queryNode', payload: ref });
    return Promise.resolve(this.answers.get(`${ref.nodeId}#${ref.batch}`) ?? { status: 'unknown' });
  }
  freeCapacity(): number {
    return this.capacity;
  }
  catalog(): AgentCatalogEntry[] {
    return [];
  }
  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(events: EngineEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }

  /** The start commands sent, as "node#batch". */
  starts(): string[] {
    return this.commands.filter((command) => command.name === 'startNode').map((command) => {
      const payload = command.payload as NodeRef;
      return `${payload.nodeId}#${payload.batch}`;
    });
  }

  names(name: string): unknown[] {
    return this.commands.filter((command) => command.name === name).map((command) => command.payload);
  }

  private record(name: string, payload: unknown): Promise<void> {
    this.commands.push({ name, payload });
    return Promise.resolve();
  }
}

export function statusEvent(taskId: string, nodeId: string, batch: number, status: NodeStatusEvent['status'], extra: Partial<NodeStatusEvent> = {}): NodeStatusEvent {
  return { type: 'node.status', taskId, nodeId, batch, status, time: Date.now(), ...extra };
}
