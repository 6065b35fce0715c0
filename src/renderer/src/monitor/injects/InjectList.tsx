import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { formatTaskTime } from '../../../../shared/clock/format-task-time';
import { wallClockMs, type InjectWhen } from '../../../../shared/injects/inject-spec';
import type { InjectView } from '../../../../shared/injects/inject-view';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../common/error-message';
import { formatTime } from '../../common/format';
import { useInjects } from './use-injects';
import './inject-list.css';

/**
 * The task's injects in its header, behind a toggle: each with its trigger, its state and when
 * and by whom it fired; operators fire a pending one with one click.
 */
export function InjectList({ client, taskId, canControl, live }: { client: ConsoleClient; taskId: string; canControl: boolean; live: boolean }) {
  const { t } = useTranslation();
  const { injects, error, replace } = useInjects(client, taskId, live);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!injects && error !== null) {
    return (
      <span className="control-outcome control-failed" role="alert" data-testid="injects-failed">
        {t('injects.loadFailed', { error: errorMessage(t, error) })}
      </span>
    );
  }
  if (!injects || injects.length === 0) return null;
  const pending = injects.filter((inject) => inject.state === 'pending').length;

  const fire = async (inject: InjectView) => {
    setBusy(inject.id);
    try {
      const view = await client.fireInject(taskId, inject.id);
      replace(view);
      setOutcome({ ok: view.state === 'fired', text: view.state === 'fired' ? t('injects.fired', { id: inject.id }) : t('injects.failedDetail', { id: inject.id, detail: view.detail ?? '' }) });
    } catch (thrown) {
      setOutcome({ ok: false, text: errorMessage(t, thrown) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="inject-panel" data-testid="inject-panel">
      <button type="button" aria-expanded={open} data-testid="injects-toggle" onClick={() => setOpen((value) => !value)}>
        {t('injects.toggle', { count: injects.length, pending })}
      </button>
      {open && (
        <div className="inject-popover" role="group" aria-label={t('injects.label')}>
          {error !== null && (
            <p className="control-outcome control-failed" role="alert">
              {errorMessage(t, error)}
            </p>
          )}
          <ul className="inject-list" data-testid="inject-list">
            {injects.map((inject) => (
              <li key={inject.id} className={`inject-item inject-${inject.state}`} data-testid="inject-item" data-inject-id={inject.id} data-state={inject.state}>
                <span className="inject-name" data-verbatim="">
                  {inject.name ? `${inject.name} (${inject.id})` : inject.id}
                </span>
                <span className="inject-when">{whenText(t, inject.when)}</span>
                <span className={`inject-state inject-state-${inject.state}`} data-testid="inject-state">
                  {t(`injects.state.${inject.state}`)}
                </span>
                <span className="inject-fired-at muted">{firedText(t, inject)}</span>
                {inject.detail && (
                  <span className="inject-detail muted" data-verbatim="" title={inject.detail}>
                    {inject.detail}
                  </span>
                )}
                {canControl && inject.state === 'pending' && (
                  <button type="button" disabled={busy !== null} data-testid="inject-fire" onClick={() => void fire(inject)}>
                    {t('injects.fire')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {outcome && (
            <p className={outcome.ok ? 'control-outcome' : 'control-outcome control-failed'} role="status" data-testid="inject-outcome">
              {outcome.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function whenText(t: TFunction, when: InjectWhen): string {
  switch (when.type) {
    case 'taskTime':
      return t('injects.when.taskTime', { time: formatTaskTime(when.afterMs) });
    case 'wallClock':
      return t('injects.when.wallClock', { time: formatTime(wallClockMs(when.at)) });
    case 'nodeStatus':
      return t('injects.when.nodeStatus', { node: when.nodeId, status: t(`monitor.status.${when.status}`) });
    case 'manual':
      return t('injects.when.manual');
  }
}

function firedText(t: TFunction, inject: InjectView): string {
  if (inject.firedAt === null) return inject.taskTimeMs === null ? '' : t('injects.due', { time: formatTaskTime(inject.taskTimeMs) });
  const at = formatTime(inject.firedAt);
  const time = inject.taskTimeMs === null ? '' : formatTaskTime(inject.taskTimeMs);
  return inject.firedBy ? t('injects.firedBy', { at, time, operator: inject.firedBy }) : t('injects.firedAuto', { at, time });
}
