import type { Socket } from 'socket.io';
import { ENGINE_LIMITS, ENGINE_SOCKET, type EngineEvent, type EngineWelcome } from '../shared/engine/protocol';
import type { Logger } from '../shared/logger';

export interface EventStreamOptions {
  /** Events sent and not yet acknowledged, at most; the rest wait for acks (flow control). */
  window: number;
  /** Unacknowledged events kept, at most; beyond it the oldest are dropped with a warning. */
  maxRetained: number;
  logger: Logger;
}

interface Entry {
  seq: number;
  event: EngineEvent;
}

/**
 * One console session's events on this Engine run: numbered, sent in envelopes, kept until
 * the console acknowledges them, and resent from the first unacknowledged one whenever the
 * console (re)connects. Sequence numbers keep counting across reconnects, so a cumulative
 * ack and the console's cursor stay meaningful.
 */
export class EventStream {
  private readonly entries: Entry[] = [];
  /** Index of the first unacknowledged entry. */
  private head = 0;
  /** Index of the first entry not yet sent on the current connection. */
  private sent = 0;
  private nextSeq = 1;
  private acked = 0;
  private flushScheduled = false;
  private dropped = 0;
  private socket: Socket | null = null;
  disconnectedAt: number | null = Date.now();

  constructor(
    readonly id: string,
    readonly consoleSession: string,
    private readonly options: EventStreamOptions,
  ) {}

  get connected(): boolean {
    return this.socket !== null;
  }

  get pending(): number {
    return this.entries.length - this.head;
  }

  get ackedSeq(): number {
    return this.acked;
  }

  push(event: EngineEvent): void {
    this.entries.push({ seq: this.nextSeq++, event });
    if (this.pending > this.options.maxRetained) {
      this.head++;
      this.sent = Math.max(this.sent, this.head);
      if (this.dropped++ % 10_000 === 0) {
        this.options.logger.warn(
          `stream ${this.id}: more than ${this.options.maxRetained} events unacknowledged; dropping the oldest (${this.dropped} so far)`,
        );
      }
    }
    this.scheduleFlush();
  }

  /** Takes over a (new) connection of this console; replays what it has not acknowledged. */
  attach(socket: Socket, welcome: Omit<EngineWelcome, 'stream' | 'ackedSeq'>): void {
    this.socket = socket;
    this.disconnectedAt = null;
    this.sent = this.head;
    socket.emit(ENGINE_SOCKET.welcome, { ...welcome, stream: this.id, ackedSeq: this.acked } satisfies EngineWelcome);
    this.scheduleFlush();
  }

  detach(socket: Socket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.disconnectedAt = Date.now();
  }

  /** Everything up to `seq` is ingested by the console. */
  ack(seq: number): void {
    if (seq <= this.acked) return;
    this.acked = Math.min(seq, this.nextSeq - 1);
    while (this.head < this.entries.length && this.entries[this.head]!.seq <= this.acked) this.head++;
    this.sent = Math.max(this.sent, this.head);
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.sent -= this.head;
      this.head = 0;
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.socket === null) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const socket = this.socket;
    if (socket === null) return;
    const limit = Math.min(this.entries.length, this.head + this.options.window);
    while (this.sent < limit) {
      const end = Math.min(limit, this.sent + ENGINE_LIMITS.maxEventsPerEnvelope);
      socket.emit(ENGINE_SOCKET.events, { stream: this.id, events: this.entries.slice(this.sent, end) });
      this.sent = end;
    }
  }
}
