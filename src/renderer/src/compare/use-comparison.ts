import { useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { CompareOptions, RunComparison } from '../../../shared/compare/run-compare';
import type { Id } from '../../../shared/ids';
import type { TaskDetail, TaskSummary } from '../../../shared/task/views';
import type { Failure } from '../common/error-message';

type Loaded<T> = { key: string; value: T | null; failure: Failure | null };

/** One read of the core, again whenever `key` changes; null while it is under way or when there is nothing to read. */
function useRead<T>(key: string | null, read: () => Promise<T>): { value: T | null; failure: Failure | null } {
  const [state, setState] = useState<Loaded<T> | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    read().then(
      (value) => live && setState({ key, value, failure: null }),
      (error: unknown) => live && setState({ key, value: null, failure: { error } }),
    );
    return () => {
      live = false;
    };
    // The key names everything the read depends on.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return state && state.key === key ? state : { value: null, failure: null };
}

export function useTaskList(client: ConsoleClient): { value: TaskSummary[] | null; failure: Failure | null } {
  return useRead('tasks', () => client.listTasks({ limit: 1000 }));
}

export function useTaskDetail(client: ConsoleClient, taskId: Id | null): { value: TaskDetail | null; failure: Failure | null } {
  return useRead(taskId, () => client.getTask(taskId!));
}

export function useComparison(client: ConsoleClient, a: Id | null, b: Id | null, options: CompareOptions | null): { value: RunComparison | null; failure: Failure | null } {
  const key = a !== null && b !== null && options !== null ? JSON.stringify([a, b, options]) : null;
  return useRead(key, () => client.compareRuns(a!, b!, options!));
}
