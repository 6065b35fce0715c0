import { SERIES_MAX_POINTS } from '../../../../shared/api/resources';

/** One point every few pixels is as fine as a line can show; more only costs transfer and drawing. */
export const PIXELS_PER_POINT = 3;
const MIN_POINTS = 2;

/** How many points to ask the core for, for a chart this many pixels wide. */
export function pointBudget(widthPx: number, pixelsPerPoint = PIXELS_PER_POINT): number {
  if (!Number.isFinite(widthPx) || widthPx <= 0) return MIN_POINTS;
  return Math.min(SERIES_MAX_POINTS, Math.max(MIN_POINTS, Math.floor(widthPx / pixelsPerPoint)));
}

/**
 * Twice the Engines' usual sampling interval (1 s). A task's total is the sum, per bucket, of
 * each node's mean in it: a bucket narrower than the sampling interval misses the nodes that
 * did not sample within it, and the total saw-tooths down to a fraction of the real figure.
 */
export const SUMMED_MIN_BUCKET_MS = 2000;

/** The budget for a summed series (a task's total): no bucket narrower than `minBucketMs`. */
export function summedPointBudget(points: number, windowMs: number, minBucketMs = SUMMED_MIN_BUCKET_MS): number {
  return Math.max(MIN_POINTS, Math.min(points, Math.floor(windowMs / minBucketMs)));
}
