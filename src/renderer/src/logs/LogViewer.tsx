import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchTerms, type LogLine } from '../../../shared/api/logs';
import { errorMessage } from '../common/error-message';
import type { TaskPanelProps } from '../task-panels/task-panel';
import { LogExportButton } from './LogExportButton';
import { LogFilterBar } from './LogFilterBar';
import { LogLineDetail } from './LogLineDetail';
import { LogList } from './LogList';
import { formatLineDate } from './model/format';
import { activeFilterCount, filterProblem, NO_FILTERS, subtreeIds, toLogQuery, type LogFilters } from './model/log-filters';
import { useLogWindow } from './use-log-window';
import './logs.css';

/**
 * The log viewer of a task: filters, a virtualized window over however many lines match, a
 * live tail that pauses while the user reads further up, search hits marked, lines linked to
 * their nodes, and export of everything that matches.
 */
export const LogViewer = memo(function LogViewer({ client, task, nodes, at, selectedNodeId, onSelectNode }: TaskPanelProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<LogFilters>(() => ({ ...NO_FILTERS, nodeId: selectedNodeId }));
  const [following, setFollowing] = useState(true);
  const [jumpSeq, setJumpSeq] = useState(0);
  const [chosen, setChosen] = useState<LogLine | null>(null);
  const followingRef = useRef(true);
  const live = at === null;

  const problem = filterProblem(filters);
  const query = useMemo(() => (problem === null ? toLogQuery(task.taskId, filters, at) : null), [problem, task.taskId, filters, at]);
  const terms = useMemo(() => searchTerms(filters.search.trim()), [filters.search]);

  const watchedRef = useRef<ReadonlySet<string> | null>(null);
  watchedRef.current = useMemo(
    () => (filters.nodeId === null ? null : filters.subtree ? subtreeIds(nodes, filters.nodeId) : new Set([filters.nodeId])),
    // A subtree changes only with the hierarchy, which keeps its order array while statuses move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filters.nodeId, filters.subtree, nodes.order],
  );

  const { logWindow, load, shift, loadOlder, loadNewer, seen, reload } = useLogWindow(client, query, live, watchedRef, followingRef);

  const onFollowingChange = useCallback(
    (value: boolean) => {
      followingRef.current = value;
      setFollowing(value);
      if (value) seen();
    },
    [seen],
  );

  // New filters start at the newest matching lines, following them; a replay moving on keeps
  // the user's place.
  const changeFilters = useCallback((next: LogFilters) => {
    setFilters(next);
    followingRef.current = true;
    setFollowing(true);
    setJumpSeq((seq) => seq + 1);
  }, []);

  const jumpToLatest = useCallback(() => {
    followingRef.current = true;
    setFollowing(true);
    setJumpSeq((seq) => seq + 1);
    if (logWindow.hasNewer) reload();
    else seen();
  }, [logWindow.hasNewer, reload, seen]);

  const selectNode = useCallback((nodeId: string) => onSelectNode(nodeId), [onSelectNode]);
  const offerNode = selectedNodeId !== null && selectedNodeId !== filters.nodeId;
  const lines = logWindow.lines;
  const filtered = activeFilterCount(filters) > 0;

  return (
    <section className="log-viewer" aria-label={t('logs.title')}>
      <LogFilterBar filters={filters} onChange={changeFilters} nodes={nodes} />
      <div className="log-toolbar">
        <span className="log-toolbar__mode" data-mode={!live ? 'replay' : following ? 'live' : 'paused'}>
          {at !== null ? t('logs.mode.replay', { time: formatLineDate(at) }) : following ? t('logs.mode.live') : t('logs.mode.paused')}
        </span>
        {offerNode ? (
          <button type="button" className="log-button" onClick={() => changeFilters({ ...filters, nodeId: selectedNodeId })}>
            {t('logs.toolbar.showNode', { node: selectedNodeId })}
          </button>
        ) : null}
        {filters.nodeId !== null ? (
          <button type="button" className="log-button log-button--quiet" onClick={() => changeFilters({ ...filters, nodeId: null })}>
            {t('logs.toolbar.allNodes')}
          </button>
        ) : null}
        {load.kind === 'loading' && lines.length > 0 ? <span className="log-toolbar__count">{t('logs.states.loading')}</span> : null}
        <span className="log-toolbar__count">{t('logs.toolbar.loaded', { count: lines.length })}</span>
        <LogExportButton client={client} query={query} taskName={task.name} nodeId={filters.nodeId} />
      </div>
      {problem !== null ? (
        <p className="log-message log-message--problem" role="alert">
          {t(problem)}
        </p>
      ) : null}
      {load.kind === 'error' ? (
        <p className="log-message log-message--error" role="alert">
          {t('logs.states.error', { message: errorMessage(t, load.error) })}{' '}
          <button type="button" className="log-button" onClick={reload}>
            {t('logs.states.retry')}
          </button>
        </p>
      ) : null}
      <div className="log-body">
        {load.kind === 'loading' && lines.length === 0 ? <p className="log-message">{t('logs.states.loading')}</p> : null}
        {load.kind === 'ready' && lines.length === 0 && problem === null ? (
          <p className="log-message">{filtered ? t('logs.states.noMatch') : live ? t('logs.states.emptyLive') : t('logs.states.emptyReplay')}</p>
        ) : null}
        {lines.length > 0 ? (
          <LogList
            lines={lines}
            terms={terms}
            shift={shift}
            hasOlder={logWindow.hasOlder}
            hasNewer={logWindow.hasNewer}
            selectedNodeId={selectedNodeId}
            chosenId={chosen?.id ?? null}
            onSelectNode={selectNode}
            onChoose={setChosen}
            onNearTop={loadOlder}
            onNearBottom={loadNewer}
            onFollowingChange={onFollowingChange}
            jumpSeq={jumpSeq}
          />
        ) : null}
        {live && !following && lines.length > 0 ? (
          <button type="button" className="log-pill" onClick={jumpToLatest}>
            {logWindow.unseen > 0 ? t('logs.toolbar.newLines', { count: logWindow.unseen }) : t('logs.toolbar.jumpLatest')}
          </button>
        ) : null}
      </div>
      {chosen !== null ? <LogLineDetail line={chosen} terms={terms} onSelectNode={selectNode} onClose={() => setChosen(null)} /> : null}
    </section>
  );
});
