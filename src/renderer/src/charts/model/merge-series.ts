/** One row per moment, one column per series; a series without a point at that moment leaves its column out. */
export type ChartRow = { time: number } & Record<string, number>;

export interface NamedSeries<P extends { time: number }> {
  key: string;
  points: readonly P[];
}

/**
 * Lays several series side by side on one time axis for a chart with one line each. Series
 * fetched over the same window and budget share bucket starts, so their points line up.
 */
export function mergeSeries<P extends { time: number }>(series: readonly NamedSeries<P>[], value: (point: P) => number): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const { key, points } of series) {
    for (const point of points) {
      let row = rows.get(point.time);
      if (!row) rows.set(point.time, (row = { time: point.time } as ChartRow));
      row[key] = value(point);
    }
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

/** Points at or before a replay moment; a live chart (`at` null) keeps them all. */
export function upTo<P extends { time: number }>(points: readonly P[], at: number | null): P[] {
  return at === null ? [...points] : points.filter((point) => point.time <= at);
}

/** The largest value in the given columns, 0 for none. */
export function maxValue(rows: readonly ChartRow[], keys: readonly string[]): number {
  let max = 0;
  for (const row of rows) for (const key of keys) if (row[key] !== undefined && row[key] > max) max = row[key];
  return max;
}
