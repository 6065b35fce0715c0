import type { EngineEvent, HeartbeatEvent } from '../../../shared/engine/protocol';
import { errorText } from '../../../shared/error-text';
import type { Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { loadCursor } from './cursor-store';
import { EventDelivery } from './event-delivery';
import { takeEnvelope } from './event-intake';
import type { Sifted } from './node-tracker';

/** How many times a batch whose handling fails is tried (replayed) before its events go to each listener one by one. */
export const DEFAULT_DELIVERY_ATTEMPTS = 3;
const CONSOLE_EVENTS_RETRY_MS = 1000;

export interface EventInboxOptions {
  store?: Store;
  logger: Logger;
  label: string;
  deliveryAttempts?: number;
}

/** What the inbox needs of the link and the node tracking around it. */
export interface EventInboxHooks {
  /** The welcomed Engine's id; null before the first welcome. */
  engineId(): string | null;
  heartbeat(event: HeartbeatEvent): void;
  sift(events: readonly EngineEvent[]): Sifted;
  /** Acknowledges the stream up to `seq`, if connected. */
  ack(stream: string, seq: number): void;
  /** Drops the connection so the Engine replays what is not acknowledged. */
  replay(why: string): void;
}

export interface InboxStats {
  events: number;
  duplicates: number;
  rejected: number;
  /** Events a listener still failed on when given them one by one: logged at error level and skipped by that listener. */
  skipped: number;
}

/**
 * Event intake of one Engine: envelopes in, batches out, each event once, by sequence
 * number against a cursor (persisted with each batch when there is a store).
 *
 * One failure policy: a batch whose handling fails (a listener throws, the store refuses it)
 * is not acknowledged, its cursor is not moved, and the link reconnects so the Engine replays
 * it. So that a listener that fails on every try cannot wedge the stream, the batch that failed
 * `deliveryAttempts` times in a row is then given to each listener one event at a time, each
 * in a savepoint of its own: every listener keeps each event it accepts, and each event a
 * listener still fails on is logged at error level (type, task, node, sequence number and
 * the error), skipped by that listener only, and counted in `stats().skipped`. The cursor
 * then moves on and the batch is acknowledged: nothing is lost without an error in the log.
 * The console's own ENGINE_LOST events follow the same policy, retried on a timer since no
 * Engine will replay them.
 */
export class EventInbox {
  private readonly delivery: EventDelivery;
  private readonly maxAttempts: number;
  private readonly inbox: unknown[] = [];
  private stream: string | null = null;
  private lastSeq = 0;
  /** The cursor a failing batch starts from, and how many times in a row it failed there. */
  private failure: { from: number; attempts: number } | null = null;
  private readonly consoleEvents: EngineEvent[] = [];
  private consoleAttempts = 0;
  private consoleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly counters: InboxStats = { events: 0, duplicates: 0, rejected: 0, skipped: 0 };

  constructor(
    private readonly options: EventInboxOptions,
    private readonly hooks: EventInboxHooks,
  ) {
    this.delivery = new EventDelivery(options.store);
    this.maxAttempts = Math.max(1, options.deliveryAttempts ?? DEFAULT_DELIVERY_ATTEMPTS);
  }

  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    return this.delivery.onEvents(listener);
  }

  stats(): InboxStats {
    return { ...this.counters };
  }

  /** At a welcome: a new stream starts from the stored cursor; acknowledges anything the Engine has not seen acknowledged. */
  follow(engineId: string, stream: string, ackedSeq: number): void {
    if (stream !== this.stream) {
      this.stream = stream;
      this.lastSeq = this.options.store ? loadCursor(this.options.store, engineId, stream) : 0;
      this.failure = null;
    }
    if (this.lastSeq > ackedSeq) this.hooks.ack(stream, this.lastSeq);
  }

  /**
   * Envelopes that arrive together (a burst read in one go) are ingested as one batch, in one
   * transaction, on the next turn of the event loop: fewer, larger transactions and index
   * flushes when an Engine is busy, and no added wait when it is not.
   */
  push(raw: unknown): void {
    this.inbox.push(raw);
    if (this.inbox.length === 1) setImmediate(() => this.drain());
  }

  /** Delivers events the console makes itself (ENGINE_LOST statuses); retried until delivered. */
  deliverConsoleEvents(events: EngineEvent[]): void {
    this.consoleEvents.push(...events);
    this.flushConsoleEvents();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.consoleTimer);
  }

  private drain(): void {
    const envelopes = this.inbox.splice(0);
    const engineId = this.hooks.engineId();
    if (engineId === null || this.closed || this.stream === null) {
      if (!this.closed) this.options.logger.warn(`${this.options.label}: ${envelopes.length} event envelopes before the welcome ignored`);
      return;
    }
    const events: EngineEvent[] = [];
    let lastSeq = this.lastSeq;
    let duplicates = 0;
    let rejected = 0;
    for (const raw of envelopes) {
      const intake = takeEnvelope(raw, this.stream, lastSeq, engineId, this.options.logger, this.options.label);
      if (!intake) continue;
      duplicates += intake.duplicates;
      rejected += intake.rejected;
      for (const event of intake.events) events.push(event);
      lastSeq = intake.lastSeq;
    }
    this.counters.duplicates += duplicates;
    if (lastSeq === this.lastSeq) {
      // Only replays of what is ingested: acknowledging again lets the Engine drop them.
      if (duplicates > 0) this.hooks.ack(this.stream, this.lastSeq);
      return;
    }
    for (const event of events) if (event.type === 'engine.heartbeat') this.hooks.heartbeat(event);
    const sifted = this.hooks.sift(events);
    const cursor = { engineId, stream: this.stream, seq: lastSeq };
    const attempts = this.failure?.from === this.lastSeq ? this.failure.attempts : 0;
    try {
      if (attempts < this.maxAttempts) this.delivery.deliver(sifted.events, cursor);
      else this.skip(this.delivery.deliverEachAlone(sifted.events, cursor), attempts);
    } catch (error) {
      // Not stored, not acknowledged: the Engine still holds the events; a reconnection replays them.
      this.failure = { from: this.lastSeq, attempts: attempts + 1 };
      this.options.logger.error(
        `${this.options.label}: a batch of ${sifted.events.length} events (after sequence number ${this.lastSeq}) could not be ingested, attempt ${attempts + 1}: ${errorText(error)}; not acknowledged, reconnecting to have it replayed`,
      );
      this.hooks.replay('a batch of events could not be ingested');
      return;
    }
    this.failure = null;
    sifted.commit();
    this.lastSeq = lastSeq;
    this.counters.rejected += rejected;
    this.counters.events += sifted.events.length;
    this.hooks.ack(this.stream, lastSeq);
  }

  private flushConsoleEvents(): void {
    clearTimeout(this.consoleTimer);
    if (this.closed || this.consoleEvents.length === 0) return;
    const events = this.consoleEvents.splice(0);
    try {
      if (this.consoleAttempts < this.maxAttempts) this.delivery.deliver(events, null);
      else this.skip(this.delivery.deliverEachAlone(events, null), this.consoleAttempts);
    } catch (error) {
      this.consoleEvents.unshift(...events);
      this.consoleAttempts++;
      this.options.logger.error(`${this.options.label}: ${events.length} lost-node events could not be delivered, attempt ${this.consoleAttempts}: ${errorText(error)}; retrying`);
      this.consoleTimer = setTimeout(() => this.flushConsoleEvents(), CONSOLE_EVENTS_RETRY_MS);
      return;
    }
    this.consoleAttempts = 0;
    this.counters.events += events.length;
  }

  /** Logs and counts the events a listener still failed on when given them one by one. */
  private skip(failed: Array<{ event: EngineEvent; error: unknown }>, attempts: number): void {
    for (const { event, error } of failed) {
      this.counters.skipped++;
      this.options.logger.error(`${this.options.label}: ${describe(event)} skipped by a listener that failed on it ${attempts + 1} times, last with: ${errorText(error)}`);
    }
  }
}

function describe(event: EngineEvent): string {
  if (event.type === 'engine.heartbeat') return 'a heartbeat';
  const where = event.taskId !== undefined ? ` of task ${event.taskId}, node ${event.nodeId ?? '?'} (batch ${event.batch ?? '?'})` : '';
  return `event ${event.seq ?? '(console)'} ${event.type}${where}`;
}
