import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMotionMarker } from '../../../src/renderer/src/common/motion-marker';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('motion marker', () => {
  it('marks a gesture moving once, and still once it has been quiet for the settle time', () => {
    const marks: boolean[] = [];
    const marker = createMotionMarker((moving) => marks.push(moving), 200);
    marker.moved();
    for (let frame = 0; frame < 30; frame++) {
      vi.advanceTimersByTime(16);
      marker.moved();
    }
    expect(marks).toEqual([true]);
    vi.advanceTimersByTime(199);
    expect(marks).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(marks).toEqual([true, false]);
    marker.moved();
    expect(marks).toEqual([true, false, true]);
  });

  it('marks a moving view still when disposed, and does nothing more after', () => {
    const marks: boolean[] = [];
    const marker = createMotionMarker((moving) => marks.push(moving), 200);
    marker.dispose();
    expect(marks).toEqual([]);
    marker.moved();
    marker.dispose();
    vi.advanceTimersByTime(1000);
    expect(marks).toEqual([true, false]);
  });
});
