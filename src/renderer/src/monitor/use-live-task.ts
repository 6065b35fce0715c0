import { useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { Id } from '../../../shared/ids';
import { TERMINAL_TASK_STATUSES } from '../../../shared/status';
import type { TaskChange } from '../../../shared/task/changes';
import { applyTaskChanges, type LiveTask } from './model/live-task';
import { buildTaskNodes } from './model/task-nodes';

export type LiveTaskState = { phase: 'loading' } | { phase: 'failed'; error: unknown } | ({ phase: 'ready' } & LiveTask);

async function load(client: ConsoleClient, taskId: Id, version: number): Promise<LiveTask> {
  const [task, views] = await Promise.all([client.getTask(taskId), client.queryNodes(taskId)]);
  return { task, nodes: buildTaskNodes(views, task.workflow, version) };
}

/**
 * A task and its nodes, kept live by each commit's changes, which carry every field of a node
 * that a run moves. The task is read in full at the start, once when it ends, when the
 * transport says changes were lost (a reconnect), and on `reload`. Changes that arrive while a
 * read is out wait for it and are applied on top, in order: they carry whole node states in
 * commit order, so a read plus every change received after it was asked for converge on the
 * store. A reload keeps showing the task until the new read arrives.
 */
export function useLiveTask(client: ConsoleClient, taskId: Id): LiveTaskState & { reload: () => void } {
  const [state, setState] = useState<LiveTaskState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  const versionRef = useRef(0);

  useEffect(() => {
    let live = true;
    // Changes received since the read in flight was asked for; null when no read is out.
    let buffered: TaskChange[] | null = null;
    let readAgain = false;
    const read = () => {
      if (buffered !== null) {
        readAgain = true;
        return;
      }
      buffered = [];
      load(client, taskId, ++versionRef.current).then(
        (loaded) => {
          const changes = buffered ?? [];
          buffered = null;
          if (!live) return;
          const next = changes.length > 0 ? applyTaskChanges(loaded, changes) : loaded;
          versionRef.current = next.nodes.version;
          setState({ phase: 'ready', ...next });
          if (readAgain) {
            readAgain = false;
            read();
          }
        },
        (error: unknown) => {
          buffered = null;
          if (live) setState((current) => (current.phase === 'ready' ? current : { phase: 'failed', error }));
        },
      );
    };
    const unsubscribe = client.subscribe(
      'taskChanged',
      (batch) => {
        const mine = batch.filter((change) => change.taskId === taskId);
        if (mine.length === 0) return;
        if (buffered !== null) buffered.push(...mine);
        else {
          setState((current) => {
            if (current.phase !== 'ready') return current;
            const next = applyTaskChanges(current, mine);
            versionRef.current = next.nodes.version;
            return { phase: 'ready', ...next };
          });
        }
        if (mine.some((change) => change.task !== null && TERMINAL_TASK_STATUSES.includes(change.task.status))) read();
      },
      read,
    );
    read();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, taskId, generation]);

  return { ...state, reload: () => setGeneration((value) => value + 1) };
}
