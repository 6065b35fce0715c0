import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../../src/renderer/src/charts/model/time-ticks';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('time axis ticks', () => {
  it('falls on round times across the whole window', () => {
    const ticks = timeTicks(at('2026-11-22T22:43:54Z'), at('2026-11-22T22:44:13Z'), 600, 0);
    expect(ticks.map((tick) => new Date(tick).toISOString().slice(11, 19))).toEqual(['22:43:55', '22:44:00', '22:44:05', '22:44:10']);
  });

  it('puts fewer labels on a narrow chart', () => {
    const from = at('2026-11-22T10:00:00Z');
    expect(timeTicks(from, from + 60 * MINUTE, 1200, 0).length).toBeGreaterThan(timeTicks(from, from + 60 * MINUTE, 300, 0).length);
    for (const width of [200, 500, 1200]) expect(timeTicks(from, from + 60 * MINUTE, width, 0).length).toBeLessThanOrEqual(Math.max(2, Math.floor(width / 90)) + 1);
  });

  it('puts hour ticks on local hours', () => {
    const offset = 5.5 * 60 * MINUTE;
    const ticks = timeTicks(at('2026-11-22T00:10:00Z'), at('2026-11-22T12:00:00Z'), 400, offset);
    for (const tick of ticks) expect((tick + offset) % (60 * MINUTE)).toBe(0);
  });

  it('spans days with day steps', () => {
    const from = at('2026-11-01T00:00:00Z');
    const ticks = timeTicks(from, from + 30 * 24 * 60 * MINUTE, 300, 0);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(4);
  });

  it('gives none for an empty window or no room', () => {
    expect(timeTicks(10, 10, 500)).toEqual([]);
    expect(timeTicks(0, 1000, 0)).toEqual([]);
  });
});
