import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from '../../../src/renderer/src/common/throttle';

function fakeTimers() {
  let now = 0;
  const queue = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (run, ms) => {
      queue.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => queue.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [handle, timer] of [...queue]) {
      if (timer.at <= now) {
        queue.delete(handle);
        timer.run();
      }
    }
  };
  return { timers, advance, pending: () => queue.size };
}

describe('throttle', () => {
  it('runs at once, then once more after a burst, never twice within the interval', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const refetch = throttle(() => runs++, 1000, timers);
    refetch();
    expect(runs).toBe(1);
    for (let i = 0; i < 20; i++) {
      advance(10);
      refetch();
    }
    expect(runs).toBe(1);
    advance(799);
    expect(runs).toBe(1);
    advance(1);
    expect(runs).toBe(2);
    advance(5000);
    expect(runs).toBe(2);
  });

  it('drops the trailing run when cancelled', () => {
    const { timers, advance, pending } = fakeTimers();
    let runs = 0;
    const refetch = throttle(() => runs++, 1000, timers);
    refetch();
    refetch();
    refetch.cancel();
    expect(pending()).toBe(0);
    advance(2000);
    expect(runs).toBe(1);
  });

  it('shares its last run with the throttle that replaces it', () => {
    const { timers, advance } = fakeTimers();
    const history = { last: -Infinity };
    let runs = 0;
    throttle(() => runs++, 1000, timers, history)();
    advance(100);
    const next = throttle(() => runs++, 1000, timers, history);
    next();
    expect(runs).toBe(1);
    advance(900);
    expect(runs).toBe(2);
  });
});
