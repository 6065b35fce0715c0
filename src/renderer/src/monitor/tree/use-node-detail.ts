import { useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { NodeDetail } from '../../../../shared/task/views';
import { changesTouchNode } from './model/control-outcome';
import { throttle } from '../../common/throttle';

export type DetailState =
  | { state: 'loading'; nodeId: string }
  | { state: 'loaded'; nodeId: string; detail: NodeDetail }
  | { state: 'failed'; nodeId: string; error: unknown };

/** Refetches of a busy node's history come at most this often. */
const REFETCH_MS = 1000;

/**
 * A node's executions and transitions, fetched when it is chosen and again (throttled) when
 * a change event for that node arrives. A failed refetch keeps what was shown.
 */
export function useNodeDetail(client: ConsoleClient, taskId: string, nodeId: string | null): DetailState | null {
  const [detail, setDetail] = useState<DetailState | null>(null);
  useEffect(() => {
    if (nodeId === null) return;
    let live = true;
    const load = () => {
      client.getNodeDetail(taskId, nodeId).then(
        (result) => {
          if (live) setDetail({ state: 'loaded', nodeId, detail: result });
        },
        (error: unknown) => {
          if (live) setDetail((shown) => (shown?.state === 'loaded' && shown.nodeId === nodeId ? shown : { state: 'failed', nodeId, error }));
        },
      );
    };
    const refetch = throttle(load, REFETCH_MS);
    refetch();
    const unsubscribe = client.subscribe('taskChanged', (changes) => {
      if (changesTouchNode(changes, taskId, nodeId)) refetch();
    }, refetch);
    return () => {
      live = false;
      refetch.cancel();
      unsubscribe();
    };
  }, [client, taskId, nodeId]);
  if (nodeId === null) return null;
  return detail?.nodeId === nodeId ? detail : { state: 'loading', nodeId };
}
