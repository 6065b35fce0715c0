import { useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { TaskDetail } from '../../../shared/task/views';
import type { ChartSources } from './model/chart-data';
import { chartWindow, type ChartWindow } from './model/chart-window';
import { summedPointBudget } from './model/point-budget';
import { realTimers, throttle, type ThrottleHistory } from '../common/throttle';
import type { Failure } from '../common/error-message';

const REFETCH_INTERVAL_MS = 1000;

export interface ChartSourcesState {
  /** The task the sources belong to, so a panel switched to another task never draws the last one's. */
  taskId: string | null;
  sources: ChartSources | null;
  window: ChartWindow | null;
  failure: Failure | null;
}

async function fetchSources(client: ConsoleClient, taskId: string, engineIds: readonly string[], nodeId: string | null, range: { from: number; to: number; points: number }): Promise<ChartSources> {
  // The selected node shares the task total's buckets, so one tooltip shows both.
  const own = { ...range, points: summedPointBudget(range.points, range.to - range.from) };
  const [task, node, engines, progress] = await Promise.all([
    client.getResourceSeries({ scope: 'task', taskId, ...own }),
    nodeId === null ? null : client.getResourceSeries({ scope: 'node', taskId, nodeId, ...own }),
    Promise.all(engineIds.map(async (engineId) => ({ engineId, series: await client.getResourceSeries({ scope: 'engine', engineId, ...range }) }))),
    client.getProgressSeries({ taskId, ...range }),
  ]);
  return { task, node, engines, progress: progress.points };
}

/**
 * The series a task's charts draw, fetched for the current window and point budget, and again
 * at most once a second while samples or node ends of this task (or its Engines) arrive.
 */
export function useChartSources(client: ConsoleClient, task: TaskDetail, nodeId: string | null, at: number | null, points: number): ChartSourcesState {
  const [state, setState] = useState<ChartSourcesState>({ taskId: null, sources: null, window: null, failure: null });
  const history = useRef<ThrottleHistory>({ last: -Infinity });
  const { taskId, createdAt, startTime, endTime } = task;
  const engineKey = task.engineIds.join('\n');

  useEffect(() => {
    const engineIds = engineKey === '' ? [] : engineKey.split('\n');
    let active = true;
    let sequence = 0;
    const refetch = throttle(
      () => {
        const mine = ++sequence;
        const current = () => active && mine === sequence;
        const load = async () => {
          // While replaying, the task passed in is as it was at the moment; the axis spans the
          // task as it is now, so the marker shows how far into the run the moment lies.
          const times = at === null ? { createdAt, startTime, endTime } : await client.getTask(taskId);
          const window = chartWindow(times, at, Date.now());
          return { window, sources: await fetchSources(client, taskId, engineIds, nodeId, { from: window.from, to: window.to, points }) };
        };
        load().then(
          ({ sources, window }) => current() && setState({ taskId, sources, window, failure: null }),
          (error: unknown) => current() && setState((previous) => ({ ...previous, failure: { error } })),
        );
      },
      REFETCH_INTERVAL_MS,
      realTimers,
      history.current,
    );
    refetch();
    if (at !== null) {
      return () => {
        active = false;
        refetch.cancel();
      };
    }
    const engines = new Set(engineIds);
    const offSamples = client.subscribe('samplesAppended', (batches) => {
      if (batches.some((batch) => (batch.taskId === null ? engines.has(batch.engineId) : batch.taskId === taskId))) refetch();
    });
    const offChanges = client.subscribe('taskChanged', (changes) => {
      if (changes.some((change) => change.taskId === taskId)) refetch();
    }, refetch);
    return () => {
      active = false;
      refetch.cancel();
      offSamples();
      offChanges();
    };
  }, [client, taskId, createdAt, startTime, endTime, engineKey, nodeId, at, points]);

  return state;
}
