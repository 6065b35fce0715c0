import { SERIES_MAX_POINTS } from '../../../../shared/api/resources';

/** One point every few pixels is as fine as a line can show; more only costs transfer and drawing. */
export const PIXELS_PER_POINT = 3;
const MIN_POINTS = 2;

/** How many points to ask the core for, for a chart this many pixels wide. */
export function pointBudget(widthPx: number, pixelsPerPoint = PIXELS_PER_POINT): number {
  if (!Number.isFinite(widthPx) || widthPx <= 0) return MIN_POINTS;
  return Math.min(SERIES_MAX_POINTS, Math.max(MIN_POINTS, Math.floor(widthPx / pixelsPerPoint)));
}
