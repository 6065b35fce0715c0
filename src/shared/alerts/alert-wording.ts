import type { AlertKind, AlertParams } from '../api/alerts';

const percent = (value: string | number | undefined) => `${Math.round(Number(value ?? 0) * 100)}%`;
const minutes = (ms: string | number | undefined) => `${Math.round(Number(ms ?? 0) / 60_000)} min`;

const WORDINGS: Record<AlertKind, (p: AlertParams) => string> = {
  'node-failed': (p) => `${p.nodeId} failed`,
  'node-timeout': (p) => `${p.nodeId} timed out`,
  'node-escalated': (p) => `${p.nodeId} failed and its recovery rule escalated it`,
  'engine-lost': (p) => `Engine ${p.engine} is lost`,
  'failure-rate': (p) => `failure rate ${percent(p.rate)} is above ${percent(p.threshold)}`,
  'health-score': (p) => `health score ${p.score} is below ${p.threshold}`,
  'run-time': (p) => `running for ${minutes(p.elapsedMs)}, longer than ${minutes(p.thresholdMs)}`,
  'resource-use': (p) => `${p.nodeId} on ${p.engine} uses ${percent(p.use)} of its ${p.resource}, above ${percent(p.threshold)}`,
  'needs-operator': (p) => `${p.nodeId} needs an operator`,
  'backup-failed': () => 'the scheduled backup failed',
};

/** An alert's English wording from its kind and params; `detail`, when given, follows after a colon. */
export function alertMessage(kind: AlertKind, params: AlertParams): string {
  const words = WORDINGS[kind](params);
  return params.detail !== undefined && params.detail !== '' ? `${words}: ${params.detail}` : words;
}
