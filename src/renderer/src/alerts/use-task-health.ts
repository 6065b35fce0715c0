import { useEffect, useRef, useState } from 'react';
import type { TaskHealth } from '../../../shared/api/alerts';
import type { ConsoleClient } from '../../../shared/api/contract';
import { realTimers, throttle, type ThrottleHistory } from '../common/throttle';
import type { Failure } from '../common/error-message';

export interface TaskHealthState {
  health: TaskHealth | null;
  failure: Failure | null;
}

/** The core's live health figure for a task, fetched again at most once a second as its nodes end. */
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
    const offChanges = client.subscribe('taskChanged', (changes) => {
      if (changes.some((change) => change.taskId === taskId && change.nodes.some((node) => node.status === 'completed' || node.status === 'failed'))) refetch();
    }, refetch);
    const offAlerts = client.subscribe('alert', (alert) => alert.taskId === taskId && refetch());
    return () => {
      active = false;
      refetch.cancel();
      offChanges();
      offAlerts();
    };
  }, [client, taskId, live]);
  return state;
}
