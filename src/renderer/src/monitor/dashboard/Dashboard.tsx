import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { Id } from '../../../../shared/ids';
import { isActiveTaskStatus, TASK_STATUSES, type TaskStatus } from '../../../../shared/status';
import type { TaskSummary } from '../../../../shared/task/views';
import { OperatorsPanel } from '../../engines/OperatorsPanel';
import { EngineHealth } from '../../engines/EngineHealth';
import { formatPercent, formatTime, useFormatDuration } from '../../common/format';
import { StatusBadge } from '../StatusBadge';
import { useNow } from '../../common/use-now';
import { applySnapshots, filterAndSortTasks, statusCounts, TASK_SORT_KEYS, taskDuration, taskProgress, type TaskSortKey } from './task-table';
import './dashboard.css';
import { formatRoute } from '../../shell/route';
import type { Failure } from '../../common/error-message';
import { LoadFailed } from '../../common/LoadFailed';
import { PruneTasks, TaskRowActions } from '../../maintenance/TaskCleanup';
import { useTaskRemoval } from '../../maintenance/use-task-removal';
import { useSessionRole } from '../../shell/use-session-role';
import { ReasonText, useReasonWords } from '../../i18n/ReasonText';

const RELIST_MS = 1000;

function useTaskList(client: ConsoleClient, includeArchived: boolean, version: number): { tasks: TaskSummary[] | null; failure: Failure | null } {
  const [tasks, setTasks] = useState<TaskSummary[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  useEffect(() => {
    let live = true;
    let relistTimer: ReturnType<typeof setTimeout> | null = null;
    const relist = () => {
      relistTimer = null;
      client.listTasks({ limit: 1000, includeArchived }).then(
        (list) => {
          if (!live) return;
          setTasks(list);
          setFailure(null);
        },
        (error: unknown) => live && setFailure({ error }),
      );
    };
    relist();
    const unsubscribe = client.subscribe('taskChanged', (batch) => {
      const snapshots = batch.flatMap((change) => (change.task ? [change.task] : []));
      if (snapshots.length === 0) return;
      setTasks((current) => {
        const next = current && applySnapshots(current, snapshots);
        if (next) return next;
        relistTimer ??= setTimeout(relist, RELIST_MS);
        return current;
      });
    }, relist);
    return () => {
      live = false;
      unsubscribe();
      if (relistTimer !== null) clearTimeout(relistTimer);
    };
  }, [client, includeArchived, version]);
  return { tasks, failure };
}

/** Every task with its status, progress, counters, duration and Engines; Engine health beside. */
export function Dashboard({ client, onOpenTask }: { client: ConsoleClient; onOpenTask: (taskId: Id) => void }) {
  const { t, i18n } = useTranslation();
  const reasonWords = useReasonWords();
  const formatDuration = useFormatDuration();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  const { tasks, failure } = useTaskList(client, includeArchived, listVersion);
  const canEdit = useSessionRole(client) === 'operator';
  const removal = useTaskRemoval(client, () => setListVersion((version) => version + 1));
  const [statuses, setStatuses] = useState<ReadonlySet<TaskStatus>>(new Set());
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TaskSortKey>('created');
  const [descending, setDescending] = useState(true);
  const anyRunning = tasks?.some((task) => isActiveTaskStatus(task.status)) ?? false;
  const now = useNow(anyRunning);
  const shown = useMemo(() => (tasks ? filterAndSortTasks(tasks, { statuses, search, sort, descending }, now) : []), [tasks, statuses, search, sort, descending, now]);
  const counts = useMemo(() => statusCounts(tasks ?? []), [tasks]);

  const toggleStatus = (status: TaskStatus) =>
    setStatuses((current) => {
      const next = new Set(current);
      if (!next.delete(status)) next.add(status);
      return next;
    });
  const sortBy = (key: TaskSortKey) => {
    if (key === sort) setDescending((value) => !value);
    else {
      setSort(key);
      setDescending(key === 'created' || key === 'progress' || key === 'duration');
    }
  };

  return (
    <div className="dashboard" data-testid="dashboard">
      <section className="dashboard-tasks">
        <div className="dashboard-filters" role="toolbar" aria-label={t('monitor.dashboard.filters')}>
          <input
            type="search"
            className="dashboard-search"
            placeholder={t('monitor.dashboard.search')}
            aria-label={t('monitor.dashboard.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          {TASK_STATUSES.map((status) => (
            <button
              type="button"
              key={status}
              className={`chip status-${status}${statuses.has(status) ? ' chip-on' : ''}`}
              aria-pressed={statuses.has(status)}
              onClick={() => toggleStatus(status)}
            >
              {t(`monitor.status.${status}`)} <span className="chip-count">{counts.get(status) ?? 0}</span>
            </button>
          ))}
          <label className="inline-field">
            <input type="checkbox" checked={includeArchived} data-testid="tasks-show-archived" onChange={(event) => setIncludeArchived(event.target.checked)} />
            <span>{t('maintenance.tasks.showArchived')}</span>
          </label>
          {canEdit && <PruneTasks removal={removal} />}
          <button type="button" data-testid="tasks-compare" onClick={() => (window.location.hash = formatRoute({ screen: 'compare', a: null, b: null }))}>{t('compare.open')}</button>
        </div>
        {removal.view}
        <LoadFailed failure={failure} message="monitor.dashboard.failed" className="dashboard-error" />
        {tasks === null && !failure && <p className="dashboard-empty">{t('common.loading')}</p>}
        {tasks !== null && (
          <table className="task-table" data-testid="task-table">
            <thead>
              <tr>
                {TASK_SORT_KEYS.map((key) => (
                  <th key={key} aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                      {t(`monitor.dashboard.columns.${key}`)}
                      {sort === key ? (descending ? ' ▾' : ' ▴') : ''}
                    </button>
                  </th>
                ))}
                <th>{t('monitor.dashboard.columns.counters')}</th>
                <th>{t('monitor.dashboard.columns.engines')}</th>
                {canEdit && <th>{t('maintenance.tasks.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((task) => (
                <tr key={task.taskId} data-task-id={task.taskId} tabIndex={0} onClick={() => onOpenTask(task.taskId)} onKeyDown={(event) => event.key === 'Enter' && onOpenTask(task.taskId)}>
                  <td className="task-created">{formatTime(task.createdAt, i18n.language)}</td>
                  <td>
                    <div className="task-name">
                      <span data-verbatim="">{task.name}</span>
                      <span className="task-id">#{task.taskId}</span>
                      {task.errorMessage && (
                        <span className="task-error" title={reasonWords(task.errorMessage)}>
                          <ReasonText text={task.errorMessage} />
                        </span>
                      )}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={task.status} />
                  </td>
                  <td className="task-progress">
                    <progress max={1} value={taskProgress(task)} aria-label={t('monitor.dashboard.columns.progress')} />
                    <span>{formatPercent(taskProgress(task))}</span>
                  </td>
                  <td className="numeric">{formatDuration(taskDuration(task, now))}</td>
                  <td>
                    <div className="task-counters">
                      <span title={t('monitor.counters.completed')} className="count-completed">✓ {task.completedNodes}</span>
                      <span title={t('monitor.counters.running')} className="count-running">▶ {task.runningNodes}</span>
                      <span title={t('monitor.counters.failed')} className="count-failed">✕ {task.failedNodes}</span>
                      <span title={t('monitor.counters.skipped')} className="count-skipped">↷ {task.skippedNodes}</span>
                      <span title={t('monitor.counters.total')}>/ {task.totalNodes}</span>
                    </div>
                  </td>
                  <td className="task-engines" data-verbatim="">
                    {task.engineIds.join(', ') || '—'}
                  </td>
                  {canEdit && <TaskRowActions task={task} removal={removal} />}
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={TASK_SORT_KEYS.length + (canEdit ? 3 : 2)} className="dashboard-empty">
                    {tasks.length === 0 ? t('monitor.dashboard.none') : t('monitor.dashboard.noMatch')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </section>
      <aside className="dashboard-engines">
        <EngineHealth client={client} />
        <OperatorsPanel client={client} canEdit={canEdit} />
      </aside>
    </div>
  );
}
