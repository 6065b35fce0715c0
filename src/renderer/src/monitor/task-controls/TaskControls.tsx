import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { TaskSummary } from '../../../../shared/task/views';
import { Dialog, DialogButtons } from '../../common/Dialog';
import { availableTaskControls, TASK_CONTROLS, type TaskControl } from './available-task-controls';
import { errorMessage } from '../../common/error-message';
import { isTerminalTaskStatus } from '../../../../shared/status';
import { retryOutcomeLines } from './retry-outcome';

type Outcome = { ok: boolean; text: string; details?: string[] } | null;

/** A plain "Task resumed" is news for a moment (gone after this or when the task ends); a retry's list stays until dismissed. */
const NOTICE_MS = 5000;

/** Start, pause, resume, stop and retry-failed for a task: each confirmed, its result shown. */
export function TaskControls({ client, task }: { client: ConsoleClient; task: TaskSummary }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<TaskControl | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const available = availableTaskControls(task);
  // A plain notice goes once the task ends (adjusted while rendering, as React advises for derived state).
  const [seenStatus, setSeenStatus] = useState(task.status);
  if (task.status !== seenStatus) {
    setSeenStatus(task.status);
    if (isTerminalTaskStatus(task.status) && outcome && !outcome.details) setOutcome(null);
  }
  useEffect(() => {
    if (!outcome?.ok || outcome.details) return;
    const timer = setTimeout(() => setOutcome(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const run = async (control: TaskControl) => {
    setBusy(true);
    setOutcome(null);
    try {
      switch (control) {
        case 'start':
          await client.startTask(task.taskId);
          break;
        case 'pause':
          await client.pauseTask(task.taskId);
          break;
        case 'resume':
          await client.resumeTask(task.taskId);
          break;
        case 'stop':
          // No reason typed: none is sent, so that the core's own "task stopped" is stored, which every
          // window words in its language (a default in this window's language would stay in it).
          await client.stopTask(task.taskId, reason.trim() || undefined);
          break;
        case 'retryFailed': {
          const result = await client.retryFailed(task.taskId);
          setOutcome({ ok: true, text: t('monitor.controls.retried', { count: result.restarted.length }), details: retryOutcomeLines(result, t) });
          return;
        }
      }
      setOutcome({ ok: true, text: t(`monitor.controls.done.${control}`) });
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="task-controls" role="group" aria-label={t('monitor.controls.label')}>
      {TASK_CONTROLS.filter((control) => available.has(control)).map((control) => (
        <button
          type="button"
          key={control}
          data-testid={`task-${control}`}
          className={control === 'stop' ? 'danger-button' : control === 'start' ? 'primary-button' : undefined}
          disabled={busy}
          onClick={() => {
            setReason('');
            setAsking(control);
          }}
        >
          {t(`monitor.controls.${control}`)}
        </button>
      ))}
      {outcome && (
        <div className={outcome.ok ? 'control-outcome' : 'control-outcome control-failed'} role="status" data-testid="task-control-outcome">
          {outcome.text}
          {outcome.details && (
            <>
              <ul className="control-outcome-details" data-testid="task-control-details">
                {outcome.details.map((line, index) => (
                  // Lines may repeat ("and 3 more" under both lists) and never reorder.
                  <li key={index}>{line}</li>
                ))}
              </ul>
              <button type="button" className="link-button" onClick={() => setOutcome(null)} data-testid="task-control-dismiss">
                {t('common.close')}
              </button>
            </>
          )}
        </div>
      )}
      {asking && (
        <Dialog
          title={t(`monitor.controls.confirm.${asking}.title`)}
          testId="task-control-dialog"
          onClose={() => setAsking(null)}
          actions={
            <DialogButtons
              onCancel={() => setAsking(null)}
              acceptLabel={t(`monitor.controls.${asking}`)}
              tone={asking === 'stop' ? 'danger' : 'primary'}
              testId="task-control-confirm"
              onAccept={() => {
                const control = asking;
                setAsking(null);
                void run(control);
              }}
            />
          }
        >
          <p>{t(`monitor.controls.confirm.${asking}.body`, { name: task.name, failed: task.failedNodes })}</p>
          {asking === 'stop' && (
            <label className="field">
              <span>{t('monitor.controls.reason')}</span>
              <input autoFocus value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} placeholder={t('monitor.controls.defaultStopReason')} />
            </label>
          )}
        </Dialog>
      )}
    </div>
  );
}
