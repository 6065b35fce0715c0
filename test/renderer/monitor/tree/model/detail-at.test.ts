import { describe, expect, it } from 'vitest';
import { detailAt } from '../../../../../src/renderer/src/monitor/tree/model/detail-at';
import type { ExecutionView, NodeDetail, TransitionView } from '../../../../../src/shared/task/views';
import { execution as executionView } from '../../replay/fixtures';
import { nodeView } from '../fixtures';

function execution(batch: number, startTime: number | null, endTime: number | null = null): ExecutionView {
  const durationMs = endTime === null || startTime === null ? null : endTime - startTime;
  return executionView('a', batch, { executionId: String(batch), engineId: null, status: 'failed', exitCode: 1, errorCode: 'BOOM', errorMessage: 'boom', startTime, endTime, durationMs, cpuPeak: 50, memoryMeanMb: 12 });
}

function transition(id: string, time: number): TransitionView {
  return { transitionId: id, nodeId: 'a', batch: 1, from: null, to: 'ready', reason: null, trigger: 'system', operator: null, time };
}

describe('detail at a replay moment', () => {
  const detail: NodeDetail = { node: nodeView('a', null, 0, 'agent'), executions: [execution(1, 100, 240), execution(2, 300), execution(3, null)], transitions: [transition('1', 50), transition('2', 200), transition('3', 400)], placements: [], assignees: [] };

  it('keeps everything live and only the past while replaying', () => {
    expect(detailAt(detail, null)).toBe(detail);
    const past = detailAt(detail, 250);
    expect(past.executions.map((each) => each.batch)).toEqual([1]);
    expect(past.executions[0]).toMatchObject({ status: 'failed', errorCode: 'BOOM', durationMs: 140, cpuPeak: 50, memoryMeanMb: 12 });
    expect(past.transitions.map((each) => each.transitionId)).toEqual(['1', '2']);
  });

  it('shows an execution that ended after the moment as still running, without its outcome', () => {
    const during = detailAt(detail, 200);
    expect(during.executions[0]).toMatchObject({ status: 'running', errorCode: null, errorMessage: null, exitCode: null, endTime: null, durationMs: null, cpuPeak: null, memoryMeanMb: null });
  });
});
