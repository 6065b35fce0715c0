import { describe, expect, it } from 'vitest';
import { byteTicks, formatBytes, formatPercent, formatTick } from '../../../src/renderer/src/charts/model/format-units';

describe('memory units', () => {
  it('scales bytes to KB, MB, GB with about three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatBytes(12.34 * 1024 ** 2)).toBe('12.3 MB');
    expect(formatBytes(5 * 1024 ** 5)).toBe('5120 TB');
  });

  it('shows a dash for values that are not sizes', () => {
    expect(formatBytes(-1)).toBe('–');
    expect(formatBytes(Number.NaN)).toBe('–');
  });
});

describe('percentages', () => {
  it('keeps one decimal below 100', () => {
    expect(formatPercent(12.345)).toBe('12.3%');
    expect(formatPercent(250.6)).toBe('251%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('time axis', () => {
  const time = new Date(2026, 10, 22, 9, 5, 7).getTime();

  it('writes local time, with seconds only for short windows', () => {
    expect(formatTick(time, 60_000, 'en-GB')).toBe('09:05:07');
    expect(formatTick(time, 2 * 60 * 60 * 1000, 'en-GB')).toBe('09:05');
  });

  it('adds the date, month-day as the window writes dates, when the window spans days', () => {
    expect(formatTick(time, 3 * 24 * 60 * 60 * 1000, 'en-GB')).toBe('11-22 09:05');
    expect(formatTick(time, 3 * 24 * 60 * 60 * 1000, 'en-US')).toBe('11-22 09:05');
  });
});

describe('memory axis ticks', () => {
  const MB = 1024 ** 2;

  it('falls on round sizes in one unit', () => {
    expect(byteTicks(172 * MB)).toEqual({ ticks: [0, 50 * MB, 100 * MB, 150 * MB, 200 * MB], top: 200 * MB });
    expect(byteTicks(3.2 * 1024 * MB).ticks.map(formatBytes)).toEqual(['0 B', '1 GB', '2 GB', '3 GB', '4 GB']);
  });

  it('covers the largest value with a handful of ticks', () => {
    for (const max of [1, 700, 5000, 123 * MB, 9.9 * 1024 * MB]) {
      const { ticks, top } = byteTicks(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)).toBe(top);
    }
  });

  it('gives a small default axis when there is nothing to show', () => {
    expect(byteTicks(0)).toEqual({ ticks: [0, 1024], top: 1024 });
  });
});
