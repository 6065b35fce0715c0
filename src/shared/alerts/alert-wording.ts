import type { AlertKind, AlertParams } from '../api/alerts';

/**
 * What each alert says, in English, written once: an alert's message is its wording filled with
 * its display params (alertDisplayParams), and the window's English takes `alerts.wordings` from
 * here too; zh-CN words each kind itself. Placeholders are i18next's `{{name}}`.
 */
export const ALERT_WORDINGS: Readonly<Record<AlertKind, string>> = {
  'node-failed': '{{nodeId}} failed',
  'node-timeout': '{{nodeId}} timed out',
  'node-escalated': '{{nodeId}} failed and its recovery rule escalated it',
  'engine-lost': 'Engine {{engine}} is lost',
  'failure-rate': 'failure rate {{rate}} is above {{threshold}}',
  'health-score': 'health score {{score}} is below {{threshold}}',
  'run-time': 'running for {{elapsed}} min, longer than {{limit}} min',
  'resource-use': '{{nodeId}} on {{engine}} uses {{use}} of its {{resource}}, above {{threshold}}',
  'needs-operator': '{{nodeId}} needs an operator',
  'backup-failed': 'the scheduled backup failed',
  'deadline-miss': 'will miss its deadline: expected to end (p90) {{late}} min after it',
};

const percent = (value: string | number | undefined) => `${Math.round(Number(value ?? 0) * 100)}%`;
const minutes = (ms: string | number | undefined) => Math.round(Number(ms ?? 0) / 60_000);
const RATIOS: Partial<Record<AlertKind, readonly string[]>> = { 'failure-rate': ['rate', 'threshold'], 'resource-use': ['use', 'threshold'] };

/** An alert's params as its wording places them: shares as percentages, run times in minutes. */
export function alertDisplayParams(kind: AlertKind, params: AlertParams): AlertParams {
  const shown: AlertParams = { ...params };
  for (const name of RATIOS[kind] ?? []) shown[name] = percent(params[name]);
  if (kind === 'run-time') {
    shown['elapsed'] = minutes(params['elapsedMs']);
    shown['limit'] = minutes(params['thresholdMs']);
  }
  // A drill's deadline may be seconds away: tenths of a minute keep a short slip from reading 0.
  if (kind === 'deadline-miss') shown['late'] = Math.round(Number(params['lateMs'] ?? 0) / 6_000) / 10;
  return shown;
}

/** An alert's English wording from its kind and params; `detail`, when given, follows after a colon. */
export function alertMessage(kind: AlertKind, params: AlertParams): string {
  const shown = alertDisplayParams(kind, params);
  const words = ALERT_WORDINGS[kind].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(shown[name] ?? ''));
  return params.detail !== undefined && params.detail !== '' ? `${words}: ${params.detail}` : words;
}
