import { initialAnchor, simAt, type ClockAnchor } from '../shared/clock/clock-model';
import type { EngineClock } from '../shared/engine/protocol';

/** A task's exercise clock as an agent reads it. */
export interface AgentClock {
  /** Task time now, in simulation milliseconds (only differences mean anything to an agent). */
  now(): number;
  /**
   * Resolves once `simMs` of simulation time has passed, or sooner: when the clock changes (a
   * new rate or a resume shortens the wait; the caller reads `now()` again) or the signal aborts.
   */
  wait(simMs: number, signal: AbortSignal): Promise<void>;
}

interface TaskClock {
  anchor: ClockAnchor;
  listeners: Set<() => void>;
}

/**
 * The exercise clock of each task on this Engine, anchored on the Engine's own time when the
 * console sends it (startNode's `clock`, setClock). A task the console never sent a clock for
 * runs on real time.
 */
export class TaskClocks {
  private readonly clocks = new Map<string, TaskClock>();

  constructor(private readonly wallNow: () => number = Date.now) {}

  set(taskId: string, clock: EngineClock): void {
    const entry = this.entry(taskId);
    entry.anchor = { ...clock, wallMs: this.wallNow() };
    for (const listener of [...entry.listeners]) listener();
  }

  forget(taskId: string): void {
    this.clocks.delete(taskId);
  }

  of(taskId: string): AgentClock {
    return {
      now: () => simAt(this.entry(taskId).anchor, this.wallNow()),
      wait: (simMs, signal) => this.wait(taskId, simMs, signal),
    };
  }

  private entry(taskId: string): TaskClock {
    let entry = this.clocks.get(taskId);
    if (!entry) {
      entry = { anchor: initialAnchor(this.wallNow()), listeners: new Set() };
      this.clocks.set(taskId, entry);
    }
    return entry;
  }

  private wait(taskId: string, simMs: number, signal: AbortSignal): Promise<void> {
    const entry = this.entry(taskId);
    return new Promise((resolve) => {
      const timer = entry.anchor.paused ? undefined : setTimeout(done, Math.max(0, simMs / entry.anchor.rate));
      function done(): void {
        clearTimeout(timer);
        entry.listeners.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      }
      if (signal.aborted) return done();
      entry.listeners.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
