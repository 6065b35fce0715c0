import { describe, expect, it } from 'vitest';
import { availableTaskControls } from '../../../../src/renderer/src/monitor/task-controls/available-task-controls';

const controls = (status: Parameters<typeof availableTaskControls>[0]['status'], failedNodes = 0) => [...availableTaskControls({ status, failedNodes })].sort();

describe('task controls', () => {
  it('offers what the task state machine allows from each status', () => {
    expect(controls('pending')).toEqual(['start', 'stop']);
    expect(controls('running')).toEqual(['pause', 'stop']);
    expect(controls('paused')).toEqual(['resume', 'stop']);
    expect(controls('completed')).toEqual([]);
    expect(controls('stopped')).toEqual([]);
  });

  it('offers retrying failed nodes only when some failed and the task can run again', () => {
    expect(controls('failed', 2)).toEqual(['retryFailed']);
    expect(controls('running', 1)).toEqual(['pause', 'retryFailed', 'stop']);
    expect(controls('pending', 1)).toEqual(['start', 'stop']);
    expect(controls('failed', 0)).toEqual([]);
  });
});
