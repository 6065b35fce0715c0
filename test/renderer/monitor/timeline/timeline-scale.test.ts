import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisTicks, clockLabel, fitWindow, MIN_SPAN_MS, panWindow, timeToX, xToTime, zoomWindow } from '../../../../src/renderer/src/monitor/timeline/timeline-scale';

const WINDOW = { from: 1_000_000, to: 1_060_000 };

describe('timeline scale', () => {
  it('maps time to pixels and back', () => {
    expect(timeToX(1_030_000, WINDOW, 600)).toBe(300);
    expect(xToTime(150, WINDOW, 600)).toBe(1_015_000);
    expect(timeToX(5, { from: 5, to: 5 }, 600)).toBe(0);
  });

  it('fits a run with a margin either side, and a very short run to at least a second', () => {
    expect(fitWindow(0, 100_000)).toEqual({ from: -2000, to: 102_000 });
    const short = fitWindow(0, 10);
    expect(short.to - short.from).toBeGreaterThanOrEqual(1000);
  });

  it('zooms around an anchor that stays where it is on screen', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (factor, share) => {
        const anchor = WINDOW.from + share * (WINDOW.to - WINDOW.from);
        const zoomed = zoomWindow(WINDOW, factor, anchor, WINDOW);
        expect(timeToX(anchor, zoomed, 600)).toBeCloseTo(timeToX(anchor, WINDOW, 600), 6);
        expect(zoomed.to - zoomed.from).toBeGreaterThanOrEqual(MIN_SPAN_MS);
        expect(zoomed.to - zoomed.from).toBeLessThanOrEqual((WINDOW.to - WINDOW.from) * 10);
      }),
    );
    const tight = zoomWindow(WINDOW, 1e9, 1_030_000, WINDOW);
    expect(tight.to - tight.from).toBe(MIN_SPAN_MS);
  });

  it('pans without losing the run from sight', () => {
    expect(panWindow(WINDOW, 6000, WINDOW)).toEqual({ from: 1_006_000, to: 1_066_000 });
    const far = panWindow(WINDOW, 10_000_000, WINDOW);
    expect(far.from).toBeLessThan(WINDOW.to);
    const back = panWindow(WINDOW, -10_000_000, WINDOW);
    expect(back.to).toBeGreaterThan(WINDOW.from);
  });

  it('puts ticks at round steps with room between them', () => {
    const ticks = axisTicks(WINDOW, 600);
    expect(ticks.length).toBeGreaterThan(2);
    const step = ticks[1]!.time - ticks[0]!.time;
    expect([10_000, 15_000]).toContain(step);
    for (const [i, tick] of ticks.entries()) {
      expect(tick.x).toBeGreaterThanOrEqual(0);
      expect(tick.x).toBeLessThanOrEqual(600);
      if (i > 0) expect(tick.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(90);
      expect(new Date(tick.time).getSeconds() % 5).toBe(0);
    }
    expect(axisTicks(WINDOW, 0)).toEqual([]);
  });

  it('labels ticks with the clock, as precisely as the step needs', () => {
    const time = new Date(2026, 10, 22, 9, 5, 7, 250).getTime();
    expect(clockLabel(time, 60_000)).toBe('09:05');
    expect(clockLabel(time, 5000)).toBe('09:05:07');
    expect(clockLabel(time, 100)).toBe('09:05:07.250');
  });
});
