import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createViewMotion } from '../../../src/renderer/src/common/view-motion';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('view motion', () => {
  it('tells what mounts while the view moves when it has settled, and what mounts at rest at once', () => {
    const marks: boolean[] = [];
    const motion = createViewMotion(200, (moving) => marks.push(moving));
    const atRest = vi.fn();
    motion.onSettle(atRest);
    expect(atRest).toHaveBeenCalledTimes(1);

    motion.marker.moved();
    expect(motion.moving).toBe(true);
    const first = vi.fn();
    const second = vi.fn();
    motion.onSettle(first);
    const unsubscribe = motion.onSettle(second);
    unsubscribe();
    vi.advanceTimersByTime(150);
    motion.marker.moved();
    vi.advanceTimersByTime(199);
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(motion.moving).toBe(false);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(marks).toEqual([true, false]);

    motion.marker.moved();
    vi.advanceTimersByTime(500);
    expect(first).toHaveBeenCalledTimes(1);
  });
});
