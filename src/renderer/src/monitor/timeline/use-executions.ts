import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { ExecutionView } from '../../../../shared/task/views';
import { throttle } from '../../common/throttle';
import { executionsCursor, mergeExecutions } from './timeline-model';
import { errorMessage, type Failure } from '../../common/error-message';

const REFETCH_MS = 1000;

type ExecutionsState = { taskId: string; executions: readonly ExecutionView[] | null; failure: Failure | null };

/**
 * A task's executions. While following a run, each commit that touches the task asks (at most
 * once a second) for the executions written since the newest one seen, and merges them in: a
 * 10,000-node run sends its changes, not every execution every second. A gap in the change
 * stream (a reconnect) lists them all again.
 */
export function useExecutions(client: ConsoleClient, taskId: string, follow: boolean): { executions: readonly ExecutionView[] | null; error: string | null } {
  const { t } = useTranslation();
  const [state, setState] = useState<ExecutionsState | null>(null);
  useEffect(() => {
    let live = true;
    let known: readonly ExecutionView[] | null = null;
    let cursor: number | null = null;
    let inFlight = false;
    // Asked for while a fetch was out: another when it is back, a full one if any ask was.
    let again: { full: boolean } | null = null;
    const fetch = (full: boolean) => {
      if (inFlight) {
        again = { full: full || (again?.full ?? false) };
        return;
      }
      inFlight = true;
      const since = full || known === null || cursor === null ? undefined : cursor;
      client.listExecutions(taskId, since === undefined ? undefined : { updatedSince: since }).then(
        (executions) => {
          if (!live) return;
          known = since === undefined ? executions : mergeExecutions(known ?? [], executions);
          cursor = executionsCursor(executions, since === undefined ? null : cursor);
          setState({ taskId, executions: known, failure: null });
        },
        (error: unknown) => live && setState({ taskId, executions: known, failure: { error } }),
      ).finally(() => {
        inFlight = false;
        const next = again;
        again = null;
        if (next && live) fetch(next.full);
      });
    };
    fetch(true);
    if (!follow) {
      return () => {
        live = false;
      };
    }
    const refetch = throttle(() => fetch(false), REFETCH_MS);
    const unsubscribe = client.subscribe(
      'taskChanged',
      (batch) => {
        if (batch.some((change) => change.taskId === taskId)) refetch();
      },
      () => fetch(true),
    );
    return () => {
      live = false;
      refetch.cancel();
      unsubscribe();
    };
  }, [client, taskId, follow]);
  if (!state || state.taskId !== taskId) return { executions: null, error: null };
  return { executions: state.executions, error: state.failure && errorMessage(t, state.failure.error) };
}
