import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { TaskDetail, TaskSummary } from '../../../shared/task/views';
import { formatRoute } from '../shell/route';
import { previousRun } from './model/compare-view';

/**
 * The monitor's way to the comparison: this run as B, the previous run of its workflow as A
 * (or A left to pick when there is none).
 */
export function CompareWithPrevious({ client, task }: { client: ConsoleClient; task: TaskDetail }) {
  const { t } = useTranslation();
  const [previous, setPrevious] = useState<TaskSummary | null>(null);
  useEffect(() => {
    let live = true;
    client.listTasks({ limit: 1000, includeArchived: true }).then(
      (tasks) => live && setPrevious(previousRun(tasks, { taskId: task.taskId, name: task.name, workflowName: task.workflow.name, createdAt: task.createdAt })),
      // Without the list the button still opens the comparison, with run A to pick.
      () => live && setPrevious(null),
    );
    return () => {
      live = false;
    };
  }, [client, task.taskId, task.name, task.workflow.name, task.createdAt]);
  return (
    <button
      type="button"
      data-testid="compare-with-previous"
      title={previous ? t('compare.withPreviousTip', { name: previous.name, id: previous.taskId }) : t('compare.noPrevious')}
      onClick={() => (window.location.hash = formatRoute({ screen: 'compare', a: previous?.taskId ?? null, b: task.taskId }))}
    >
      {t('compare.withPrevious')}
    </button>
  );
}
