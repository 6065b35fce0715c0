import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../../../src/renderer/src/monitor/tree/model/throttle';
import { changesTouchNode, describeFailure } from '../../../../../src/renderer/src/monitor/tree/model/control-outcome';
import { ApiError } from '../../../../../src/shared/api/errors';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then at most once per interval, always ending with a run after a burst', () => {
    const run = vi.fn();
    const throttled = throttle(run, 500);
    throttled.call();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(40);
      throttled.call();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    throttled.call();
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('drops a pending run when cancelled', () => {
    const run = vi.fn();
    const throttled = throttle(run, 500);
    throttled.call();
    throttled.call();
    throttled.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('control outcomes', () => {
  it('keeps the API error code and message, and a plain message otherwise', () => {
    expect(describeFailure(new ApiError('CONFLICT', 'node a is pending; only a running node can be stopped'))).toEqual({
      code: 'CONFLICT',
      message: 'node a is pending; only a running node can be stopped',
    });
    expect(describeFailure(new Error('socket closed'))).toEqual({ code: null, message: 'socket closed' });
    expect(describeFailure('odd')).toEqual({ code: null, message: 'odd' });
  });

  it('notices changes to one node of one task only', () => {
    const change = (taskId: string, nodeId: string) => ({ taskId, task: null, nodes: [{ nodeId, status: 'running' as const, batch: 1, progress: 0, errorCode: null, errorMessage: null, notBefore: null, startTime: 1, endTime: null }] });
    expect(changesTouchNode([change('1', 'a'), change('2', 'b')], '2', 'b')).toBe(true);
    expect(changesTouchNode([change('1', 'b')], '2', 'b')).toBe(false);
    expect(changesTouchNode([{ taskId: '2', task: null, nodes: [] }], '2', 'b')).toBe(false);
  });
});
