import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressSeries, resourceSeries } from '../../../../src/main/core/resources/series';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

let store: Store;
let taskId: string;

beforeEach(async () => {
  store = await openTestStore();
  taskId = insertTask(store);
  insertNode(store, taskId, 'root', { type: 'container' });
  insertNode(store, taskId, 'a', { parent: 'root' });
  insertNode(store, taskId, 'b', { parent: 'root' });
  const insert = store.db.prepare(
    `INSERT INTO resource_sample (task_id, node_id, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, ?, 'e1', ?, ?, ?)`,
  );
  const host = store.db.prepare(`INSERT INTO resource_sample (engine_id, cpu_percent, memory_bytes, sample_time) VALUES ('e1', ?, ?, ?)`);
  store.transaction(() => {
    for (let t = 0; t < 10_000; t++) {
      insert.run(BigInt(taskId), 'a', t === 5_000 ? 95 : 10, 1000, t);
      insert.run(BigInt(taskId), 'b', 20, 3000, t);
      if (t % 10 === 0) host.run(50, 8_000_000, t);
    }
  });
});
afterEach(() => store.close());

describe('resource series', () => {
  it('fit the point budget, keeping the mean and the peak of each bucket', () => {
    const series = resourceSeries(store, { scope: 'node', taskId, nodeId: 'a', points: 100 });
    expect(series.bucketMs).toBe(100);
    expect(series.points).toHaveLength(100);
    expect(Math.max(...series.points.map((point) => point.cpuPercentMax))).toBe(95);
    const spiked = series.points.find((point) => point.time === 5000)!;
    expect(spiked.cpuPercent).toBeCloseTo(10.85, 5);
    expect(series.points.every((point) => point.memoryBytes === 1000)).toBe(true);
  });

  it('sum the nodes of a task, and read an Engine host on its own', () => {
    const task = resourceSeries(store, { scope: 'task', taskId, points: 10 });
    expect(task.points).toHaveLength(10);
    expect(task.points[0]).toMatchObject({ time: 0, cpuPercent: 30, memoryBytes: 4000 });
    const engine = resourceSeries(store, { scope: 'engine', engineId: 'e1', points: 50 });
    expect(engine.points).toHaveLength(50);
    expect(engine.points[0]).toMatchObject({ cpuPercent: 50, memoryBytes: 8_000_000 });
  });

  it('honour a time window and come back empty when there is nothing', () => {
    const window = resourceSeries(store, { scope: 'node', taskId, nodeId: 'b', from: 2000, to: 2999, points: 10 });
    expect(window.points.map((point) => point.time)).toEqual([2000, 2100, 2200, 2300, 2400, 2500, 2600, 2700, 2800, 2900]);
    expect(resourceSeries(store, { scope: 'node', taskId, nodeId: 'nobody' })).toEqual({ bucketMs: 0, points: [] });
    expect(() => resourceSeries(store, { scope: 'node', taskId, nodeId: 'a', points: 1_000_000 })).toThrow(/points/);
  });
});

describe('progress series', () => {
  it('count nodes ending per bucket (completed, failed, skipped) with running totals', () => {
    const insert = store.db.prepare(
      `INSERT INTO node_state_transition (task_id, node_id, from_status, to_status, trigger_type, created_at) VALUES (?, ?, 'running', ?, 'system', ?)`,
    );
    insert.run(BigInt(taskId), 'a', 'completed', 100);
    insert.run(BigInt(taskId), 'b', 'failed', 150);
    insertNode(store, taskId, 'c', { parent: 'root' });
    insert.run(BigInt(taskId), 'c', 'skipped', 890);
    insert.run(BigInt(taskId), 'a', 'completed', 900);
    const series = progressSeries(store, { taskId, points: 4 });
    expect(series.bucketMs).toBe(201);
    expect(series.points).toEqual([
      { time: 100, completed: 1, failed: 1, skipped: 0, completedTotal: 1, failedTotal: 1, skippedTotal: 0 },
      { time: 703, completed: 1, failed: 0, skipped: 1, completedTotal: 2, failedTotal: 1, skippedTotal: 1 },
    ]);
  });
});
