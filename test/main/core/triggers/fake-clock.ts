import type { Clock } from '../../../../src/main/core/scheduler/timers';

/** A clock the test moves: timers due by the new time run in order of their due time. */
export function fakeClock(start: number): Clock & { set(at: number): void } {
  let now = start;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const handle = next++;
      timers.push({ at: now + ms, callback, handle });
      return handle;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
    set(at) {
      now = at;
      const due = timers.filter((timer) => timer.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.callback();
    },
  };
}
