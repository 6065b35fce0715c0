import { z } from 'zod';
import { idSchema } from '../ids';

export const SERIES_MAX_POINTS = 2000;

/**
 * The narrowest bucket worth asking of a summed series (a task's total): twice the Engines'
 * usual sampling interval (1 s). A total is the sum, per bucket, of each node's mean in it; a
 * narrower bucket misses the nodes that did not sample within it, and the total saw-tooths
 * down to a fraction of the real figure. The charts and the run report both keep to it.
 */
export const SUMMED_MIN_BUCKET_MS = 2000;

const id = idSchema;
const window = {
  from: z.int().min(0).optional(),
  to: z.int().min(0).optional(),
  /** At most this many points come back, whatever the length of the window. */
  points: z.int().min(2).max(SERIES_MAX_POINTS).default(300),
};

/** CPU and memory over time for one node, a whole task (summed over its nodes), or one Engine host. */
export const resourceQuerySchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('node'), taskId: id, nodeId: z.string().min(1).max(200), ...window }),
  z.object({ scope: z.literal('task'), taskId: id, ...window }),
  z.object({ scope: z.literal('engine'), engineId: z.string().min(1).max(200), ...window }),
]);
export type ResourceQuery = z.input<typeof resourceQuerySchema>;

export interface ResourcePoint {
  /** Start of the bucket, ms since the epoch. */
  time: number;
  cpuPercent: number;
  cpuPercentMax: number;
  memoryBytes: number;
  memoryBytesMax: number;
}

export interface ResourceSeries {
  bucketMs: number;
  points: ResourcePoint[];
}

export const progressQuerySchema = z.object({ taskId: id, ...window });
export type ProgressQuery = z.input<typeof progressQuerySchema>;

/** Nodes reaching an end per bucket, and the running total, for a task's progress chart. */
export interface ProgressPoint {
  time: number;
  completed: number;
  failed: number;
  skipped: number;
  completedTotal: number;
  failedTotal: number;
  skippedTotal: number;
}

export interface ProgressSeries {
  bucketMs: number;
  points: ProgressPoint[];
}
