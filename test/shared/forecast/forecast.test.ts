import { describe, expect, it } from 'vitest';
import { estimateDuration, type DurationEstimate } from '../../../src/shared/forecast/duration-estimate';
import { forecastTask, type LiveNode } from '../../../src/shared/forecast/forecast';
import { nearestRank } from '../../../src/shared/forecast/percentile';
import type { WorkflowNodeDefinition } from '../../../src/shared/workflow/definition';
import type { NormalizedWorkflowNode } from '../../../src/shared/workflow/normalized';
import { validateWorkflow } from '../../../src/shared/workflow/validate';

function normalized(nodes: WorkflowNodeDefinition[]): NormalizedWorkflowNode[] {
  const result = validateWorkflow({ name: 'forecast', nodes });
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return result.definition!.nodes;
}

const declared = (ms: number): DurationEstimate => ({ p50: ms, p90: ms, basis: 'declared', runs: 0 });
const history = (samples: number[]): DurationEstimate => ({ p50: nearestRank(samples, 0.5)!, p90: nearestRank(samples, 0.9)!, basis: 'node-history', runs: samples.length });

/**
 * root ─ a (history 10…50) ─success→ box [ b1 (100) ─finish→ b2 (40) ]
 *      └ c (200), join one over a (finish) and box (finish)
 * By hand, p50: a 0–30, box 30–170 (b1 30–130, b2 130–170), c starts with a's end: 30–230.
 * p90: a 0–50, c 50–250. c decides the finish; box may slip 60 ms.
 */
const nested: WorkflowNodeDefinition[] = [
  { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['a', 'box', 'c'] },
  { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
  { nodeId: 'box', nodeType: 'container', parentId: 'root', children: ['b1', 'b2'], dependencies: [{ sourceNodeId: 'a', type: 'success' }] },
  { nodeId: 'b1', nodeType: 'agent', parentId: 'box', agentLoad: 'sim' },
  { nodeId: 'b2', nodeType: 'agent', parentId: 'box', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'b1', type: 'finish' }] },
  {
    nodeId: 'c',
    nodeType: 'agent',
    parentId: 'root',
    agentLoad: 'sim',
    join: 'one',
    dependencies: [
      { sourceNodeId: 'a', type: 'finish' },
      { sourceNodeId: 'box', type: 'finish' },
    ],
  },
];
const nestedEstimates = new Map([
  ['a', history([10, 20, 30, 40, 50])],
  ['b1', history([100])],
  ['b2', declared(40)],
  ['c', declared(200)],
]);

describe('nearestRank', () => {
  it('names a sample that happened: the smallest that p of the samples do not exceed', () => {
    expect(nearestRank([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(nearestRank([5, 1, 3, 2, 4], 0.9)).toBe(5);
    expect(nearestRank([10, 20], 0.5)).toBe(10);
    expect(nearestRank([10, 20], 0.9)).toBe(20);
    expect(nearestRank([], 0.5)).toBeUndefined();
  });
});

describe('estimateDuration', () => {
  const runs = { byNode: new Map([['n', [4, 8, 6]]]), byLoad: new Map([['sim', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]) };
  it('takes the node’s own history first, then its load’s, then what it declares, and says which', () => {
    expect(estimateDuration({ nodeId: 'n', agentLoad: 'sim', declaredMs: 99 }, runs)).toEqual({ p50: 6, p90: 8, basis: 'node-history', runs: 3 });
    expect(estimateDuration({ nodeId: 'other', agentLoad: 'sim', declaredMs: 99 }, runs)).toEqual({ p50: 5, p90: 9, basis: 'load-history', runs: 10 });
    expect(estimateDuration({ nodeId: 'other', agentLoad: 'http', declaredMs: 99 }, runs)).toEqual({ p50: 99, p90: 99, basis: 'declared', runs: 0 });
    expect(estimateDuration({ nodeId: 'other', agentLoad: 'http' }, runs)).toEqual({ p50: 0, p90: 0, basis: 'unknown', runs: 0 });
  });
});

describe('forecastTask', () => {
  it('matches the hand-computed p50 and p90 of nested containers and a join "one"', () => {
    const forecast = forecastTask({ nodes: normalized(nested), estimates: nestedEstimates, live: new Map(), now: 0 });
    expect(forecast.finish).toEqual({ p50: 230, p90: 250 });
    expect(forecast.nodes.get('box')).toMatchObject({ start: { p50: 30, p90: 50 }, end: { p50: 170, p90: 190 }, slackMs: 60, critical: false, outlook: 'runs' });
    expect(forecast.nodes.get('b2')).toMatchObject({ start: { p50: 130 }, end: { p50: 170 }, slackMs: 60 });
    expect(forecast.nodes.get('c')).toMatchObject({ start: { p50: 30, p90: 50 }, end: { p50: 230, p90: 250 }, slackMs: 0, critical: true });
    expect(forecast.nodes.get('a')).toMatchObject({ end: { p50: 30 }, slackMs: 0, critical: true, estimate: { basis: 'node-history', runs: 5 } });
    expect(forecast.criticalPath).toEqual(['root', 'a', 'c']);
    expect(forecast.bases).toEqual({ 'node-history': 2, 'load-history': 0, declared: 2, unknown: 0 });
  });

  it('is recomputed from what happened: ended nodes keep their times, running ones end no earlier than now', () => {
    const live = new Map<string, LiveNode>([
      ['root', { status: 'running', startedAt: 0 }],
      ['a', { status: 'completed', startedAt: 0, endedAt: 25 }],
      ['box', { status: 'running', startedAt: 25 }],
      ['b1', { status: 'running', startedAt: 25 }],
      ['c', { status: 'running', startedAt: 25 }],
    ]);
    const early = forecastTask({ nodes: normalized(nested), estimates: nestedEstimates, live, taskStartedAt: 0, now: 40 });
    expect(early.nodes.get('a')).toMatchObject({ outlook: 'ended', start: { p50: 0 }, end: { p50: 25 }, slackMs: null, critical: false });
    expect(early.nodes.get('b2')).toMatchObject({ outlook: 'runs', start: { p50: 125 }, end: { p50: 165 } });
    expect(early.finish.p50).toBe(225);
    expect(early.criticalPath).toEqual(['c', 'root']);

    const late = forecastTask({ nodes: normalized(nested), estimates: nestedEstimates, live, taskStartedAt: 0, now: 300 });
    expect(late.nodes.get('b1')).toMatchObject({ outlook: 'running', end: { p50: 300 } });
    expect(late.nodes.get('b2')).toMatchObject({ start: { p50: 300 }, end: { p50: 340 } });
    expect(late.finish.p50).toBe(340);
    expect(late.criticalPath).toEqual(['b1', 'b2', 'box', 'root']);
  });

  it('expects failure branches to be skipped and leaves them off the critical path', () => {
    const nodes = normalized([
      { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['x', 'onFail', 'then'] },
      { nodeId: 'x', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
      { nodeId: 'onFail', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'x', type: 'failure' }] },
      { nodeId: 'then', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'onFail', type: 'finish' }] },
    ]);
    const estimates = new Map([
      ['x', declared(10)],
      ['onFail', declared(1000)],
      ['then', declared(5)],
    ]);
    const forecast = forecastTask({ nodes, estimates, live: new Map(), now: 0 });
    expect(forecast.nodes.get('onFail')).toMatchObject({ outlook: 'skipped', end: { p50: 10 } });
    expect(forecast.finish.p50).toBe(15);
    expect(forecast.criticalPath).toEqual(['root', 'x', 'onFail', 'then']);
    // The expected skip takes no time, so its estimate is not one the finish rests on.
    expect(forecast.bases).toEqual({ 'node-history': 0, 'load-history': 0, declared: 2, unknown: 0 });

    const failed = forecastTask({ nodes, estimates, live: new Map<string, LiveNode>([['x', { status: 'failed', startedAt: 0, endedAt: 10 }]]), now: 10 });
    expect(failed.nodes.get('onFail')).toMatchObject({ outlook: 'runs', end: { p50: 1010 } });
    expect(failed.finish.p50).toBe(1015);
  });

  it('holds a pinned node until its pin, counted from the task’s start', () => {
    const nodes = normalized([
      { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['early', 'pinned'] },
      { nodeId: 'early', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
      { nodeId: 'pinned', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', pin: { delayMs: 500 } },
    ]);
    const forecast = forecastTask({ nodes, estimates: new Map([['early', declared(100)], ['pinned', declared(50)]]), live: new Map(), taskStartedAt: 1000, now: 1000 });
    expect(forecast.nodes.get('pinned')).toMatchObject({ start: { p50: 1500 }, end: { p50: 1550 }, critical: true });
    expect(forecast.nodes.get('early')).toMatchObject({ slackMs: 450, critical: false });
    expect(forecast.finish.p50).toBe(1550);
  });

  it('forecasts a 20,000-node chain without recursion', () => {
    const count = 20_000;
    const ids = Array.from({ length: count }, (_, i) => `n${i}`);
    const base = { isRoot: false, parentId: 'root', children: [], join: 'all', priority: 0 } as const;
    const nodes: NormalizedWorkflowNode[] = [
      { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ids, dependencies: [], join: 'all', priority: 0 },
      ...ids.map((nodeId, i): NormalizedWorkflowNode => ({ ...base, nodeId, nodeType: 'agent', agentLoad: 'sim', children: [], dependencies: i > 0 ? [{ sourceNodeId: ids[i - 1]!, type: 'success' }] : [] })),
    ];
    const forecast = forecastTask({ nodes, estimates: new Map(ids.map((id) => [id, declared(2)])), live: new Map(), now: 0 });
    expect(forecast.finish.p50).toBe(2 * count);
    expect(forecast.criticalPath).toHaveLength(count + 1);
  });
});
