import type { ProgressPoint, ResourcePoint, ResourceSeries } from '../../../../shared/api/resources';
import { mergeSeries, upTo, type ChartRow } from './merge-series';

export interface EngineSeries {
  engineId: string;
  series: ResourceSeries;
}

export interface ChartSources {
  task: ResourceSeries | null;
  /** The selected agent's own series; null when no agent is selected. */
  node: ResourceSeries | null;
  engines: readonly EngineSeries[];
  progress: readonly ProgressPoint[];
}

/** A line of a chart: `key` is a plain column name, so recharts never reads it as a path. */
export interface SeriesKey {
  key: string;
  label: string;
}

export interface ChartData {
  /** Task total and (when selected) node, CPU %. */
  cpu: ChartRow[];
  memory: ChartRow[];
  engineKeys: SeriesKey[];
  engineCpu: ChartRow[];
  engineMemory: ChartRow[];
  /** Cumulative completed and failed nodes. */
  progress: ChartRow[];
  hasTaskSamples: boolean;
  hasNodeSamples: boolean;
  hasEngineSamples: boolean;
  hasProgress: boolean;
}

const cpu = (point: ResourcePoint) => point.cpuPercent;
const memory = (point: ResourcePoint) => point.memoryBytes;

/**
 * The cumulative counts as a step line from the window's start to its end: it starts at zero
 * and holds its last totals up to `to`, so a live chart reaches "now" between completions.
 */
export function progressRows(points: readonly ProgressPoint[], from: number, to: number): ChartRow[] {
  if (points.length === 0) return [];
  const rows: ChartRow[] = [];
  const first = points[0]!;
  if (first.time > from) rows.push({ time: from, completed: 0, failed: 0, skipped: 0 });
  for (const point of points) rows.push({ time: point.time, completed: point.completedTotal, failed: point.failedTotal, skipped: point.skippedTotal });
  const last = points[points.length - 1]!;
  if (last.time < to) rows.push({ time: to, completed: last.completedTotal, failed: last.failedTotal, skipped: last.skippedTotal });
  return rows;
}

/** Everything the charts draw, from what the core returned, cut at the replay moment. */
export function buildChartData(sources: ChartSources, window: { from: number; to: number }, at: number | null): ChartData {
  const task = upTo(sources.task?.points ?? [], at);
  const node = upTo(sources.node?.points ?? [], at);
  const own = [
    { key: 'task', points: task },
    { key: 'node', points: node },
  ];
  const engines = sources.engines.map(({ engineId, series }, index) => ({ key: `engine${index}`, label: engineId, points: upTo(series.points, at) }));
  const progress = upTo(sources.progress, at);
  return {
    cpu: mergeSeries(own, cpu),
    memory: mergeSeries(own, memory),
    engineKeys: engines.map(({ key, label }) => ({ key, label })),
    engineCpu: mergeSeries(engines, cpu),
    engineMemory: mergeSeries(engines, memory),
    progress: progressRows(progress, window.from, window.to),
    hasTaskSamples: task.length > 0,
    hasNodeSamples: node.length > 0,
    hasEngineSamples: engines.some((engine) => engine.points.length > 0),
    hasProgress: progress.length > 0,
  };
}
