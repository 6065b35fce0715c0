import { useEffect, useRef, useState } from 'react';
import type { TaskHealth } from '../../../shared/api/alerts';
import type { ConsoleClient } from '../../../shared/api/contract';
import { realTimers, throttle, type ThrottleHistory } from '../common/throttle';
import type { Failure } from '../common/error-message';

export interface TaskHealthState {
  health: TaskHealth | null;
  failure: Failure | null;
}

/**
 * The core's analysis of a task (shared/alerts/task-analysis.ts over the store's figures),
 * fetched again at most once a second as its nodes end or its alerts change, and each minute
 * as its run time grows.
 */
export function useTaskHealth(client: ConsoleClient, taskId: string, live: boolean): TaskHealthState {
  const [state, setState] = useState<TaskHealthState>({ health: null, failure: null });
  const history = useRef<ThrottleHistory>({ last: -Infinity });
  useEffect(() => {
    if (!live) return;
    let active = true;
    const refetch = throttle(
      () => {
        client.getTaskHealth(taskId).then(
          (health) => active && setState({ health, failure: null }),
          (error: unknown) => active && setState((previous) => ({ ...previous, failure: { error } })),
        );
      },
      1000,
      realTimers,
      history.current,
    );
    refetch();
    const ticking = setInterval(refetch, 60_000);
    const offChanges = client.subscribe('taskChanged', (changes) => {
      if (changes.some((change) => change.taskId === taskId && change.nodes.some((node) => node.status === 'completed' || node.status === 'failed'))) refetch();
    }, refetch);
    const offAlerts = client.subscribe('alert', (alert) => alert.taskId === taskId && refetch());
    return () => {
      active = false;
      refetch.cancel();
      clearInterval(ticking);
      offChanges();
      offAlerts();
    };
  }, [client, taskId, live]);
  return state;
}
