import { describe, expect, it } from 'vitest';
import { throttle, type Clock } from '../../../../src/renderer/src/monitor/timeline/throttle';

function fakeClock() {
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = ++ids;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (handle) => {
      const i = timers.findIndex((timer) => timer.id === handle);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers].filter((entry) => entry.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { clock, advance, pending: () => timers.length };
}

describe('throttle', () => {
  it('runs the first trigger at once and folds a burst into one trailing run', () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    const throttled = throttle(() => runs++, 1000, clock);
    throttled.trigger();
    expect(runs).toBe(1);
    for (let i = 0; i < 20; i++) {
      advance(30);
      throttled.trigger();
    }
    expect(runs).toBe(1);
    advance(1000);
    expect(runs).toBe(2);
    advance(5000);
    throttled.trigger();
    expect(runs).toBe(3);
  });

  it('runs nothing more once cancelled', () => {
    const { clock, advance, pending } = fakeClock();
    let runs = 0;
    const throttled = throttle(() => runs++, 1000, clock);
    throttled.trigger();
    throttled.trigger();
    throttled.cancel();
    expect(pending()).toBe(0);
    advance(2000);
    expect(runs).toBe(1);
  });
});
