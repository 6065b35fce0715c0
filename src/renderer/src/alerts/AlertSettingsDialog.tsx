import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings';
import { FormDialog } from '../common/FormDialog';
import { useSaving } from '../common/use-saving';
import { inElectron, notificationPermission, requestNotificationPermission } from './browser-notifications';
import { parseForm, RULE_SWITCHES, toForm, type AlertSettingsErrors, type AlertSettingsForm, type NumberField } from './model/alert-settings-form';

interface AlertSettingsDialogProps {
  settings: Settings['alerts'];
  onSave: (settings: Settings['alerts']) => Promise<void>;
  onClose: () => void;
  /** The browser's answer, when saving asked it for permission to notify. */
  onPermission?: (permission: NotificationPermission | null) => void;
}

/** Edits which alerts are raised, the task thresholds, desktop notifications, and how unacknowledged alerts escalate. */
export function AlertSettingsDialog({ settings, onSave, onClose, onPermission }: AlertSettingsDialogProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AlertSettingsForm>(() => toForm(settings));
  const [errors, setErrors] = useState<AlertSettingsErrors>({});
  const { saving, apiError, save } = useSaving();

  const submit = () => {
    const parsed = parseForm(form, settings);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    // The browser only asks for permission from a click: this is the one. Saving does not wait
    // for the answer, which may never come if the prompt is ignored.
    if (parsed.value.desktopNotifications && !inElectron() && notificationPermission() === 'default') void requestNotificationPermission().then((answer) => onPermission?.(answer));
    void save(async () => {
      await onSave(parsed.value);
      onClose();
    });
  };

  const numberField = (field: NumberField, max: number | undefined, unit: string | null) => (
    <label className="alert-settings-field">
      <span>{t(`alerts.settings.${field}`)}</span>
      <span className="alert-settings-input">
        <input
          type="number"
          min={0}
          max={max}
          step="any"
          value={form[field]}
          aria-invalid={errors[field] ? true : undefined}
          data-testid={`alert-settings-${field}`}
          onChange={(event) => setForm({ ...form, [field]: event.target.value })}
        />
        {unit && <span className="muted">{unit}</span>}
      </span>
      {errors[field] && <span className="field-error">{t(`alerts.settings.errors.${errors[field]}`)}</span>}
      <span className="muted alert-settings-hint">{t(`alerts.settings.hints.${field}`)}</span>
    </label>
  );

  return (
    <FormDialog
      title={t('alerts.settings.title')}
      testId="alert-settings-dialog"
      onClose={onClose}
      formClassName="alert-settings"
      cancelLabel={t('alerts.settings.cancel')}
      saveLabel={saving ? t('alerts.settings.saving') : t('alerts.settings.save')}
      saveTestId="alert-settings-save"
      saving={saving}
      onSave={submit}
    >
      <fieldset>
        <legend>{t('alerts.settings.raise')}</legend>
        {RULE_SWITCHES.map((field) => (
          <label key={field} className="alert-settings-switch">
            <input type="checkbox" checked={form[field]} onChange={(event) => setForm({ ...form, [field]: event.target.checked })} data-testid={`alert-settings-${field}`} />
            <span>{t(`alerts.settings.${field}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('alerts.settings.thresholds')}</legend>
        {numberField('failureRatePercent', 100, '%')}
        {numberField('healthScore', 100, null)}
        {numberField('runTimeMinutes', undefined, t('alerts.settings.minutes'))}
        {numberField('resourceUsePercent', 100, '%')}
        {numberField('memoryLimitMb', undefined, 'MB')}
      </fieldset>
      <fieldset>
        <legend>{t('alerts.settings.escalation')}</legend>
        <label className="alert-settings-switch">
          <input type="checkbox" checked={form.escalationEnabled} onChange={(event) => setForm({ ...form, escalationEnabled: event.target.checked })} data-testid="alert-settings-escalationEnabled" />
          <span>{t('alerts.settings.escalationEnabled')}</span>
        </label>
        {numberField('escalationMinutes', undefined, t('alerts.settings.minutes'))}
        <label className="alert-settings-field">
          <span>{t('alerts.settings.webhookUrl')}</span>
          <input type="url" value={form.webhookUrl} placeholder="https://" aria-invalid={errors.webhookUrl ? true : undefined} data-testid="alert-settings-webhookUrl" onChange={(event) => setForm({ ...form, webhookUrl: event.target.value })} />
          {errors.webhookUrl && <span className="field-error">{t(`alerts.settings.errors.${errors.webhookUrl}`)}</span>}
          <span className="muted alert-settings-hint">{t('alerts.settings.hints.webhookUrl')}</span>
        </label>
        <label className="alert-settings-field">
          <span>{t('alerts.settings.command')}</span>
          <textarea rows={3} value={form.command} spellCheck={false} data-testid="alert-settings-command" onChange={(event) => setForm({ ...form, command: event.target.value })} />
          <span className="muted alert-settings-hint">{t('alerts.settings.hints.command')}</span>
        </label>
      </fieldset>
      {apiError && (
        <p role="alert" className="error-banner">
          {t('alerts.settings.saveFailed', { error: apiError })}
        </p>
      )}
    </FormDialog>
  );
}
