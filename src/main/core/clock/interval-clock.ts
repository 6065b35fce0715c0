/** The clock of a service that checks on a period (alerts, backups): real by default, a fake one in tests. */
export interface IntervalClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Its timers are unref'd: a periodic check never keeps the process alive by itself. */
export const systemIntervalClock: IntervalClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};
