import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { isOpenTaskStatus } from '../../../../shared/status';
import type { TaskSummary } from '../../../../shared/task/views';
import { jsonEqual } from '../../../../shared/workflow/json-equal';
import { Dialog, DialogButtons } from '../../common/Dialog';
import { errorMessage } from '../../common/error-message';
import { readJsonObject } from './json-text';

type Editing = { text: string; held: Record<string, unknown>; reason: string; error: string | null };

/**
 * Edits the variables of a pending, running or paused task: the operator changes the JSON of
 * its variables; the names whose value changed are sent (nodes that have not started see them).
 */
export function TaskVariablesEditor({ client, task }: { client: ConsoleClient; task: TaskSummary }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  if (task.status !== 'pending' && !isOpenTaskStatus(task.status)) return null;

  const open = async () => {
    setNotice(null);
    try {
      const { variables } = await client.getTask(task.taskId);
      setEditing({ text: JSON.stringify(variables, null, 2), held: variables, reason: '', error: null });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  const save = async (current: Editing) => {
    const read = readJsonObject(current.text);
    if (!read.ok) return setEditing({ ...current, error: t('liveEdit.notJsonObject', { error: read.error }) });
    const removed = Object.keys(current.held).filter((name) => !(name in read.value));
    if (removed.length > 0) return setEditing({ ...current, error: t('liveEdit.variables.cannotRemove', { names: removed.join(', ') }) });
    const patch = Object.fromEntries(Object.entries(read.value).filter(([name, value]) => !jsonEqual(current.held[name], value)));
    if (Object.keys(patch).length === 0) return setEditing({ ...current, error: t('liveEdit.variables.unchanged') });
    try {
      const changes = await client.setTaskVariables(task.taskId, patch, current.reason.trim() || undefined);
      setEditing(null);
      setNotice({ ok: true, text: t('liveEdit.variables.done', { count: changes.length }) });
    } catch (error) {
      setEditing({ ...current, error: errorMessage(t, error) });
    }
  };

  return (
    <>
      <button type="button" data-testid="task-edit-variables" onClick={() => void open()}>
        {t('liveEdit.variables.open')}
      </button>
      {notice && (
        <span className={notice.ok ? 'control-outcome' : 'control-outcome control-failed'} role="status" data-testid="task-variables-outcome">
          {notice.text}
        </span>
      )}
      {editing && (
        <Dialog
          title={t('liveEdit.variables.title')}
          testId="task-variables-dialog"
          wide
          onClose={() => setEditing(null)}
          actions={<DialogButtons onCancel={() => setEditing(null)} acceptLabel={t('liveEdit.variables.save')} testId="task-variables-save" onAccept={() => void save(editing)} />}
        >
          <p>{t('liveEdit.variables.body')}</p>
          <label className="field">
            <span>{t('liveEdit.variables.json')}</span>
            <textarea data-testid="task-variables-json" rows={10} spellCheck={false} value={editing.text} onChange={(event) => setEditing({ ...editing, text: event.target.value, error: null })} />
          </label>
          <label className="field">
            <span>{t('liveEdit.reason')}</span>
            <input data-testid="task-variables-reason" maxLength={500} value={editing.reason} onChange={(event) => setEditing({ ...editing, reason: event.target.value })} />
          </label>
          {editing.error && (
            <p className="control-failed" role="alert" data-testid="task-variables-error">
              {editing.error}
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
