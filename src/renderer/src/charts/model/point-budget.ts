import { SERIES_MAX_POINTS, SUMMED_MIN_BUCKET_MS } from '../../../../shared/api/resources';

/** One point every few pixels is as fine as a line can show; more only costs transfer and drawing. */
export const PIXELS_PER_POINT = 3;
const MIN_POINTS = 2;

/** How many points to ask the core for, for a chart this many pixels wide. */
export function pointBudget(widthPx: number, pixelsPerPoint = PIXELS_PER_POINT): number {
  if (!Number.isFinite(widthPx) || widthPx <= 0) return MIN_POINTS;
  return Math.min(SERIES_MAX_POINTS, Math.max(MIN_POINTS, Math.floor(widthPx / pixelsPerPoint)));
}

/** The budget for a summed series (a task's total): no bucket narrower than `minBucketMs`. */
export function summedPointBudget(points: number, windowMs: number, minBucketMs = SUMMED_MIN_BUCKET_MS): number {
  return Math.max(MIN_POINTS, Math.min(points, Math.floor(windowMs / minBucketMs)));
}
