import {
  progressQuerySchema,
  resourceQuerySchema,
  type ProgressQuery,
  type ProgressSeries,
  type ResourceQuery,
  type ResourceSeries,
} from '../../../shared/api/resources';
import type { Store } from '../store/store';

interface Window {
  from: number;
  to: number;
  bucketMs: number;
}

/** Buckets wide enough that the window fits the point budget; never narrower than 1 ms. */
function windowOf(store: Store, bounds: string, params: unknown[], from: number | undefined, to: number | undefined, points: number): Window | null {
  const [min, max] = store.db.prepare(bounds).raw().get(...params) as [bigint | null, bigint | null];
  if (min === null || max === null) return null;
  const start = from ?? Number(min);
  const end = to ?? Number(max);
  return { from: start, to: end, bucketMs: Math.max(1, Math.ceil((end - start + 1) / points)) };
}

/**
 * Downsamples resource samples in SQL: each bucket carries the mean and the peak, so a short
 * spike still shows on a chart of a whole day.
 */
export function resourceSeries(store: Store, input: ResourceQuery): ResourceSeries {
  const query = resourceQuerySchema.parse(input);
  const [filter, params] =
    query.scope === 'node'
      ? ['task_id = ? AND node_id = ?', [BigInt(query.taskId), query.nodeId]]
      : query.scope === 'task'
        ? ['task_id = ?', [BigInt(query.taskId)]]
        : ['engine_id = ? AND task_id IS NULL', [query.engineId]];
  const window = windowOf(store, `SELECT min(sample_time), max(sample_time) FROM resource_sample WHERE ${filter}`, params, query.from, query.to, query.points);
  if (!window) return { bucketMs: 0, points: [] };
  const bucket = `((sample_time - ${window.from}) / ${window.bucketMs})`;
  // A task's figure is the sum over its nodes of each node's mean in the bucket.
  const perNode =
    query.scope === 'task'
      ? `SELECT ${bucket} AS b, node_id, avg(cpu_percent) AS cpu, max(cpu_percent) AS cpu_max, avg(memory_bytes) AS mem, max(memory_bytes) AS mem_max
         FROM resource_sample WHERE ${filter} AND sample_time BETWEEN ? AND ? GROUP BY b, node_id`
      : `SELECT ${bucket} AS b, cpu_percent AS cpu, cpu_percent AS cpu_max, memory_bytes AS mem, memory_bytes AS mem_max
         FROM resource_sample WHERE ${filter} AND sample_time BETWEEN ? AND ?`;
  const aggregate =
    query.scope === 'task'
      ? 'sum(cpu) AS cpu, sum(cpu_max) AS cpu_max, sum(mem) AS mem, sum(mem_max) AS mem_max'
      : 'avg(cpu) AS cpu, max(cpu_max) AS cpu_max, avg(mem) AS mem, max(mem_max) AS mem_max';
  const rows = store.db
    .prepare(`SELECT b, ${aggregate} FROM (${perNode}) GROUP BY b ORDER BY b`)
    .raw()
    .all(...params, window.from, window.to) as Array<[bigint, number, number, number, number]>;
  return {
    bucketMs: window.bucketMs,
    points: rows.map(([b, cpu, cpuMax, mem, memMax]) => ({
      time: window.from + Number(b) * window.bucketMs,
      cpuPercent: Number(cpu),
      cpuPercentMax: Number(cpuMax),
      memoryBytes: Math.round(Number(mem)),
      memoryBytesMax: Number(memMax),
    })),
  };
}

/** Nodes completed, failed and skipped over time, from the stored transitions. */
export function progressSeries(store: Store, input: ProgressQuery): ProgressSeries {
  const query = progressQuerySchema.parse(input);
  const filter = `task_id = ? AND to_status IN ('completed', 'failed', 'skipped')`;
  const params = [BigInt(query.taskId)];
  const window = windowOf(store, `SELECT min(created_at), max(created_at) FROM node_state_transition WHERE ${filter}`, params, query.from, query.to, query.points);
  if (!window) return { bucketMs: 0, points: [] };
  const rows = store.db
    .prepare(
      `SELECT (created_at - ?) / ? AS b, sum(to_status = 'completed'), sum(to_status = 'failed'), sum(to_status = 'skipped')
       FROM node_state_transition WHERE ${filter} AND created_at BETWEEN ? AND ? GROUP BY b ORDER BY b`,
    )
    .raw()
    .all(BigInt(window.from), BigInt(window.bucketMs), ...params, window.from, window.to) as Array<[bigint, bigint, bigint, bigint]>;
  let completedTotal = 0;
  let failedTotal = 0;
  let skippedTotal = 0;
  return {
    bucketMs: window.bucketMs,
    points: rows.map(([b, completed, failed, skipped]) => {
      completedTotal += Number(completed);
      failedTotal += Number(failed);
      skippedTotal += Number(skipped);
      return {
        time: window.from + Number(b) * window.bucketMs,
        completed: Number(completed),
        failed: Number(failed),
        skipped: Number(skipped),
        completedTotal,
        failedTotal,
        skippedTotal,
      };
    }),
  };
}
