/**
 * Why a call failed, as a key the window words in its own language (`apiErrors.<key>` in the
 * renderer's locales) and the values that wording places. The English `message` of the error
 * stays beside it for logs, the CLI and the tests; a reason only adds what a translation needs.
 * Each key lists its params once here, so a throw site cannot forget one the wording uses.
 */
export const API_ERROR_REASONS = {
  'method.unknown': ['method'],
  'method.forbiddenForViewer': ['method'],
  'method.untrustedSender': ['method'],
  'session.refused': ['detail'],
  'host.noAnswer': ['method'],
  'host.unreachable': ['method'],
  'host.lost': ['method'],
  'argument.invalid': ['path', 'detail'],
  'argument.notAnId': ['value'],
  'options.unknownRow': [],
  'operator.required': ['max'],
  'scheduler.closed': [],
  'task.notFound': ['taskId'],
  'task.notPending': ['taskId', 'status'],
  'task.notRunning': ['taskId', 'status'],
  'task.notPaused': ['taskId', 'status'],
  'task.ended': ['taskId', 'status'],
  'task.noFailedNode': ['taskId'],
  'task.imported': ['taskId'],
  'task.illegalTransition': ['taskId', 'from', 'to'],
  'node.notFound': ['taskId', 'nodeId'],
  'node.notRunning': ['nodeId', 'status'],
  'node.notRestartable': ['nodeId', 'status'],
  'node.restartBlocked': ['nodeId', 'containerId', 'status'],
  'node.rerunBlocked': ['nodeId', 'containerId', 'status'],
  'node.runningCannotSkip': ['nodeId', 'status'],
  'node.alreadyCompleted': ['nodeId'],
  'node.alreadySkipped': ['nodeId'],
  'node.notRerunnable': ['nodeId', 'status'],
  'node.rerunWouldRestart': ['nodeId', 'count', 'nodes'],
  'node.containerTakesNoDecision': ['nodeId'],
  'node.notAwaitingDecision': ['nodeId', 'status'],
  'node.notManual': ['nodeId', 'agentLoad', 'kind'],
  'node.illegalTransition': ['nodeId', 'from', 'to'],
  'workflow.invalid': ['count'],
  'workflow.notExportable': ['count'],
  'template.notFound': ['name'],
  'template.idNotFound': ['id'],
  'template.versionNotFound': ['name', 'version'],
  'engine.refused': ['code', 'detail'],
  'engine.refusedTask': ['taskId', 'code', 'detail'],
  'engine.refusedDecision': ['nodeId', 'code', 'detail'],
  'report.pdfNeedsBrowser': [],
  'report.pdfTimeout': ['seconds'],
  'report.pdfBrowserNotStarted': ['browser', 'detail'],
  'report.pdfPrintFailed': ['browser', 'exit', 'detail'],
  'report.pdfNotWritten': ['browser'],
} as const satisfies Record<string, readonly string[]>;

export type ApiErrorReasonKey = keyof typeof API_ERROR_REASONS;
export type ApiErrorReasonParams<K extends ApiErrorReasonKey> = { [P in (typeof API_ERROR_REASONS)[K][number]]: string | number };

/** One reason with exactly the params its key names. */
export type ApiErrorReason = { [K in ApiErrorReasonKey]: { key: K; params: ApiErrorReasonParams<K> } }[ApiErrorReasonKey];

export function errorReason<K extends ApiErrorReasonKey>(key: K, params: ApiErrorReasonParams<K>): ApiErrorReason {
  return { key, params } as ApiErrorReason;
}

/**
 * Whether a value that crossed a transport is a reason this build can word: a peer of another
 * version may send a key this one does not know, or lack a param its wording places.
 */
export function isApiErrorReason(value: unknown): value is ApiErrorReason {
  if (typeof value !== 'object' || value === null) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !Object.hasOwn(API_ERROR_REASONS, key)) return false;
  if (typeof params !== 'object' || params === null) return false;
  const values = params as Record<string, unknown>;
  return API_ERROR_REASONS[key as ApiErrorReasonKey].every((name) => typeof values[name] === 'string' || typeof values[name] === 'number');
}
