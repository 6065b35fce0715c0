import type { ConsoleEventName, ConsoleEventPayload, ConsoleEvents } from '../../../shared/api/contract';

/**
 * Fan-out of the console's event streams to every subscriber (the Electron window, browser
 * sessions of the headless host, the CLI). A throwing listener is reported and does not stop
 * the others.
 */
export class EventHub implements ConsoleEvents {
  private readonly listeners = new Map<ConsoleEventName, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error('event listener failed:', error)) {}

  subscribe<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends ConsoleEventName>(event: E, payload: ConsoleEventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (payload: ConsoleEventPayload<E>) => void)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  listenerCount(event: ConsoleEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
