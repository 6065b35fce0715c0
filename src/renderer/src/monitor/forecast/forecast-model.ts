import type { NodeForecast } from '../../../../shared/forecast/forecast';
import type { TaskForecastView } from '../../../../shared/forecast/forecast-view';

/** A forecast as the monitor's panels read it: by node, and the critical path as a set. */
export interface ForecastModel {
  view: TaskForecastView;
  byNode: ReadonlyMap<string, NodeForecast>;
  critical: ReadonlySet<string>;
}

export function forecastModel(view: TaskForecastView): ForecastModel {
  return { view, byNode: new Map(view.nodes.map((node) => [node.nodeId, node])), critical: new Set(view.criticalPath) };
}

/**
 * What the finish rests on, as the header says it: the template's earlier runs, runs of the
 * same agent loads in other templates, what the agents declare, or nothing at all. `unknown`
 * counts the agents still to run that have no estimate, which the finish leaves out.
 */
export type FinishBasis = { kind: 'history'; runs: number } | { kind: 'load-history' } | { kind: 'declared' } | { kind: 'unknown' };

export function finishBasis(view: TaskForecastView): { basis: FinishBasis; unknown: number } {
  const { bases } = view;
  const unknown = bases.unknown;
  if (bases['node-history'] > 0) return { basis: { kind: 'history', runs: view.historyRuns }, unknown };
  if (bases['load-history'] > 0) return { basis: { kind: 'load-history' }, unknown };
  if (bases.declared > 0) return { basis: { kind: 'declared' }, unknown };
  return { basis: { kind: 'unknown' }, unknown };
}

/** One node not yet started, in the forecast lane: p50 start to p50 end, a whisker to its p90 end. */
export interface LaneBar {
  nodeId: string;
  start: number;
  end: number;
  endP90: number;
  critical: boolean;
  slackMs: number | null;
  /** Which sub-row of the lane it sits in. */
  row: number;
}

/** Beyond this many sub-rows the lane would push the timeline's rows out of sight: bars then share the row that frees first. */
export const LANE_ROWS_MAX = 4;

/**
 * The forecast lane: every agent expected to run and not started yet, packed greedily into as
 * few sub-rows as keep bars (with their p90 whiskers) from overlapping, in order of expected
 * start. Containers are left out: their span is their children's.
 */
export function laneLayout(model: ForecastModel, maxRows = LANE_ROWS_MAX): { bars: LaneBar[]; rows: number } {
  const waiting = model.view.nodes.filter((node) => node.outlook === 'runs' && node.estimate !== undefined);
  waiting.sort((a, b) => a.start.p50 - b.start.p50 || a.end.p50 - b.end.p50);
  const rowEnds: number[] = [];
  const bars = waiting.map((node): LaneBar => {
    const endP90 = Math.max(node.end.p90, node.end.p50);
    let row = rowEnds.findIndex((end) => end <= node.start.p50);
    if (row === -1) row = rowEnds.length < maxRows ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, endP90);
    return { nodeId: node.nodeId, start: node.start.p50, end: node.end.p50, endP90, critical: model.critical.has(node.nodeId), slackMs: node.slackMs, row };
  });
  return { bars, rows: rowEnds.length };
}

/** The span a timeline must show to hold the forecast: up to its p90 finish. */
export function spanWithForecast(span: { start: number; end: number }, model: ForecastModel | null): { start: number; end: number } {
  if (!model) return span;
  return { start: span.start, end: Math.max(span.end, model.view.finish.p90) };
}
