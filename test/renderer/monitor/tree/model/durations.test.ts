import { describe, expect, it } from 'vitest';
import { isTicking, nodeDurationMs } from '../../../../../src/renderer/src/monitor/tree/model/durations';

describe('node durations', () => {
  it('runs from start to end, or to now while running, and is absent before a start', () => {
    expect(nodeDurationMs({ status: 'completed', startTime: 1000, endTime: 4500 }, 9999)).toBe(3500);
    expect(nodeDurationMs({ status: 'running', startTime: 1000, endTime: null }, 6000)).toBe(5000);
    expect(nodeDurationMs({ status: 'initializing', startTime: 1000, endTime: null }, 1500)).toBe(500);
    expect(nodeDurationMs({ status: 'pending', startTime: null, endTime: null }, 6000)).toBeNull();
    expect(nodeDurationMs({ status: 'skipped', startTime: null, endTime: 5000 }, 6000)).toBeNull();
    // Reset for a retry: ready again with the old start and no end does not tick.
    expect(nodeDurationMs({ status: 'ready', startTime: 1000, endTime: null }, 6000)).toBeNull();
    // A clock behind the start never shows a negative duration.
    expect(nodeDurationMs({ status: 'running', startTime: 7000, endTime: null }, 6000)).toBe(0);
  });

  it('ticks only for a started node that has not ended', () => {
    expect(isTicking({ status: 'running', startTime: 1, endTime: null })).toBe(true);
    expect(isTicking({ status: 'running', startTime: null, endTime: null })).toBe(false);
    expect(isTicking({ status: 'completed', startTime: 1, endTime: 2 })).toBe(false);
  });
});
