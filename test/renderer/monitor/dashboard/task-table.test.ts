import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../../../src/shared/task/views';
import { applySnapshots, filterAndSortTasks, statusCounts, taskDuration, taskProgress, type TaskTableView } from '../../../../src/renderer/src/monitor/dashboard/task-table';

function task(taskId: string, extra: Partial<TaskSummary> = {}): TaskSummary {
  return {
    taskId,
    name: `Task ${taskId}`,
    status: 'running',
    createdBy: null,
    createdAt: Number(taskId) * 1000,
    startTime: Number(taskId) * 1000,
    endTime: null,
    errorMessage: null,
    engineIds: [],
    engineTaskId: null,
    engineUrl: null,
    totalNodes: 10,
    totalContainers: 2,
    totalAgents: 8,
    completedNodes: 0,
    failedNodes: 0,
    runningNodes: 0,
    skippedNodes: 0,
    ...extra,
  };
}

const view = (extra: Partial<TaskTableView> = {}): TaskTableView => ({ statuses: new Set(), search: '', sort: 'created', descending: true, ...extra });

describe('task table', () => {
  it('counts every ended node as progress, never past 100%', () => {
    expect(taskProgress(task('1', { completedNodes: 3, failedNodes: 1, skippedNodes: 1 }))).toBe(0.5);
    expect(taskProgress(task('1', { totalNodes: 0 }))).toBe(0);
    expect(taskProgress(task('1', { completedNodes: 12 }))).toBe(1);
  });

  it('measures running tasks against now and ended ones to their end', () => {
    expect(taskDuration({ startTime: null, endTime: null }, 5000)).toBeNull();
    expect(taskDuration({ startTime: 1000, endTime: null }, 5000)).toBe(4000);
    expect(taskDuration({ startTime: 1000, endTime: 3000 }, 9000)).toBe(2000);
  });

  it('filters by status and by every word of the search, in the name or as the id', () => {
    const tasks = [task('1', { name: 'Red versus blue' }), task('2', { name: 'IT ops', status: 'failed' }), task('3', { name: 'Blue drill', status: 'completed' })];
    expect(filterAndSortTasks(tasks, view({ search: 'blue' }), 0).map((row) => row.taskId)).toEqual(['3', '1']);
    expect(filterAndSortTasks(tasks, view({ search: 'blue red' }), 0).map((row) => row.taskId)).toEqual(['1']);
    expect(filterAndSortTasks(tasks, view({ search: '2' }), 0).map((row) => row.taskId)).toEqual(['2']);
    expect(filterAndSortTasks(tasks, view({ statuses: new Set(['failed', 'completed']) }), 0).map((row) => row.taskId)).toEqual(['3', '2']);
  });

  it('sorts by each column both ways, ties broken by id', () => {
    const tasks = [task('1', { name: 'b', completedNodes: 5 }), task('2', { name: 'a', completedNodes: 9 }), task('3', { name: 'c', completedNodes: 5 })];
    expect(filterAndSortTasks(tasks, view({ sort: 'name', descending: false }), 0).map((row) => row.name)).toEqual(['a', 'b', 'c']);
    expect(filterAndSortTasks(tasks, view({ sort: 'progress', descending: true }), 0).map((row) => row.taskId)).toEqual(['2', '3', '1']);
    expect(filterAndSortTasks(tasks, view({ sort: 'duration', descending: false }), 10_000).map((row) => row.taskId)).toEqual(['3', '2', '1']);
  });

  it('applies live snapshots, and asks for a new list when one names an unknown task', () => {
    const tasks = [task('1'), task('2')];
    const snapshot = { taskId: '2', status: 'completed' as const, totalNodes: 10, completedNodes: 10, failedNodes: 0, runningNodes: 0, skippedNodes: 0, startTime: 2000, endTime: 9000, errorMessage: null, engineTaskId: '2', engineUrl: null };
    const next = applySnapshots(tasks, [snapshot])!;
    expect(next[1]).toMatchObject({ status: 'completed', completedNodes: 10, name: 'Task 2' });
    expect(tasks[1]!.status).toBe('running');
    expect(applySnapshots(tasks, [{ ...snapshot, taskId: '99' }])).toBeNull();
    expect(statusCounts(next)).toEqual(new Map([['running', 1], ['completed', 1]]));
  });
});
