import type { EngineEvent } from '../../../shared/engine/protocol';
import type { Store } from '../store/store';
import { saveCursor } from './cursor-store';

type Listener = (events: EngineEvent[]) => void;

/** Where an Engine's event stream stands once an event batch is ingested; stored with it. */
export interface StreamCursor {
  engineId: string;
  stream: string;
  seq: number;
}

/**
 * Hands event batches to the listeners. With a store, the cursor and every listener's work
 * are one transaction: a listener that throws rolls the whole batch back, cursor included,
 * and `deliver` throws, so the caller can leave the batch unacknowledged and have it
 * replayed. Without a store nothing can be rolled back: listeners that did not throw have
 * seen the batch and will see it again when it is replayed.
 */
export class EventDelivery {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly store: Store | undefined) {}

  onEvents(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers the batch as a whole; throws, with nothing kept, when a listener or the cursor write fails. */
  deliver(eventBatch: EngineEvent[], cursor: StreamCursor | null): void {
    this.inTransaction(() => {
      this.saveCursor(cursor);
      if (eventBatch.length > 0) this.callListeners(eventBatch);
    });
  }

  /**
   * Delivers each event to each listener on its own (a savepoint each, with a store) and
   * returns the events some listener still fails on, with its error; every listener keeps
   * what it accepted, and the cursor is kept. Throws only when the cursor cannot be written.
   */
  deliverEachAlone(eventBatch: EngineEvent[], cursor: StreamCursor | null): Array<{ event: EngineEvent; error: unknown }> {
    const failed: Array<{ event: EngineEvent; error: unknown }> = [];
    this.inTransaction(() => {
      this.saveCursor(cursor);
      for (const event of eventBatch) {
        let error: unknown = null;
        for (const listener of [...this.listeners]) {
          try {
            this.inTransaction(() => listener([event]));
          } catch (thrown) {
            error ??= thrown;
          }
        }
        if (error !== null) failed.push({ event, error });
      }
    });
    return failed;
  }

  private callListeners(eventBatch: EngineEvent[]): void {
    for (const listener of [...this.listeners]) listener(eventBatch);
  }

  private saveCursor(cursor: StreamCursor | null): void {
    if (this.store && cursor) saveCursor(this.store, cursor.engineId, cursor.stream, cursor.seq, Date.now());
  }

  private inTransaction(work: () => void): void {
    if (this.store) this.store.transaction(work);
    else work();
  }
}
