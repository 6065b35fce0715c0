import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings';
import { FormDialog } from '../common/FormDialog';
import { useSaving } from '../common/use-saving';
import { inElectron, notificationPermission, requestNotificationPermission } from './browser-notifications';
import { parseForm, toForm, type AlertSettingsErrors, type AlertSettingsForm } from './model/alert-settings-form';

interface AlertSettingsDialogProps {
  settings: Settings['alerts'];
  onSave: (settings: Settings['alerts']) => Promise<void>;
  onClose: () => void;
  /** The browser's answer, when saving asked it for permission to notify. */
  onPermission?: (permission: NotificationPermission | null) => void;
}

const SWITCHES = ['onNodeFailure', 'onNodeTimeout', 'onEngineLost', 'desktopNotifications'] as const;

/** Edits which alerts are raised, the task thresholds, and desktop notifications. */
export function AlertSettingsDialog({ settings, onSave, onClose, onPermission }: AlertSettingsDialogProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AlertSettingsForm>(() => toForm(settings));
  const [errors, setErrors] = useState<AlertSettingsErrors>({});
  const { saving, apiError, save } = useSaving();

  const submit = () => {
    const parsed = parseForm(form);
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

  const numberField = (field: 'failureRatePercent' | 'healthScore', max: number, unit: string | null) => (
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
        {SWITCHES.map((field) => (
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
      </fieldset>
      {apiError && (
        <p role="alert" className="error-banner">
          {t('alerts.settings.saveFailed', { error: apiError })}
        </p>
      )}
    </FormDialog>
  );
}
