import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TaskDetail } from '../../../shared/task/views';
import { wholePercent } from '../../../shared/task/progress';
import type { TaskNodes } from '../task-panels/task-panel';
import { taskDuration } from './dashboard/task-table';
import { taskShare } from './model/task-progress';
import { taskCounters } from './counters';
import { formatTime, useFormatDuration } from '../common/format';
import { StatusBadge } from './StatusBadge';
import { useNow } from '../common/use-now';
import { ReasonText } from '../i18n/ReasonText';
import type { ConsoleClient } from '../../../shared/api/contract';
import { ForecastSummary } from './forecast/ForecastSummary';

/** The task at a glance: name, status, progress, counters and duration; actions beside. */
export function TaskHeader({ client, task, nodes, replayAt, onBack, children }: { client: ConsoleClient; task: TaskDetail; nodes: TaskNodes; replayAt: number | null; onBack: () => void; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const formatDuration = useFormatDuration();
  const now = useNow(replayAt === null && task.startTime !== null && task.endTime === null);
  const percent = wholePercent(taskShare(task, nodes));
  return (
    <header className="task-header">
      <button type="button" className="icon-button" onClick={onBack} aria-label={t('monitor.task.back')} title={t('monitor.task.back')}>
        ←
      </button>
      <div className="task-title">
        <h2 data-testid="task-name" data-verbatim="">
          {task.name}
        </h2>
        <span className="task-id" title={engineText(t, task)}>
          #{task.taskId}
        </span>
        {task.description && (
          <span className="task-description muted" title={task.description} data-testid="task-description">
            {task.description}
          </span>
        )}
      </div>
      <StatusBadge status={task.status} large />
      <div className="task-progress-block" title={`${percent}%`} data-testid="task-progress" data-percent={percent}>
        <progress max={100} value={percent} aria-label={t('monitor.dashboard.columns.progress')} />
        <span className="numeric">{percent}%</span>
      </div>
      <dl className="task-counter-list" data-testid="task-counters">
        {taskCounters(task).map(([name, value]) => (
          <div key={name} className={`counter counter-${name}`} data-counter={name}>
            <dt>{t(`monitor.counters.${name}`)}</dt>
            <dd className="numeric">{value}</dd>
          </div>
        ))}
        <div className="counter">
          <dt>{t('monitor.task.duration')}</dt>
          <dd className="numeric">{formatDuration(taskDuration(task, replayAt ?? now))}</dd>
        </div>
      </dl>
      <ForecastSummary client={client} task={task} at={replayAt} />
      {replayAt !== null && (
        <span className="replay-flag" data-testid="replay-flag">
          {t('monitor.task.replayAt', { time: formatTime(replayAt, i18n.language) })}
        </span>
      )}
      <div className="task-actions">{children}</div>
      {task.errorMessage && (
        <p className="task-error-line" role="status">
          <ReasonText text={task.errorMessage} />
        </p>
      )}
    </header>
  );
}

/** Where the task was submitted; nothing before it was. */
function engineText(t: TFunction, task: TaskDetail): string | undefined {
  if (task.engineTaskId === null) return undefined;
  return task.engineUrl === null ? t('monitor.task.engineInProcess', { id: task.engineTaskId }) : t('monitor.task.engineAt', { id: task.engineTaskId, url: task.engineUrl });
}
