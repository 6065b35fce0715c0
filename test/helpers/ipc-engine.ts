import type { ChildProcess } from 'node:child_process';
import type { AgentCatalogEntry, EngineEvent, EngineNodeState, NodeRef } from '../../src/shared/engine/protocol';
import { EngineCommandError } from '../../src/main/core/engine/engine-errors';
import type { EnginePort } from '../../src/main/core/engine/engine-port';

/**
 * An Engine that outlives the console: the test process hosts it and a console (scheduler) in
 * a child process talks to it over the fork IPC channel. Events sent while no child is
 * connected, or to a child that dies before it ingests them, are lost; the console learns
 * what happened by asking (queryNode) after it restarts.
 */
type Command = 'submitTask' | 'initContainer' | 'startNode' | 'stopNode' | 'stopTask' | 'queryNode' | 'decideManual';

export type ToChild =
  | { kind: 'reply'; id: number; ok: true; value?: unknown }
  | { kind: 'reply'; id: number; ok: false; code: string; message: string }
  | { kind: 'events'; events: EngineEvent[] };

export type FromChild = { kind: 'command'; id: number; name: Command; payload: unknown } | { kind: 'ready' } | { kind: 'ended'; status: string };

/** The child's side: an EnginePort whose commands travel to the parent. */
export class IpcEngine implements EnginePort {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<(events: EngineEvent[]) => void>();

  constructor(private readonly channel: NodeJS.Process) {
    channel.on('message', (message: ToChild) => {
      if (message.kind === 'events') {
        for (const listener of this.listeners) listener(message.events);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new EngineCommandError(message.code as never, message.message));
    });
  }

  submitTask = (payload: unknown) => this.call('submitTask', payload) as Promise<void>;
  initContainer = (payload: unknown) => this.call('initContainer', payload) as Promise<void>;
  startNode = (payload: unknown) => this.call('startNode', payload) as Promise<void>;
  stopNode = (payload: unknown) => this.call('stopNode', payload) as Promise<void>;
  stopTask = (payload: unknown) => this.call('stopTask', payload) as Promise<void>;
  decideManual = (payload: unknown) => this.call('decideManual', payload) as Promise<void>;
  queryNode = (ref: NodeRef) => this.call('queryNode', ref) as Promise<EngineNodeState>;

  freeCapacity(): number {
    return Infinity;
  }

  catalog(): AgentCatalogEntry[] {
    return [];
  }

  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private call(name: Command, payload: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.channel.send!({ kind: 'command', id, name, payload } satisfies FromChild);
    });
  }
}

/** The parent's side: serves one child's commands from `engine`; returns a detach function. */
export function serveOverIpc(child: ChildProcess, engine: EnginePort, onMessage: (message: FromChild) => void): () => void {
  const send = (message: ToChild) => {
    // The child may have been killed since `connected` was last updated; a failed reply is moot.
    if (child.connected) child.send(message, () => undefined);
  };
  const handler = (message: FromChild) => {
    if (message.kind !== 'command') return onMessage(message);
    const call = (engine[message.name] as (payload: unknown) => Promise<unknown>).bind(engine);
    call(message.payload).then(
      (value) => send({ kind: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => send({ kind: 'reply', id: message.id, ok: false, code: (error as { code?: string }).code ?? 'INTERNAL', message: String((error as Error).message) }),
    );
  };
  child.on('message', handler);
  return () => child.off('message', handler);
}
