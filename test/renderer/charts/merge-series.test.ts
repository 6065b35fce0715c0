import { describe, expect, it } from 'vitest';
import { maxValue, mergeSeries, upTo } from '../../../src/renderer/src/charts/model/merge-series';

describe('merging series on one time axis', () => {
  it('puts each series in its own column, rows in time order', () => {
    const rows = mergeSeries(
      [
        { key: 'task', points: [{ time: 20, v: 2 }, { time: 10, v: 1 }] },
        { key: 'node', points: [{ time: 10, v: 5 }, { time: 30, v: 6 }] },
      ],
      (point) => point.v,
    );
    expect(rows).toEqual([
      { time: 10, task: 1, node: 5 },
      { time: 20, task: 2 },
      { time: 30, node: 6 },
    ]);
  });

  it('gives no rows for no points', () => {
    expect(mergeSeries([{ key: 'a', points: [] }], () => 1)).toEqual([]);
  });
});

describe('cutting at the replay moment', () => {
  const points = [{ time: 1 }, { time: 5 }, { time: 9 }];

  it('keeps points at or before the moment', () => {
    expect(upTo(points, 5)).toEqual([{ time: 1 }, { time: 5 }]);
  });

  it('keeps everything while live', () => {
    expect(upTo(points, null)).toEqual(points);
  });
});

describe('largest value', () => {
  it('looks only at the given columns', () => {
    expect(maxValue([{ time: 1, a: 3, b: 9 }, { time: 2, a: 5 }], ['a'])).toBe(5);
    expect(maxValue([], ['a'])).toBe(0);
  });
});
