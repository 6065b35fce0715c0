import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../../src/shared/task/nodes';
import {
  activeFilterCount,
  concernsView,
  filterProblem,
  NO_FILTERS,
  subtreeIds,
  toggled,
  toLogQuery,
} from '../../../../src/renderer/src/logs/model/log-filters';
import type { TaskNodes } from '../../../../src/renderer/src/task-panels/task-panel';
import { LOG_LEVELS } from '../../../../src/shared/status';

function nodes(tree: Array<[string, number]>): TaskNodes {
  return {
    byId: new Map(tree.map(([nodeId, level]) => [nodeId, { nodeId, level } as NodeView])),
    order: tree.map(([nodeId]) => nodeId),
    version: 1,
  };
}

const tree = nodes([
  ['root', 0],
  ['red', 1],
  ['scout', 2],
  ['squad', 2],
  ['squad.a', 3],
  ['blue', 1],
  ['blue.a', 2],
]);

describe('log filters', () => {
  it('asks for nothing more than the task with no filters', () => {
    expect(toLogQuery('42', NO_FILTERS, null)).toEqual({ taskId: '42' });
  });

  it('turns every filter into the query, trimming text and leaving empty ones out', () => {
    expect(
      toLogQuery(
        '42',
        { nodeId: 'red', subtree: true, levels: ['warn', 'critical'], types: ['stderr'], categories: ['network'], source: ' radar ', from: 10, to: 20, search: '  敌方 radar ' },
        null,
      ),
    ).toEqual({ taskId: '42', nodeId: 'red', subtree: true, levels: ['warn', 'critical'], types: ['stderr'], categories: ['network'], source: 'radar', from: 10, to: 20, search: '敌方 radar' });
    expect(toLogQuery('42', { ...NO_FILTERS, nodeId: 'red', subtree: false, source: '  ', search: ' ' }, null)).toEqual({ taskId: '42', nodeId: 'red' });
  });

  it('never asks past the replay moment', () => {
    expect(toLogQuery('42', NO_FILTERS, 500).to).toBe(500);
    expect(toLogQuery('42', { ...NO_FILTERS, to: 300 }, 500).to).toBe(300);
    expect(toLogQuery('42', { ...NO_FILTERS, to: 900 }, 500).to).toBe(500);
  });

  it('names what is wrong with filters that cannot be sent', () => {
    expect(filterProblem({ ...NO_FILTERS, from: 20, to: 10 })).toBe('logs.problems.rangeReversed');
    expect(filterProblem({ ...NO_FILTERS, search: 'x'.repeat(501) })).toBe('logs.problems.searchTooLong');
    expect(filterProblem({ ...NO_FILTERS, source: 'x'.repeat(201) })).toBe('logs.problems.sourceTooLong');
    expect(filterProblem({ ...NO_FILTERS, from: 10, to: 10 })).toBeNull();
  });

  it('finds a subtree as the deeper run after the node in depth-first order', () => {
    expect([...subtreeIds(tree, 'red')]).toEqual(['red', 'scout', 'squad', 'squad.a']);
    expect([...subtreeIds(tree, 'squad.a')]).toEqual(['squad.a']);
    expect([...subtreeIds(tree, 'blue')]).toEqual(['blue', 'blue.a']);
    expect(subtreeIds(tree, 'root').size).toBe(7);
    expect([...subtreeIds(tree, 'ghost')]).toEqual(['ghost']);
  });

  it('tells which live notices may concern the view', () => {
    const batches = [
      { taskId: '7', nodeIds: ['red'] },
      { taskId: '42', nodeIds: ['blue.a'] },
    ];
    expect(concernsView(batches, '42', null)).toBe(true);
    expect(concernsView(batches, '42', subtreeIds(tree, 'blue'))).toBe(true);
    expect(concernsView(batches, '42', subtreeIds(tree, 'red'))).toBe(false);
    expect(concernsView(batches, '9', null)).toBe(false);
  });

  it('toggles chips in their canonical order and counts active filters', () => {
    expect(toggled(['error'], 'debug', LOG_LEVELS)).toEqual(['debug', 'error']);
    expect(toggled(['debug', 'error'], 'debug', LOG_LEVELS)).toEqual(['error']);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, nodeId: 'red', levels: ['info'], from: 1, search: 'x' })).toBe(4);
  });
});
