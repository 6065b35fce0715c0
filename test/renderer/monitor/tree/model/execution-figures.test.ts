import { describe, expect, it } from 'vitest';
import { executionFigures, oneDecimal } from '../../../../../src/renderer/src/monitor/tree/model/execution-figures';
import { execution } from '../../replay/fixtures';

const duration = (ms: number) => `${ms} ms`;

describe('figures of an execution in the node detail', () => {
  it('gives queue time, CPU and memory with one decimal, and a container its managed nodes', () => {
    const agent = execution('a', 1, { queueTimeMs: 250, cpuPeak: 30.04, cpuMean: 12.345, memoryPeakMb: 300, memoryMeanMb: 199.96 });
    expect(executionFigures(agent, duration)).toEqual([
      { key: 'queued', values: { duration: '250 ms' } },
      { key: 'cpu', values: { peak: '30', mean: '12.3' } },
      { key: 'memory', values: { peak: '300', mean: '200' } },
    ]);
    const container = execution('box', 1, { managedNodesTotal: 5, managedNodesCompleted: 3 });
    expect(executionFigures(container, duration)).toEqual([{ key: 'managed', values: { total: 5, completed: 3 } }]);
  });

  it('leaves out what an execution has no figure for', () => {
    expect(executionFigures(execution('a', 1), duration)).toEqual([]);
    expect(oneDecimal(0.04)).toBe('0');
  });
});
