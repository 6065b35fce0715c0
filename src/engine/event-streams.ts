import type { EngineEvent } from '../shared/engine/protocol';
import { EventStream, type EventStreamOptions } from './event-stream';

/**
 * The Engine's streams, one per console session, and which console owns each task: events
 * of a task go to the console that last commanded it, so replays after a reconnect go to the
 * right console and to no other.
 */
export class EventStreams {
  private readonly streams = new Map<string, EventStream>();
  private readonly owners = new Map<string, EventStream>();
  private unowned = 0;

  constructor(
    private readonly engineRun: string,
    private readonly options: EventStreamOptions & { retentionMs: number },
  ) {}

  forSession(consoleSession: string): EventStream {
    let stream = this.streams.get(consoleSession);
    if (!stream) {
      stream = new EventStream(`${this.engineRun}.${consoleSession}`, consoleSession, this.options);
      this.streams.set(consoleSession, stream);
    }
    return stream;
  }

  own(taskId: string, stream: EventStream): void {
    this.owners.set(taskId, stream);
  }

  /** Sends a task's event to its console. */
  route(taskId: string, event: EngineEvent): void {
    const stream = this.owners.get(taskId);
    if (stream) {
      stream.push(event);
      return;
    }
    if (this.unowned++ % 1000 === 0) this.options.logger.warn(`event of task ${taskId} dropped: no console owns the task (${this.unowned} so far)`);
  }

  /** Sends an event to every connected console (heartbeats). */
  broadcast(event: EngineEvent): void {
    for (const stream of this.streams.values()) if (stream.connected) stream.push(event);
  }

  /** Forgets sessions disconnected longer than the retention, with what they held. */
  sweep(now = Date.now()): void {
    for (const [session, stream] of this.streams) {
      if (stream.disconnectedAt === null || now - stream.disconnectedAt < this.options.retentionMs) continue;
      this.streams.delete(session);
      for (const [taskId, owner] of this.owners) if (owner === stream) this.owners.delete(taskId);
      if (stream.pending > 0) {
        this.options.logger.warn(`console session ${session} gone for ${this.options.retentionMs} ms: ${stream.pending} unacknowledged events discarded`);
      }
    }
  }
}
