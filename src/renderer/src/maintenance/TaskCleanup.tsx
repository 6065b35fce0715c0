import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIVE_TASK_STATUSES } from '../../../shared/task/removal';
import type { TaskSummary } from '../../../shared/task/views';
import type { TaskRemoval } from './use-task-removal';
import './maintenance.css';

/** "Delete ended tasks…": a number of days, counted and confirmed before anything goes. */
export function PruneTasks({ removal }: { removal: TaskRemoval }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState(30);
  if (!open) {
    return (
      <button type="button" data-testid="prune-tasks" onClick={() => setOpen(true)}>
        {t('maintenance.tasks.prune')}
      </button>
    );
  }
  return (
    <span className="inline-field">
      <label className="inline-field">
        <span>{t('maintenance.tasks.pruneDays')}</span>
        <input type="number" min={0} value={days} data-testid="prune-days" onChange={(event) => setDays(Math.max(0, Number(event.target.value) || 0))} />
      </label>
      <button type="button" data-testid="prune-count" onClick={() => removal.askDelete({ olderThanDays: days })}>
        {t('maintenance.tasks.pruneCheck')}
      </button>
    </span>
  );
}

/** A task row's archive and delete buttons; a live task's are disabled, saying why. */
export function TaskRowActions({ task, removal }: { task: TaskSummary; removal: TaskRemoval }) {
  const { t } = useTranslation();
  const live = LIVE_TASK_STATUSES.includes(task.status);
  const archived = task.archivedAt !== undefined && task.archivedAt !== null;
  const title = live ? t('maintenance.tasks.liveRefused') : undefined;
  return (
    // The row opens the task; its buttons act without opening it.
    <td className="task-row-actions" onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      {archived && <span className="muted">{t('maintenance.tasks.archived')} </span>}
      <button type="button" disabled={live} title={title} data-testid="task-archive" onClick={() => removal.setArchived(task.taskId, !archived)}>
        {archived ? t('maintenance.tasks.unarchive') : t('maintenance.tasks.archive')}
      </button>
      <button type="button" disabled={live} title={title} data-testid="task-delete" onClick={() => removal.askDelete({ taskIds: [task.taskId] })}>
        {t('maintenance.tasks.delete')}
      </button>
    </td>
  );
}
