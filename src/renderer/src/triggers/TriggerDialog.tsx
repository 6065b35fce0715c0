import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { TRIGGER_KINDS } from '../../../shared/triggers/trigger-spec';
import type { TriggerView } from '../../../shared/triggers/trigger-view';
import { errorMessage } from '../common/error-message';
import { FormDialog } from '../common/FormDialog';
import { parseTriggerForm, triggerForm, type TriggerFormError } from './model/trigger-form';

/** Creates a trigger for a template, or edits one (`trigger` given: its template stays). */
export function TriggerDialog({
  client,
  trigger,
  templates,
  onSaved,
  onClose,
}: {
  client: ConsoleClient;
  trigger?: TriggerView;
  templates: readonly string[];
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => triggerForm(trigger, templates[0] ?? ''));
  const [error, setError] = useState<TriggerFormError | null>(null);
  const [apiError, setApiError] = useState<{ error: unknown } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = () => {
    const parsed = parseTriggerForm(form);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    setSaving(true);
    (trigger ? client.updateTrigger(trigger.id, parsed.spec) : client.createTrigger({ templateName: parsed.templateName, spec: parsed.spec })).then(
      () => {
        onSaved();
        onClose();
      },
      (failure: unknown) => {
        setApiError({ error: failure });
        setSaving(false);
      },
    );
  };

  return (
    <FormDialog
      title={t(trigger ? 'triggers.editTitle' : 'triggers.createTitle')}
      testId="trigger-dialog"
      onClose={onClose}
      formClassName="catalog-form"
      saveLabel={t('triggers.save')}
      saveTestId="trigger-save"
      saving={saving}
      onSave={submit}
    >
      <label className="field">
        <span className="field-label">{t('triggers.template')}</span>
        <select value={form.templateName} disabled={trigger !== undefined} data-testid="trigger-template" aria-invalid={error === 'templateRequired' ? true : undefined} onChange={(event) => setForm({ ...form, templateName: event.target.value })}>
          {!templates.includes(form.templateName) && <option value={form.templateName}>{form.templateName}</option>}
          {templates.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('triggers.kind')}</span>
        <select value={form.kind} data-testid="trigger-kind" onChange={(event) => setForm({ ...form, kind: event.target.value as typeof form.kind })}>
          {TRIGGER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`triggers.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('triggers.name')}</span>
        <input value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
      </label>
      {form.kind === 'schedule' && (
        <>
          <label className="field">
            <span className="field-label">{t('triggers.cron')}</span>
            <input value={form.cron} spellCheck={false} data-testid="trigger-cron" aria-invalid={error === 'cronRequired' ? true : undefined} onChange={(event) => setForm({ ...form, cron: event.target.value })} />
            <span className="field-hint">{t('triggers.cronHint')}</span>
          </label>
          <label className="field">
            <span className="field-label">{t('triggers.timezone')}</span>
            <input value={form.timezone} spellCheck={false} placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone} data-testid="trigger-timezone" onChange={(event) => setForm({ ...form, timezone: event.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">{t('triggers.catchUp')}</span>
            <select value={form.catchUp} onChange={(event) => setForm({ ...form, catchUp: event.target.value as typeof form.catchUp })}>
              <option value="skip">{t('triggers.catchUps.skip')}</option>
              <option value="once">{t('triggers.catchUps.once')}</option>
            </select>
          </label>
        </>
      )}
      {form.kind === 'file' && (
        <>
          <label className="field">
            <span className="field-label">{t('triggers.folder')}</span>
            <input value={form.folder} spellCheck={false} data-testid="trigger-folder" aria-invalid={error === 'folderRequired' ? true : undefined} onChange={(event) => setForm({ ...form, folder: event.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">{t('triggers.pattern')}</span>
            <input value={form.pattern} spellCheck={false} placeholder="*.csv" onChange={(event) => setForm({ ...form, pattern: event.target.value })} />
          </label>
        </>
      )}
      {form.kind === 'http' && <p className="field-hint">{t('triggers.httpHint')}</p>}
      <label className="field">
        <span className="field-label">{t('triggers.variables')}</span>
        <textarea rows={4} value={form.variables} spellCheck={false} aria-invalid={error === 'variablesInvalid' ? true : undefined} onChange={(event) => setForm({ ...form, variables: event.target.value })} />
      </label>
      {error && (
        <p role="alert" className="field-error">
          {t(`triggers.errors.${error}`)}
        </p>
      )}
      {apiError && (
        <p role="alert" className="field-error">
          {errorMessage(t, apiError.error)}
        </p>
      )}
    </FormDialog>
  );
}
