import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { isManualAgent } from '../../../../shared/engine/agent-kind';
import { eventTimes, type EventTimes } from '../../../../shared/review/event-kinds';
import type { TaskDetail, TransitionView } from '../../../../shared/task/views';
import type { TaskNodes } from '../../task-panels/task-panel';
import { indexReplay, type ReplayIndex } from './replay-index';
import { createRebuilder } from './replay-rebuilder';
import { replayBounds, type ReplayBounds } from './replay-state';
import { errorMessage } from '../../common/error-message';

type Loaded = { taskId: string; index: ReplayIndex; transitions: readonly TransitionView[] } | { taskId: string; error: unknown };

export interface ReplayState {
  /** The moment shown; null until the history has loaded. */
  at: number | null;
  setAt: (at: number) => void;
  nodes: TaskNodes | null;
  task: TaskDetail | null;
  bounds: ReplayBounds | null;
  /** Every moment something changed, for stepping between them. */
  changes: readonly number[];
  /** The moments of each kind of event (failures, manual decisions, injects, operator actions), to jump to and pause at. */
  events: EventTimes | null;
  loading: boolean;
  error: string | null;
  playing: boolean;
  setPlaying: (playing: boolean) => void;
}

const NO_CHANGES: readonly number[] = [];

/**
 * A finished task replayed: its whole history of transitions and executions is read once
 * each time replay is turned on (the store offers no paging of transitions beyond `until`,
 * and the end of a finished task is its end), then any moment is rebuilt from memory.
 */
export function useReplay(client: ConsoleClient, task: TaskDetail | null, liveNodes: TaskNodes | null, enabled = true): ReplayState {
  const { t } = useTranslation();
  const taskId = task?.taskId ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [moment, setMoment] = useState<{ taskId: string; at: number } | null>(null);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!enabled || taskId === null) return;
    let live = true;
    Promise.all([client.listTransitions({ taskId }), client.listExecutions(taskId)]).then(
      ([transitions, executions]) => {
        if (live) setLoaded({ taskId, index: indexReplay(transitions, executions), transitions });
      },
      (error: unknown) => live && setLoaded({ taskId, error }),
    );
    return () => {
      live = false;
    };
  }, [client, taskId, enabled]);

  const current = loaded && loaded.taskId === taskId && enabled ? loaded : null;
  const index = current && 'index' in current ? current.index : null;
  const createdAt = task?.createdAt ?? 0;
  const startTime = task?.startTime ?? null;
  const endTime = task?.endTime ?? null;
  const bounds = useMemo(
    () => (index ? replayBounds({ createdAt, startTime, endTime }, index.times.map((time) => ({ time }))) : null),
    [index, createdAt, startTime, endTime],
  );
  const setAt = useCallback(
    (next: number) => {
      if (taskId !== null) setMoment({ taskId, at: next });
    },
    [taskId],
  );
  const transitions = current && 'transitions' in current ? current.transitions : null;
  const events = useMemo(() => {
    if (!transitions || !liveNodes) return null;
    const isManual = (nodeId: string) => {
      const view = liveNodes.byId.get(nodeId);
      return view !== undefined && (view.kind === 'manual' || isManualAgent(view.agentLoad));
    };
    return eventTimes(transitions, { isManual });
  }, [transitions, liveNodes]);
  const rebuild = useMemo(() => (index ? createRebuilder(index) : null), [index]);
  const at = bounds ? clamp(moment && moment.taskId === taskId ? moment.at : bounds.end, bounds) : null;
  const rebuilt = rebuild && task && liveNodes && at !== null ? rebuild(task, liveNodes, at) : null;

  return {
    at,
    setAt,
    nodes: rebuilt?.nodes ?? null,
    task: rebuilt?.task ?? null,
    bounds,
    changes: index?.times ?? NO_CHANGES,
    events,
    loading: enabled && current === null,
    error: current && 'error' in current ? errorMessage(t, current.error) : null,
    playing: playing && enabled,
    setPlaying,
  };
}

function clamp(at: number, bounds: ReplayBounds): number {
  return Math.min(bounds.end, Math.max(bounds.start, at));
}
