import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { Id } from '../../../shared/ids';
import type { TaskDeletionPreview, TaskSelection } from '../../../shared/task/removal';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage, type Failure } from '../common/error-message';

export interface TaskRemoval {
  /** Counts what the selection would delete, then asks, saying how many tasks and log lines go. */
  askDelete(selection: TaskSelection): void;
  setArchived(taskId: Id, archived: boolean): void;
  /** The confirmation, and the outcome or refusal of the last action. */
  view: ReactNode;
}

export function useTaskRemoval(client: ConsoleClient, onChanged: () => void): TaskRemoval {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<{ selection: TaskSelection; preview: TaskDeletionPreview } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = (action: Promise<string | null>) =>
    action.then(
      (message) => {
        setFailure(null);
        setNotice(message);
        onChanged();
      },
      (error: unknown) => {
        setNotice(null);
        setFailure({ error });
      },
    );
  return {
    askDelete(selection) {
      void run(
        client.previewTaskDeletion(selection).then((preview) => {
          if (preview.tasks.length === 0) return t('maintenance.tasks.nothingToDelete');
          setConfirming({ selection, preview });
          return null;
        }),
      );
    },
    setArchived(taskId, archived) {
      void run((archived ? client.archiveTasks({ taskIds: [taskId] }) : client.unarchiveTasks({ taskIds: [taskId] })).then(() => null));
    },
    view: (
      <>
        {failure && (
          <p role="alert" className="dashboard-error">
            {errorMessage(t, failure.error)}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
        {confirming && (
          <ConfirmDialog
            title={t('maintenance.tasks.deleteTitle', { count: confirming.preview.tasks.length })}
            body={t('maintenance.tasks.deleteBody', { count: confirming.preview.tasks.length, lines: confirming.preview.logLines })}
            confirmLabel={t('maintenance.tasks.delete')}
            onConfirm={() =>
              void run(client.deleteTasks(confirming.selection).then((result) => t('maintenance.tasks.deletedNotice', { count: result.deleted.length, lines: result.logLines })))
            }
            onClose={() => setConfirming(null)}
          />
        )}
      </>
    ),
  };
}
