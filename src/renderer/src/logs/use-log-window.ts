import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import { LOG_PAGE_MAX, type LogPage, type LogQuery } from '../../../shared/api/logs';
import { coalescedPull } from './model/coalesced-pull';
import { concernsView } from './model/log-filters';
import {
  appendNewer,
  applyLive,
  EMPTY_WINDOW,
  liveCursor,
  markSeen,
  newerCursor,
  olderCursor,
  openAtTail,
  PAGE_SIZE,
  prependOlder,
  type LogWindow,
  type WindowChange,
} from './model/log-window';

/** The live tail reads new lines at most this often (a few large pages a second). */
const LIVE_PULL_GAP_MS = 250;

export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; error: unknown };

/** How the start of the window moved, so the list can keep the same lines in view. */
export interface ShiftAtStart {
  prepended: number;
  dropped: number;
  /** Grows with every change; the list reacts once per change. */
  seq: number;
}


/**
 * The bounded window of lines matching `query`: opened at the tail (the newest line, or the
 * replay moment), paged older and newer on
 * demand, and (when `live`) fed by logsAppended. `watchedRef` (the filtered node's subtree) narrows which notices can matter;
 * `followingRef` tells whether the user is at the newest line, which decides whether live lines
 * push old ones out or are only counted. Answers to a superseded query are dropped.
 */
export function useLogWindow(
  client: ConsoleClient,
  query: LogQuery | null,
  live: boolean,
  watchedRef: { readonly current: ReadonlySet<string> | null },
  followingRef: { readonly current: boolean },
) {
  const [reloads, setReloads] = useState(0);
  const queryKey = query === null ? null : JSON.stringify(query);
  const key = `${queryKey}#${reloads}`;
  // Until a new query answers, the old lines stay in view (a replay moving on, a filter
  // changed): the list keeps its place instead of flashing empty.
  const [state, setState] = useState<{ key: string; window: LogWindow; load: LoadState }>({ key: '', window: EMPTY_WINDOW, load: { kind: 'loading' } });
  const current =
    state.key === key ? state : query === null ? { key, window: EMPTY_WINDOW, load: { kind: 'ready' } as const } : { key, window: state.window, load: { kind: 'loading' } as const };
  const [shift, setShift] = useState<ShiftAtStart>({ prepended: 0, dropped: 0, seq: 0 });
  const windowRef = useRef(EMPTY_WINDOW);
  const generation = useRef(0);
  const busy = useRef({ older: false, newer: false });

  const commit = useCallback((forKey: string, change: WindowChange) => {
    windowRef.current = change.window;
    setState((last) => ({ key: forKey, window: change.window, load: last.key === forKey ? last.load : { kind: 'ready' } }));
    if (change.prepended > 0 || change.dropped > 0) setShift((last) => ({ prepended: change.prepended, dropped: change.dropped, seq: last.seq + 1 }));
  }, []);
  const fail = useCallback((forKey: string, error: unknown) => {
    setState((last) => ({ key: forKey, window: last.key === forKey ? last.window : EMPTY_WINDOW, load: { kind: 'error', error } }));
  }, []);

  useEffect(() => {
    const generationNow = ++generation.current;
    busy.current = { older: false, newer: false };
    windowRef.current = EMPTY_WINDOW;
    if (query === null) return;
    client.queryLogs({ ...query, direction: 'backward', limit: PAGE_SIZE }).then(
      (page) => {
        if (generationNow !== generation.current) return;
        commit(key, { window: openAtTail(page), prepended: 0, dropped: 0 });
      },
      (error: unknown) => {
        if (generationNow === generation.current) fail(key, error);
      },
    );
    // key stands for the query's content and the reload count.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, commit, fail]);

  const fetchThen = useCallback(
    (which: 'older' | 'newer', page: () => Promise<LogPage>, apply: (window: LogWindow, page: LogPage) => WindowChange) => {
      if (busy.current[which]) return;
      busy.current[which] = true;
      const generationNow = generation.current;
      page().then(
        (result) => {
          if (generationNow !== generation.current) return;
          busy.current[which] = false;
          commit(key, apply(windowRef.current, result));
        },
        (error: unknown) => {
          if (generationNow !== generation.current) return;
          busy.current[which] = false;
          fail(key, error);
        },
      );
    },
    [commit, fail, key],
  );

  const loadOlder = useCallback(() => {
    const cursor = olderCursor(windowRef.current);
    if (query === null || cursor === null) return;
    fetchThen('older', () => client.queryLogs({ ...query, direction: 'backward', cursor, limit: PAGE_SIZE }), prependOlder);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, fetchThen]);

  const loadNewer = useCallback(() => {
    if (query === null || !windowRef.current.hasNewer) return;
    const cursor = newerCursor(windowRef.current);
    fetchThen('newer', () => client.queryLogs({ ...query, direction: 'forward', limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) }), appendNewer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, fetchThen]);

  useEffect(() => {
    if (!live || query === null || current.load.kind !== 'ready') return;
    let active = true;
    const puller = coalescedPull(
      async () => {
        const cursor = liveCursor(windowRef.current);
        const page = await client.queryLogs({ ...query, direction: 'forward', limit: LOG_PAGE_MAX, ...(cursor === undefined ? {} : { cursor }) });
        if (!active) return false;
        commit(key, applyLive(windowRef.current, page, followingRef.current));
        return page.nextCursor !== null;
      },
      (error) => {
        if (active) fail(key, error);
      },
      LIVE_PULL_GAP_MS,
    );
    // Lines may have arrived between the first page and this subscription.
    puller.pull();
    const unsubscribe = client.subscribe('logsAppended', (batches) => {
      if (concernsView(batches, query.taskId, watchedRef.current)) puller.pull();
    }, () => puller.pull());
    return () => {
      active = false;
      puller.stop();
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, live, current.load.kind, commit, fail, followingRef, watchedRef]);

  const seen = useCallback(() => {
    const next = markSeen(windowRef.current);
    if (next !== windowRef.current) commit(key, { window: next, prepended: 0, dropped: 0 });
  }, [commit, key]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  return { logWindow: current.window, load: current.load, shift, loadOlder, loadNewer, seen, reload };
}
