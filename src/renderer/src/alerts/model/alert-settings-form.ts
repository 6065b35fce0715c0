import { alertSettingsSchema, type Settings } from '../../../../shared/settings/settings';

export type AlertSettings = Settings['alerts'];

/** The dialog's fields as typed: numbers stay text until saved, the failure rate in percent. */
export interface AlertSettingsForm {
  onNodeFailure: boolean;
  onNodeTimeout: boolean;
  onEngineLost: boolean;
  failureRatePercent: string;
  healthScore: string;
  desktopNotifications: boolean;
}

/** Which field is wrong, as a translation key under `alerts.settings.errors`. */
export type AlertSettingsErrors = Partial<Record<'failureRatePercent' | 'healthScore', 'notANumber' | 'percentRange' | 'scoreRange'>>;

export type ParsedAlertSettings = { ok: true; value: AlertSettings } | { ok: false; errors: AlertSettingsErrors };

export function toForm(settings: AlertSettings): AlertSettingsForm {
  return {
    onNodeFailure: settings.onNodeFailure,
    onNodeTimeout: settings.onNodeTimeout,
    onEngineLost: settings.onEngineLost,
    failureRatePercent: String(Number((settings.failureRateThreshold * 100).toFixed(2))),
    healthScore: String(settings.healthScoreThreshold),
    desktopNotifications: settings.desktopNotifications,
  };
}

function number(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The settings the form describes, or every field that is wrong. */
export function parseForm(form: AlertSettingsForm): ParsedAlertSettings {
  const errors: AlertSettingsErrors = {};
  const percent = number(form.failureRatePercent);
  const score = number(form.healthScore);
  if (percent === null) errors.failureRatePercent = 'notANumber';
  else if (percent < 0 || percent > 100) errors.failureRatePercent = 'percentRange';
  if (score === null) errors.healthScore = 'notANumber';
  else if (score < 0 || score > 100) errors.healthScore = 'scoreRange';
  if (percent === null || score === null || Object.keys(errors).length > 0) return { ok: false, errors };
  const value = alertSettingsSchema.parse({
    onNodeFailure: form.onNodeFailure,
    onNodeTimeout: form.onNodeTimeout,
    onEngineLost: form.onEngineLost,
    failureRateThreshold: percent / 100,
    healthScoreThreshold: score,
    desktopNotifications: form.desktopNotifications,
  });
  return { ok: true, value };
}
