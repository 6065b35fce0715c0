import { describe, expect, it } from 'vitest';
import { agentRows, executionsByNode, executionsCursor, isLive, mergeExecutions, rowBars, timelineSpan } from '../../../../src/renderer/src/monitor/timeline/timeline-model';
import { execution, nodeView, taskDetail, taskNodes } from '../replay/fixtures';

const executions = [
  execution('a', 2, { status: 'completed', startTime: 25, endTime: 30 }),
  execution('a', 1, { status: 'failed', startTime: 12, endTime: 20, engineId: 'engine-2' }),
  execution('b', 1, { status: 'running', startTime: 31, endTime: null }),
  execution('c', 1, { status: 'pending', startTime: null, endTime: null }),
];

describe('timeline model', () => {
  it('has a row per agent in tree order', () => {
    const nodes = taskNodes([nodeView('root', { nodeType: 'container' }), nodeView('a'), nodeView('box', { nodeType: 'container' }), nodeView('b'), nodeView('c')]);
    expect(agentRows(nodes)).toEqual(['a', 'b', 'c']);
  });

  it('draws each attempt as its own bar in the same row, in batch order', () => {
    const byNode = executionsByNode(executions);
    expect(byNode.get('a')?.map((entry) => entry.batch)).toEqual([1, 2]);
    expect(rowBars(byNode.get('a'), 100)).toEqual([
      { nodeId: 'a', batch: 1, start: 12, end: 20, status: 'failed', open: false, engineId: 'engine-2' },
      { nodeId: 'a', batch: 2, start: 25, end: 30, status: 'completed', open: false, engineId: 'engine-1' },
    ]);
    expect(rowBars(byNode.get('c'), 100)).toEqual([]);
    expect(rowBars(undefined, 100)).toEqual([]);
  });

  it('draws a running attempt up to the moment shown', () => {
    expect(rowBars(executionsByNode(executions).get('b'), 50)).toEqual([{ nodeId: 'b', batch: 1, start: 31, end: 50, status: 'running', open: true, engineId: 'engine-1' }]);
  });

  it('cuts history at a replayed moment: later attempts vanish, an attempt that ended later is still running', () => {
    const bars = rowBars(executionsByNode(executions).get('a'), 15);
    expect(bars).toEqual([{ nodeId: 'a', batch: 1, start: 12, end: 15, status: 'running', open: true, engineId: 'engine-2' }]);
  });

  it('spans the run, growing to now while live, keeping the whole run while replaying', () => {
    const task = taskDetail({ startTime: 10, endTime: null, status: 'running' });
    expect(timelineSpan(task, executions, 60)).toEqual({ start: 10, end: 60 });
    expect(timelineSpan(taskDetail({ startTime: 10, endTime: 40 }), executions, null)).toEqual({ start: 10, end: 40 });
    expect(timelineSpan(taskDetail({ startTime: 10, endTime: null, status: 'running' }), executions, 15)).toEqual({ start: 10, end: 31 });
    expect(timelineSpan(taskDetail({ startTime: null, endTime: null, createdAt: 3 }), [], null)).toEqual({ start: 3, end: 3 });
  });

  it('moves the now line only while following a task that is still going', () => {
    expect(isLive({ status: 'running' }, null)).toBe(true);
    expect(isLive({ status: 'paused' }, null)).toBe(true);
    expect(isLive({ status: 'completed' }, null)).toBe(false);
    expect(isLive({ status: 'running' }, 5)).toBe(false);
  });

  it('merges the executions written since the last answer in place of their older copies, in id order', () => {
    const first = [execution('a', 1, { executionId: '9', status: 'running', updatedAt: 100 }), execution('b', 1, { executionId: '10', status: 'running', updatedAt: 120 })];
    expect(executionsCursor(first, null)).toBe(120);
    const since = [execution('a', 1, { executionId: '9', status: 'failed', updatedAt: 130 }), execution('a', 2, { executionId: '11', status: 'running', updatedAt: 130 })];
    const merged = mergeExecutions(first, since);
    expect(merged.map((each) => [each.executionId, each.status])).toEqual([
      ['9', 'failed'],
      ['10', 'running'],
      ['11', 'running'],
    ]);
    expect(executionsCursor(since, 120)).toBe(130);
    expect(executionsCursor([], 120)).toBe(120);
    expect(mergeExecutions(merged, [])).toBe(merged);
  });
});
