import { useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { ExecutionView } from '../../../../shared/task/views';
import { throttle } from '../../common/throttle';

const REFETCH_MS = 1000;

type ExecutionsState = { taskId: string; executions: readonly ExecutionView[] | null; error: string | null };

/** A task's executions, fetched again (at most once a second) whenever a commit touches the task. */
export function useExecutions(client: ConsoleClient, taskId: string, follow: boolean): { executions: readonly ExecutionView[] | null; error: string | null } {
  const [state, setState] = useState<ExecutionsState | null>(null);
  useEffect(() => {
    let live = true;
    const fetch = () =>
      client.listExecutions(taskId).then(
        (executions) => live && setState({ taskId, executions, error: null }),
        (error: unknown) => live && setState((current) => ({ taskId, executions: current?.taskId === taskId ? current.executions : null, error: error instanceof Error ? error.message : String(error) })),
      );
    void fetch();
    if (!follow) {
      return () => {
        live = false;
      };
    }
    const refetch = throttle(() => void fetch(), REFETCH_MS);
    const unsubscribe = client.subscribe('taskChanged', (batch) => {
      if (batch.some((change) => change.taskId === taskId)) refetch();
    });
    return () => {
      live = false;
      refetch.cancel();
      unsubscribe();
    };
  }, [client, taskId, follow]);
  return state && state.taskId === taskId ? state : { executions: null, error: null };
}
