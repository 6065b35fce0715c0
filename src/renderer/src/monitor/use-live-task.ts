import { useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { Id } from '../../../shared/ids';
import { TERMINAL_TASK_STATUSES } from '../../../shared/status';
import { applyTaskChanges, type LiveTask } from './model/live-task';
import { buildTaskNodes } from './model/task-nodes';

/** Changes arrive per commit; a full read every so often brings results and conditional edges along. */
const REFRESH_MS = 3000;

export type LiveTaskState = { phase: 'loading' } | { phase: 'failed'; message: string } | ({ phase: 'ready' } & LiveTask);

async function load(client: ConsoleClient, taskId: Id, version: number): Promise<LiveTask> {
  const [task, views] = await Promise.all([client.getTask(taskId), client.queryNodes(taskId)]);
  return { task, nodes: buildTaskNodes(views, task.workflow, version) };
}

/**
 * A task and its nodes, kept live: each commit's changes are applied as they arrive, and a
 * full read follows (at most every few seconds, and once when the task ends) for what
 * changes do not carry. A reload keeps showing the task until the new read arrives.
 */
export function useLiveTask(client: ConsoleClient, taskId: Id): LiveTaskState & { reload: () => void } {
  const [state, setState] = useState<LiveTaskState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  const versionRef = useRef(0);

  useEffect(() => {
    let live = true;
    let refreshTimer: ReturnType<typeof setTimeout> | null = null;
    let lastRefresh = Date.now();
    const refresh = () => {
      refreshTimer = null;
      lastRefresh = Date.now();
      load(client, taskId, ++versionRef.current).then(
        (loaded) => live && setState({ phase: 'ready', ...loaded }),
        () => undefined,
      );
    };
    const scheduleRefresh = (ended: boolean) => {
      if (refreshTimer !== null) {
        if (!ended) return;
        clearTimeout(refreshTimer);
      }
      refreshTimer = setTimeout(refresh, ended ? 0 : Math.max(0, lastRefresh + REFRESH_MS - Date.now()));
    };
    load(client, taskId, ++versionRef.current).then(
      (loaded) => live && setState({ phase: 'ready', ...loaded }),
      (error: unknown) => live && setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    const unsubscribe = client.subscribe('taskChanged', (batch) => {
      const mine = batch.filter((change) => change.taskId === taskId);
      if (mine.length === 0) return;
      setState((current) => {
        if (current.phase !== 'ready') return current;
        const next = applyTaskChanges(current, mine);
        versionRef.current = next.nodes.version;
        return { phase: 'ready', ...next };
      });
      const ended = mine.some((change) => change.task !== null && TERMINAL_TASK_STATUSES.includes(change.task.status));
      scheduleRefresh(ended);
    });
    return () => {
      live = false;
      unsubscribe();
      if (refreshTimer !== null) clearTimeout(refreshTimer);
    };
  }, [client, taskId, generation]);

  return { ...state, reload: () => setGeneration((value) => value + 1) };
}
