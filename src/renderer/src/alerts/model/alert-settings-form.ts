import { alertSettingsSchema, type Settings } from '../../../../shared/settings/settings';

export type AlertSettings = Settings['alerts'];

export const RULE_SWITCHES = ['onNodeFailure', 'onNodeTimeout', 'onEngineLost', 'onFailureRate', 'onHealthScore', 'onRunTime', 'onResourceUse', 'desktopNotifications'] as const;
export type RuleSwitch = (typeof RULE_SWITCHES)[number];

/** The dialog's numbers as typed: text until saved, shares in percent. */
export const NUMBER_FIELDS = ['failureRatePercent', 'healthScore', 'runTimeMinutes', 'resourceUsePercent', 'memoryLimitMb', 'escalationMinutes'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export type AlertSettingsForm = Record<RuleSwitch, boolean> &
  Record<NumberField, string> & {
    escalationEnabled: boolean;
    /** Blank: no webhook. */
    webhookUrl: string;
    /** One argument per line, the program first; blank: no command. */
    command: string;
  };

export type FieldError = 'notANumber' | 'percentRange' | 'scoreRange' | 'atLeastOne' | 'tooLarge' | 'notAUrl';
/** Which field is wrong, as a translation key under `alerts.settings.errors`. */
export type AlertSettingsErrors = Partial<Record<NumberField | 'webhookUrl', FieldError>>;

export type ParsedAlertSettings = { ok: true; value: AlertSettings } | { ok: false; errors: AlertSettingsErrors };

const SCHEMA_FIELDS: Record<string, NumberField> = {
  runTimeThresholdMinutes: 'runTimeMinutes',
  agentMemoryLimitMb: 'memoryLimitMb',
  'escalation.afterMinutes': 'escalationMinutes',
};

const percentText = (share: number) => String(Number((share * 100).toFixed(2)));

export function toForm(settings: AlertSettings): AlertSettingsForm {
  return {
    onNodeFailure: settings.onNodeFailure,
    onNodeTimeout: settings.onNodeTimeout,
    onEngineLost: settings.onEngineLost,
    onFailureRate: settings.onFailureRate,
    onHealthScore: settings.onHealthScore,
    onRunTime: settings.onRunTime,
    onResourceUse: settings.onResourceUse,
    desktopNotifications: settings.desktopNotifications,
    failureRatePercent: percentText(settings.failureRateThreshold),
    healthScore: String(settings.healthScoreThreshold),
    runTimeMinutes: String(settings.runTimeThresholdMinutes),
    resourceUsePercent: percentText(settings.resourceUseThreshold),
    memoryLimitMb: settings.agentMemoryLimitMb === null ? '' : String(settings.agentMemoryLimitMb),
    escalationEnabled: settings.escalation.enabled,
    escalationMinutes: String(settings.escalation.afterMinutes),
    webhookUrl: settings.escalation.webhookUrl ?? '',
    command: settings.escalation.command.join('\n'),
  };
}

function number(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The settings the form describes (the fields it does not show, such as retention, as they
 * were), or every field that is wrong.
 */
export function parseForm(form: AlertSettingsForm, base: AlertSettings = alertSettingsSchema.parse({})): ParsedAlertSettings {
  const errors: AlertSettingsErrors = {};
  const read = (field: NumberField, check: (value: number) => FieldError | null): number => {
    const value = number(form[field]);
    const error = value === null ? 'notANumber' : check(value);
    if (error) errors[field] = error;
    return value ?? 0;
  };
  const percent = (value: number) => (value < 0 || value > 100 ? 'percentRange' : null);
  const positive = (value: number) => (value < 1 ? 'atLeastOne' : null);
  const failureRate = read('failureRatePercent', percent);
  const score = read('healthScore', (value) => (value < 0 || value > 100 ? 'scoreRange' : null));
  const runTime = read('runTimeMinutes', positive);
  const resourceUse = read('resourceUsePercent', percent);
  const memoryLimit = form.memoryLimitMb.trim() === '' ? null : read('memoryLimitMb', positive);
  const escalationMinutes = read('escalationMinutes', positive);
  const webhookUrl = form.webhookUrl.trim();
  if (webhookUrl !== '' && !isHttpUrl(webhookUrl)) errors.webhookUrl = 'notAUrl';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = alertSettingsSchema.safeParse({
    ...base,
    ...Object.fromEntries(RULE_SWITCHES.map((field) => [field, form[field]])),
    failureRateThreshold: failureRate / 100,
    healthScoreThreshold: score,
    runTimeThresholdMinutes: runTime,
    resourceUseThreshold: resourceUse / 100,
    agentMemoryLimitMb: memoryLimit,
    escalation: {
      ...base.escalation,
      enabled: form.escalationEnabled,
      afterMinutes: escalationMinutes,
      webhookUrl: webhookUrl === '' ? null : webhookUrl,
      command: form.command
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    },
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  // Only an upper bound is left for the schema to find (the checks above took the rest).
  for (const issue of parsed.error.issues) {
    const field = SCHEMA_FIELDS[issue.path.join('.')];
    if (field) errors[field] = 'tooLarge';
  }
  return { ok: false, errors };
}
