import { endedShare } from '../../../../shared/task/progress';
import type { TaskStatus } from '../../../../shared/status';
import type { TaskSnapshot } from '../../../../shared/task/changes';
import type { TaskSummary } from '../../../../shared/task/views';

export const TASK_SORT_KEYS = ['created', 'name', 'status', 'progress', 'duration'] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];

export interface TaskTableView {
  statuses: ReadonlySet<TaskStatus>;
  search: string;
  sort: TaskSortKey;
  descending: boolean;
}

/** The shared progress rule over a task row's counters (a list of tasks has no nodes to count agents by). */
export function taskProgress(task: Pick<TaskSummary, 'totalNodes' | 'completedNodes' | 'failedNodes' | 'skippedNodes'>): number {
  return endedShare({ total: task.totalNodes, completed: task.completedNodes, failed: task.failedNodes, skipped: task.skippedNodes });
}

/** Run time so far (running) or in all (ended); null before the start. */
export function taskDuration(task: Pick<TaskSummary, 'startTime' | 'endTime'>, now: number): number | null {
  if (task.startTime === null) return null;
  return Math.max(0, (task.endTime ?? now) - task.startTime);
}

/** Decimal ids in numeric order without parsing them (they exceed 2^53). */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function filterAndSortTasks(tasks: readonly TaskSummary[], view: TaskTableView, now: number): TaskSummary[] {
  const words = view.search.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = tasks.filter(
    (task) => (view.statuses.size === 0 || view.statuses.has(task.status)) && words.every((word) => task.name.toLowerCase().includes(word) || task.taskId === word),
  );
  const key = (task: TaskSummary): number | string => {
    switch (view.sort) {
      case 'created':
        return task.createdAt;
      case 'name':
        return task.name.toLowerCase();
      case 'status':
        return task.status;
      case 'progress':
        return taskProgress(task);
      case 'duration':
        return taskDuration(task, now) ?? -1;
    }
  };
  const direction = view.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const left = key(a);
    const right = key(b);
    if (left < right) return -direction;
    if (left > right) return direction;
    return direction * compareIds(a.taskId, b.taskId);
  });
}

/**
 * Snapshots from live changes applied to the listed tasks; returns null when a snapshot
 * names a task the list does not hold (a new task: the caller reads the list again).
 */
export function applySnapshots(tasks: readonly TaskSummary[], snapshots: readonly TaskSnapshot[]): TaskSummary[] | null {
  const byId = new Map(tasks.map((task, index) => [task.taskId, index]));
  const next = [...tasks];
  for (const snapshot of snapshots) {
    const index = byId.get(snapshot.taskId);
    if (index === undefined) return null;
    next[index] = { ...next[index]!, ...snapshot };
  }
  return next;
}

export function statusCounts(tasks: readonly TaskSummary[]): Map<TaskStatus, number> {
  const counts = new Map<TaskStatus, number>();
  for (const task of tasks) counts.set(task.status, (counts.get(task.status) ?? 0) + 1);
  return counts;
}
