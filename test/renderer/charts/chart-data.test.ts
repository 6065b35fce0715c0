import { describe, expect, it } from 'vitest';
import type { ProgressPoint, ResourcePoint } from '../../../src/shared/api/resources';
import { buildChartData, progressRows } from '../../../src/renderer/src/charts/model/chart-data';
import { chartWindow } from '../../../src/renderer/src/charts/model/chart-window';

const sample = (time: number, cpuPercent: number, memoryBytes: number): ResourcePoint => ({ time, cpuPercent, cpuPercentMax: cpuPercent, memoryBytes, memoryBytesMax: memoryBytes });
const progress = (time: number, completedTotal: number, failedTotal: number, skippedTotal = 0): ProgressPoint => ({ time, completed: 0, failed: 0, skipped: 0, completedTotal, failedTotal, skippedTotal });

describe('chart data', () => {
  const sources = {
    task: { bucketMs: 10, points: [sample(100, 50, 1000), sample(110, 80, 2000)] },
    node: { bucketMs: 10, points: [sample(110, 30, 500)] },
    engines: [
      { engineId: 'engine.a', series: { bucketMs: 10, points: [sample(100, 5, 10)] } },
      { engineId: 'engine-b', series: { bucketMs: 10, points: [] } },
    ],
    progress: [progress(105, 1, 0), progress(115, 3, 1)],
  };

  it('lays task and node side by side, Engines under plain keys named by their ids', () => {
    const data = buildChartData(sources, { from: 100, to: 120 }, null);
    expect(data.cpu).toEqual([
      { time: 100, task: 50 },
      { time: 110, task: 80, node: 30 },
    ]);
    expect(data.memory[1]).toEqual({ time: 110, task: 2000, node: 500 });
    expect(data.engineKeys).toEqual([
      { key: 'engine0', label: 'engine.a' },
      { key: 'engine1', label: 'engine-b' },
    ]);
    expect(data.engineCpu).toEqual([{ time: 100, engine0: 5 }]);
    expect(data).toMatchObject({ hasTaskSamples: true, hasNodeSamples: true, hasEngineSamples: true, hasProgress: true });
  });

  it('shows only what had happened by the replay moment', () => {
    const data = buildChartData(sources, { from: 100, to: 108 }, 108);
    expect(data.cpu).toEqual([{ time: 100, task: 50 }]);
    expect(data.hasNodeSamples).toBe(false);
    expect(data.progress).toEqual([
      { time: 100, completed: 0, failed: 0, skipped: 0 },
      { time: 105, completed: 1, failed: 0, skipped: 0 },
      { time: 108, completed: 1, failed: 0, skipped: 0 },
    ]);
  });

  it('says when there is nothing to draw', () => {
    const data = buildChartData({ task: null, node: null, engines: [], progress: [] }, { from: 0, to: 1 }, null);
    expect(data).toMatchObject({ cpu: [], progress: [], hasTaskSamples: false, hasEngineSamples: false, hasProgress: false });
  });
});

describe('cumulative progress', () => {
  it('starts at zero and holds the last totals up to the window’s end', () => {
    expect(progressRows([progress(20, 2, 1, 3)], 10, 50)).toEqual([
      { time: 10, completed: 0, failed: 0, skipped: 0 },
      { time: 20, completed: 2, failed: 1, skipped: 3 },
      { time: 50, completed: 2, failed: 1, skipped: 3 },
    ]);
  });

  it('adds nothing when the points already reach both ends', () => {
    expect(progressRows([progress(10, 1, 0), progress(50, 2, 0)], 10, 50)).toHaveLength(2);
  });
});

describe('chart window', () => {
  const task = { createdAt: 1000, startTime: 2000, endTime: null };

  it('runs from the task’s start to now while live', () => {
    expect(chartWindow(task, null, 5000)).toEqual({ from: 2000, to: 5000, axisEnd: 5000 });
  });

  it('fetches up to the replay moment but keeps the axis to the end', () => {
    expect(chartWindow({ ...task, endTime: 9000 }, 4000, 20_000)).toEqual({ from: 2000, to: 4000, axisEnd: 9000 });
  });

  it('starts at creation for a task never started, and never gives an empty window', () => {
    expect(chartWindow({ createdAt: 1000, startTime: null, endTime: null }, null, 1000)).toEqual({ from: 1000, to: 1001, axisEnd: 1001 });
    expect(chartWindow(task, 500, 5000).to).toBe(2001);
  });
});
