import { describe, expect, it } from 'vitest';
import { compareRuns, type RunNode, type RunSide } from '../../../src/shared/compare/run-compare';
import type { TaskSummary } from '../../../src/shared/task/views';
import { baseName, candidateRuns, diffKind, notDrawn, parseThresholds, previousRun, shownNodes } from '../../../src/renderer/src/compare/model/compare-view';
import { parentsOf } from '../../../src/renderer/src/compare/model/compare-graph';

const node = (nodeId: string, overrides: Partial<RunNode> = {}): RunNode => ({ nodeId, nodeType: 'agent', name: null, status: 'completed', batches: 1, durationMs: 1000, result: null, ...overrides });
const run = (taskId: string, nodes: RunNode[]): RunSide => ({ taskId, name: `run ${taskId}`, status: 'completed', startTime: 0, endTime: 10_000, variables: {}, nodes });

const comparison = compareRuns(
  run('1', [node('gone'), node('alike', { name: 'Alike step' }), node('fails'), node('slow'), node('quick', { durationMs: 5000 }), node('answer', { result: { x: 1 } })]),
  run('2', [node('alike', { name: 'Alike step' }), node('fails', { status: 'failed', durationMs: 9000 }), node('slow', { durationMs: 3000 }), node('quick'), node('answer', { result: { x: 2 } }), node('new')]),
);
const byId = new Map(comparison.nodes.map((entry) => [entry.nodeId, entry]));

function task(taskId: string, name: string, createdAt: number): TaskSummary {
  return {
    taskId,
    name,
    createdAt,
    status: 'completed',
    createdBy: null,
    startTime: null,
    endTime: null,
    errorMessage: null,
    engineIds: [],
    engineTaskId: null,
    engineUrl: null,
    totalNodes: 0,
    totalContainers: 0,
    totalAgents: 0,
    completedNodes: 0,
    failedNodes: 0,
    runningNodes: 0,
    skippedNodes: 0,
  };
}

describe('the comparison view model', () => {
  it('names each node by its most telling difference: presence, then status (before a duration), then time, then anything else', () => {
    expect(Object.fromEntries([...byId].map(([id, entry]) => [id, diffKind(entry)]))).toEqual({
      gone: 'only-a',
      new: 'only-b',
      alike: 'same',
      fails: 'status',
      slow: 'slower',
      quick: 'faster',
      answer: 'changed',
    });
  });

  it('shows only the differences when asked, and finds nodes by id or name', () => {
    expect(shownNodes(comparison, true, '').map((entry) => entry.nodeId)).toEqual(['gone', 'fails', 'slow', 'quick', 'answer', 'new']);
    expect(shownNodes(comparison, false, '').length).toBe(7);
    expect(shownNodes(comparison, false, 'ALIKE step').map((entry) => entry.nodeId)).toEqual(['alike']);
    expect(shownNodes(comparison, true, 'alike')).toEqual([]);
  });

  it('lists the nodes the drawn run lacks', () => {
    expect(notDrawn(comparison, 'b').map((entry) => entry.nodeId)).toEqual(['gone']);
    expect(notDrawn(comparison, 'a').map((entry) => entry.nodeId)).toEqual(['new']);
  });

  it('offers runs of the same workflow first, by their name without its number, and finds the previous one', () => {
    expect(baseName('Red vs blue (12)')).toBe('Red vs blue');
    expect(baseName('Red vs blue (draft)')).toBe('Red vs blue (draft)');
    const tasks = [task('5', 'Red vs blue (3)', 500), task('4', 'Patrol', 400), task('3', 'Red vs blue (2)', 300), task('2', 'Red vs blue', 200), task('1', 'Other', 100)];
    const current = { taskId: '5', name: 'Red vs blue (3)', workflowName: 'Red vs blue', createdAt: 500 };
    const candidates = candidateRuns(tasks, current);
    expect(candidates.sameWorkflow.map((entry) => entry.taskId)).toEqual(['3', '2']);
    expect(candidates.others.map((entry) => entry.taskId)).toEqual(['4', '1']);
    expect(previousRun(tasks, current)?.taskId).toBe('3');
    expect(previousRun(tasks, { ...current, taskId: '2', name: 'Red vs blue', createdAt: 200 })).toBeNull();
    // A run named by hand is still a run of its workflow.
    expect(candidateRuns(tasks, { taskId: '9', name: 'drill of Monday', workflowName: 'Patrol' }).sameWorkflow.map((entry) => entry.taskId)).toEqual(['4']);
  });

  it('reads the thresholds as typed, naming the one that is not a number in range', () => {
    expect(parseThresholds({ ms: '500', percent: '20' })).toEqual({ ok: true, absoluteThresholdMs: 500, relativeThreshold: 0.2 });
    expect(parseThresholds({ ms: '', percent: '20' })).toEqual({ ok: false, problem: 'ms' });
    expect(parseThresholds({ ms: '1.5', percent: '20' })).toEqual({ ok: false, problem: 'ms' });
    expect(parseThresholds({ ms: '0', percent: '-1' })).toEqual({ ok: false, problem: 'percent' });
  });

  it('finds each node’s container from parentId or from its container’s children', () => {
    const parents = parentsOf({
      name: 'w',
      version: '1',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['a'] },
        { nodeId: 'a', nodeType: 'container' },
        { nodeId: 'b', nodeType: 'agent', parentId: 'a' },
      ],
    } as never);
    expect(Object.fromEntries(parents)).toEqual({ a: 'root', b: 'a' });
  });
});
