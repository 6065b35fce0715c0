export interface Throttled {
  /** Asks for a run: now if none ran within the interval, else once when it has passed. */
  (): void;
  cancel(): void;
}

/**
 * When the last run was; a throttle rebuilt for new inputs (a replay moment dragged along)
 * shares it with the one it replaces, so rebuilding never lets an extra run through.
 */
export interface ThrottleHistory {
  last: number;
}

export interface Timers {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `run` at most once per interval, leading and trailing: a burst of live events gives
 * one fetch at once and one after the burst, so the chart never misses the last change.
 */
export function throttle(run: () => void, intervalMs: number, timers: Timers = realTimers, history: ThrottleHistory = { last: -Infinity }): Throttled {
  let pending: unknown = null;
  const fire = () => {
    pending = null;
    history.last = timers.now();
    run();
  };
  const throttled = (() => {
    if (pending !== null) return;
    const wait = history.last + intervalMs - timers.now();
    if (wait <= 0) fire();
    else pending = timers.setTimeout(fire, wait);
  }) as Throttled;
  throttled.cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return throttled;
}
