import { describe, expect, it } from 'vitest';
import type { NodeForecast } from '../../../../src/shared/forecast/forecast';
import type { TaskForecastView } from '../../../../src/shared/forecast/forecast-view';
import { finishBasis, forecastModel, laneLayout, spanWithForecast } from '../../../../src/renderer/src/monitor/forecast/forecast-model';

const estimate = { p50: 0, p90: 0, basis: 'declared' as const, runs: 0 };
function node(nodeId: string, outlook: NodeForecast['outlook'], start: number, end: number, endP90 = end, agent = true): NodeForecast {
  return { nodeId, outlook, start: { p50: start, p90: start }, end: { p50: end, p90: endP90 }, slackMs: 0, critical: false, ...(agent ? { estimate } : {}) };
}

function view(nodes: NodeForecast[], extra: Partial<TaskForecastView> = {}): TaskForecastView {
  return { taskId: '1', computedAt: 0, finish: { p50: 100, p90: 140 }, nodes, criticalPath: [], bases: { 'node-history': 0, 'load-history': 0, declared: 0, unknown: 0 }, historyRuns: 0, ...extra };
}

describe('laneLayout', () => {
  it('lays out only agents expected to run and not started, packing bars whose p90 whiskers do not overlap into one sub-row', () => {
    const model = forecastModel(
      view(
        [
          node('root', 'running', 0, 100, 140, false),
          node('done', 'ended', 0, 10),
          node('going', 'running', 10, 30),
          node('never', 'skipped', 30, 30),
          node('b', 'runs', 30, 50, 60),
          node('a', 'runs', 10, 20, 30),
          node('c', 'runs', 35, 45),
          node('d', 'runs', 60, 90, 100),
        ],
        { criticalPath: ['root', 'a', 'b', 'd'] },
      ),
    );
    const { bars, rows } = laneLayout(model);
    expect(rows).toBe(2);
    expect(bars.map((bar) => [bar.nodeId, bar.row, bar.start, bar.end, bar.endP90, bar.critical])).toEqual([
      ['a', 0, 10, 20, 30, true],
      // a's whisker ends at 30: b starts there, in the same sub-row.
      ['b', 0, 30, 50, 60, true],
      ['c', 1, 35, 45, 45, false],
      ['d', 0, 60, 90, 100, true],
    ]);
  });

  it('never uses more sub-rows than allowed: a bar beyond them shares the sub-row that frees first', () => {
    const model = forecastModel(view([node('x', 'runs', 0, 50), node('y', 'runs', 0, 20), node('z', 'runs', 0, 40)]));
    const { bars, rows } = laneLayout(model, 2);
    expect(rows).toBe(2);
    expect(bars.map((bar) => [bar.nodeId, bar.row])).toEqual([
      ['y', 0],
      ['z', 1],
      ['x', 0],
    ]);
  });

  it('is empty when nothing is left to start', () => {
    expect(laneLayout(forecastModel(view([node('done', 'ended', 0, 10)])))).toEqual({ bars: [], rows: 0 });
  });
});

describe('finishBasis and spanWithForecast', () => {
  it('says what the finish rests on, best basis first, with the agents that have no estimate', () => {
    const bases = (b: Partial<TaskForecastView['bases']>) => ({ 'node-history': 0, 'load-history': 0, declared: 0, unknown: 0, ...b });
    expect(finishBasis(view([], { bases: bases({ 'node-history': 2, declared: 1, unknown: 1 }), historyRuns: 7 }))).toEqual({ basis: { kind: 'history', runs: 7 }, unknown: 1 });
    expect(finishBasis(view([], { bases: bases({ 'load-history': 1, declared: 3 }) }))).toEqual({ basis: { kind: 'load-history' }, unknown: 0 });
    expect(finishBasis(view([], { bases: bases({ declared: 3 }) }))).toEqual({ basis: { kind: 'declared' }, unknown: 0 });
    expect(finishBasis(view([], { bases: bases({ unknown: 2 }) }))).toEqual({ basis: { kind: 'unknown' }, unknown: 2 });
  });

  it('widens the timeline to the p90 finish, never narrows it', () => {
    expect(spanWithForecast({ start: 0, end: 50 }, forecastModel(view([])))).toEqual({ start: 0, end: 140 });
    expect(spanWithForecast({ start: 0, end: 500 }, forecastModel(view([])))).toEqual({ start: 0, end: 500 });
    expect(spanWithForecast({ start: 0, end: 50 }, null)).toEqual({ start: 0, end: 50 });
  });
});
