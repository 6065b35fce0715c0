import { useCallback, useSyncExternalStore } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { isTerminalTaskStatus } from '../../../../shared/status';
import type { TaskDetail } from '../../../../shared/task/views';
import { throttle } from '../../common/throttle';
import { forecastModel, type ForecastModel } from './forecast-model';

/** Node changes come in bursts; the forecast is recomputed at most this often. */
const REFETCH_MS = 1500;
/** A running node's expected end moves with the clock even when nothing changes. */
const DRIFT_MS = 10_000;

interface Feed {
  model: ForecastModel | null;
  listeners: Set<() => void>;
  stop: () => void;
}

/**
 * The header, the timeline, the graph and the node detail all show one task's forecast: they
 * share one feed per task (and per client), so that a node's end asks the core once, not four
 * times.
 */
const feeds = new WeakMap<ConsoleClient, Map<string, Feed>>();

function openFeed(client: ConsoleClient, taskId: string): Feed {
  const feed: Feed = { model: null, listeners: new Set(), stop: () => undefined };
  let live = true;
  let inFlight = false;
  let again = false;
  const fetch = () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    client.getForecast(taskId).then(
      (view) => {
        if (!live) return;
        feed.model = forecastModel(view);
        for (const listener of feed.listeners) listener();
      },
      // A forecast is an aid: when it cannot be had, the panels show none rather than stop.
      () => undefined,
    ).finally(() => {
      inFlight = false;
      if (again && live) {
        again = false;
        fetch();
      }
    });
  };
  const refetch = throttle(fetch, REFETCH_MS);
  const unsubscribe = client.subscribe(
    'taskChanged',
    (batch) => {
      if (batch.some((change) => change.taskId === taskId)) refetch();
    },
    fetch,
  );
  const drift = setInterval(refetch, DRIFT_MS);
  fetch();
  feed.stop = () => {
    live = false;
    refetch.cancel();
    clearInterval(drift);
    unsubscribe();
  };
  return feed;
}

function subscribeFeed(client: ConsoleClient, taskId: string, listener: () => void): () => void {
  let byTask = feeds.get(client);
  if (!byTask) feeds.set(client, (byTask = new Map()));
  let feed = byTask.get(taskId);
  if (!feed) byTask.set(taskId, (feed = openFeed(client, taskId)));
  feed.listeners.add(listener);
  return () => {
    feed.listeners.delete(listener);
    if (feed.listeners.size > 0) return;
    feed.stop();
    byTask.delete(taskId);
  };
}

const NO_FEED = () => () => undefined;

/**
 * The task's forecast, kept up to date while it has not ended; null while replaying (a forecast
 * is of the run from now on), after the end, and until the first answer.
 */
export function useForecast(client: ConsoleClient, task: Pick<TaskDetail, 'taskId' | 'status'>, at: number | null): ForecastModel | null {
  const wanted = at === null && !isTerminalTaskStatus(task.status);
  const { taskId } = task;
  const subscribe = useCallback((listener: () => void) => subscribeFeed(client, taskId, listener), [client, taskId]);
  const model = useSyncExternalStore(wanted ? subscribe : NO_FEED, () => (wanted ? (feeds.get(client)?.get(taskId)?.model ?? null) : null));
  return model?.view.taskId === taskId ? model : null;
}
