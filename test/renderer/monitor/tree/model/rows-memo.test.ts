import { describe, expect, it } from 'vitest';
import { createRowsMemo } from '../../../../../src/renderer/src/monitor/tree/model/rows-memo';
import { statusCounts } from '../../../../../src/renderer/src/monitor/tree/model/status-counts';
import { sampleNodes } from '../fixtures';

describe('rows memo', () => {
  it('recomputes only when the version, the collapsed set or the filter changes', () => {
    const memo = createRowsMemo();
    const collapsed = new Set<string>();
    const filter = { statuses: new Set<never>(), search: '' };
    const first = memo(sampleNodes(), collapsed, filter);
    // A new object at the same version is the same nodes.
    expect(memo(sampleNodes(), collapsed, filter)).toBe(first);
    const newer = memo({ ...sampleNodes(), version: 2 }, collapsed, filter);
    expect(newer).not.toBe(first);
    expect(memo({ ...sampleNodes(), version: 2 }, new Set(['red']), filter)).not.toBe(newer);
  });
});

describe('status counts', () => {
  it('counts the nodes in each status', () => {
    const counts = statusCounts(sampleNodes());
    expect(Object.fromEntries(counts)).toEqual({ running: 4, failed: 1, completed: 1, waiting: 2, pending: 1 });
  });
});
