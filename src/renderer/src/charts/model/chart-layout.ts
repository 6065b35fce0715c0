import { pointBudget } from './point-budget';

/** Below this width the charts stack in one column; above it they sit two abreast. */
const TWO_COLUMNS_FROM_PX = 640;

export interface ChartLayout {
  columns: 1 | 2;
  /** Points to ask for: enough for one column's chart; the grid's gaps and paddings only make it finer. */
  points: number;
}

/** How a grid this wide arranges the charts, and the point budget that fits them. */
export function chartLayout(gridWidthPx: number): ChartLayout {
  const width = Math.max(0, Math.floor(gridWidthPx));
  const columns = width >= TWO_COLUMNS_FROM_PX ? 2 : 1;
  return { columns, points: pointBudget(width / columns) };
}

/** A chart's height for its width: flatter when wide, within what fits a 768-pixel-high window. */
export function chartHeight(widthPx: number): number {
  return Math.round(Math.min(200, Math.max(140, widthPx * 0.4)));
}
