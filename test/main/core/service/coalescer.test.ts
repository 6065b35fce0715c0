import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from '../../../../src/main/core/service/coalescer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('change coalescer', () => {
  it('sends the newest value per key, at most once per interval', () => {
    const batches: string[][] = [];
    const coalescer = createCoalescer<string, string>(40, (batch) => batches.push(batch));
    for (let i = 0; i < 1000; i++) coalescer.add(`node-${i % 10}`, `node-${i % 10}@${i}`);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(10);
    expect(batches[0]).toContain('node-3@993');
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(1);
  });

  it('keeps up with a steady stream at a few dozen batches a second', () => {
    let batches = 0;
    const coalescer = createCoalescer<number, number>(40, () => batches++);
    for (let ms = 0; ms < 1000; ms++) {
      coalescer.add(ms % 7, ms);
      vi.advanceTimersByTime(1);
    }
    expect(batches).toBeGreaterThanOrEqual(24);
    expect(batches).toBeLessThanOrEqual(26);
  });

  it('flushes on demand and drops everything when closed', () => {
    const batches: number[][] = [];
    const coalescer = createCoalescer<number, number>(40, (batch) => batches.push(batch));
    coalescer.add(1, 1);
    coalescer.flush();
    expect(batches).toEqual([[1]]);
    coalescer.add(2, 2);
    coalescer.close();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[1]]);
  });
});
