import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { TriggerView } from '../../../shared/triggers/trigger-view';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/error-message';
import { LoadFailed } from '../common/LoadFailed';
import '../environments/environments.css';
import { useSessionRole } from '../shell/use-session-role';
import { TriggerDialog } from './TriggerDialog';
import { formatTime } from '../common/format';

type Editing = { trigger?: TriggerView };
type Confirming = { action: 'pause' | 'delete'; trigger: TriggerView };

/**
 * The triggers that start tasks of templates by themselves: what fires them, when next, whose
 * they are and what their last firing did. Operators add, edit, pause, resume and delete them;
 * viewers only look.
 */
export function TriggersScreen({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const canEdit = useSessionRole(client) === 'operator';
  const [triggers, setTriggers] = useState<TriggerView[] | null>(null);
  const [templates, setTemplates] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [actionError, setActionError] = useState<{ error: unknown } | null>(null);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([client.listTriggers(), client.listTemplates()]).then(
      ([nextTriggers, nextTemplates]) => {
        if (!live) return;
        setTriggers(nextTriggers);
        setTemplates(nextTemplates.map((template) => template.name));
        setFailure(null);
      },
      (error: unknown) => live && setFailure({ error }),
    );
    return () => {
      live = false;
    };
  }, [client, generation]);

  const act = (action: Promise<unknown>) =>
    action.then(
      () => {
        setActionError(null);
        reload();
      },
      (error: unknown) => setActionError({ error }),
    );
  const time = (at: number | null) => formatTime(at);
  const label = (trigger: TriggerView) => trigger.spec.name ?? trigger.templateName;

  return (
    <div className="catalog-screen" data-testid="triggers-screen">
      <header className="catalog-toolbar">
        <h2>{t('triggers.title')}</h2>
        {canEdit && (
          <button type="button" className="primary-button" data-testid="trigger-create" disabled={templates.length === 0} onClick={() => setEditing({})}>
            {t('triggers.create')}
          </button>
        )}
      </header>
      <p className="catalog-intro muted">{t('triggers.intro')}</p>
      <LoadFailed failure={failure} message="triggers.loadFailed" className="field-error" />
      {actionError && (
        <p role="alert" className="field-error">
          {errorMessage(t, actionError.error)}
        </p>
      )}
      {triggers && triggers.length === 0 && <p className="muted">{t(templates.length === 0 ? 'triggers.noTemplates' : 'triggers.none')}</p>}
      {triggers && triggers.length > 0 && (
        <table className="catalog-table" data-testid="triggers-table">
          <thead>
            <tr>
              <th>{t('triggers.template')}</th>
              <th>{t('triggers.kind')}</th>
              <th>{t('triggers.firesOn')}</th>
              <th>{t('triggers.next')}</th>
              <th>{t('triggers.owner')}</th>
              <th>{t('triggers.last')}</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {triggers.map((trigger) => (
              <tr key={trigger.id} data-testid={`trigger-${trigger.id}`}>
                <td>
                  <div className="catalog-name" data-verbatim="">
                    {trigger.templateName}
                  </div>
                  {trigger.spec.name && (
                    <div className="muted" data-verbatim="">
                      {trigger.spec.name}
                    </div>
                  )}
                  {trigger.source === 'declared' && <div className="muted">{t('triggers.declared')}</div>}
                </td>
                <td>{t(`triggers.kinds.${trigger.kind}`)}</td>
                <td>
                  <FiresOn trigger={trigger} />
                </td>
                <td>{trigger.paused ? t('triggers.paused') : trigger.kind === 'schedule' ? time(trigger.nextFireAt) : '—'}</td>
                <td data-verbatim="">{trigger.owner ?? '—'}</td>
                <td>
                  {trigger.lastError ? (
                    <span className="field-error">{trigger.lastError}</span>
                  ) : trigger.lastFiredAt !== null ? (
                    t('triggers.lastFired', { time: time(trigger.lastFiredAt), task: trigger.lastTaskId ?? '—' })
                  ) : (
                    '—'
                  )}
                </td>
                {canEdit && (
                  <td className="catalog-actions">
                    <button type="button" onClick={() => setEditing({ trigger })}>
                      {t('triggers.edit')}
                    </button>
                    {trigger.paused ? (
                      <button type="button" data-testid={`trigger-resume-${trigger.id}`} onClick={() => void act(client.resumeTrigger(trigger.id))}>
                        {t('triggers.resume')}
                      </button>
                    ) : (
                      <button type="button" data-testid={`trigger-pause-${trigger.id}`} onClick={() => setConfirming({ action: 'pause', trigger })}>
                        {t('triggers.pause')}
                      </button>
                    )}
                    <button type="button" onClick={() => setConfirming({ action: 'delete', trigger })}>
                      {t('triggers.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <TriggerDialog client={client} templates={templates} {...(editing.trigger ? { trigger: editing.trigger } : {})} onSaved={reload} onClose={() => setEditing(null)} />}
      {confirming && (
        <ConfirmDialog
          title={t(`triggers.${confirming.action}Title`, { name: label(confirming.trigger) })}
          body={t(`triggers.${confirming.action}Body`, { name: label(confirming.trigger) })}
          confirmLabel={t(`triggers.${confirming.action}`)}
          onConfirm={() => void act(confirming.action === 'pause' ? client.pauseTrigger(confirming.trigger.id) : client.deleteTrigger(confirming.trigger.id))}
          onClose={() => setConfirming(null)}
        />
      )}
    </div>
  );
}

function FiresOn({ trigger }: { trigger: TriggerView }) {
  const { t } = useTranslation();
  const { spec } = trigger;
  if (spec.type === 'schedule') {
    return (
      <>
        <code>{spec.cron}</code>
        <div className="muted">{[spec.timezone ?? t('triggers.localZone'), t(`triggers.catchUpShort.${spec.catchUp}`)].join(' · ')}</div>
      </>
    );
  }
  if (spec.type === 'file') return <code>{`${spec.folder} / ${spec.pattern ?? '*'}`}</code>;
  return <code>{`POST /api/v1/deduction/trigger/${trigger.id}/fire`}</code>;
}
