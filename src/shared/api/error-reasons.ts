/**
 * Why a call failed: a key, the values its wording places, and its English wording, written
 * once, here. An error thrown with a reason takes this wording as its message (for logs, the
 * CLI and the tests); the window's English locale takes it from here too, and zh-CN words each
 * key itself (`apiErrors.<key>` in the renderer's locales). Placeholders are i18next's
 * `{{name}}`; a wording with `one` and `other` forms is chosen by its `count`.
 */
export const API_ERROR_REASONS = {
  'method.unknown': 'The console does not know the call {{method}}',
  'method.forbiddenForViewer': '{{method}} changes the deduction and needs the operator role; this session is a viewer',
  'settings.localOnly': 'Only the console\'s own machine (the desktop app or the CLI) may change {{fields}}: a remote session cannot make the console run a program, write files where it chooses, or change how it is shared',
  'method.untrustedSender': '{{method}} was refused: the call did not come from the console window',
  'session.refused': 'The console host refused this session: {{detail}}',
  'host.noAnswer': 'The console host did not answer {{method}} in time',
  'host.unreachable': '{{method}} was not sent: the console host cannot be reached. The window reconnects by itself; try again once the status bar says Host connected',
  'host.lost': 'The connection to the console host was lost before it answered {{method}}; once reconnected, check whether it took effect',
  'argument.invalid': 'Invalid argument {{path}}: {{detail}}',
  'argument.notAnId': '{{value}} is not an id (ids are decimal numbers)',
  'options.unknownRow': 'The scheme, environment or template given for the task does not exist',
  'operator.required': 'Operator controls need an operator name (1–{{max}} characters); set one in the settings',
  'scheduler.closed': 'The scheduler is shutting down; try again once the console has restarted',
  'task.notFound': 'There is no task {{taskId}}',
  'bookmark.notFound': 'Task {{taskId}} has no bookmark {{bookmarkId}}',
  'bookmark.tooMany': 'Task {{taskId}} already holds {{max}} bookmarks and annotations; delete some before adding more',
  'bookmark.notAuthor': 'Only {{author}}, who made it, or an operator may delete this bookmark',
  'clock.alreadyPaused': 'The clock of task {{taskId}} is already paused',
  'clock.notPaused': 'The clock of task {{taskId}} is running; {{action}} needs a paused clock',
  'clock.sameRate': 'The clock of task {{taskId}} already runs at ×{{rate}}',
  'clock.ended': 'Task {{taskId}} is {{status}}; the clock of an ended task cannot change',
  'clock.notStarted': 'Task {{taskId}} has not started; its clock stands at 0 and cannot be stepped before the start',
  'task.variableMissing': 'The workflow requires the variable "{{name}}" ({{type}}), and the task gives it no value',
  'task.variableType': 'The variable "{{name}}" must be of type {{type}}, not {{received}}',
  'task.nameTaken': 'A task named "{{name}}" already exists; task names are unique: choose another name',
  'task.notPending': 'Task {{taskId}} is {{status}}; only a pending task can be started',
  'task.notRunning': 'Task {{taskId}} is {{status}}; only a running task can be paused',
  'task.notPaused': 'Task {{taskId}} is {{status}}; only a paused task can be resumed',
  'task.ended': 'Task {{taskId}} is {{status}}; it has already ended',
  'task.noFailedNode': 'Task {{taskId}} has no failed node to retry',
  'task.imported': 'Task {{taskId}} was imported from a run bundle; it is read-only history and cannot be started or controlled here',
  'task.illegalTransition': 'Task {{taskId}} cannot go from {{from}} to {{to}}',
  'node.notFound': 'Task {{taskId}} has no node "{{nodeId}}"',
  'node.notRunning': 'Node "{{nodeId}}" is {{status}}; only a running node can be stopped',
  'node.notRestartable': 'Node "{{nodeId}}" is {{status}}; only a stopped or failed node can be restarted',
  'node.restartBlocked': 'Node "{{nodeId}}" is inside "{{containerId}}", which is {{status}}; restart "{{containerId}}" instead',
  'node.rerunBlocked': 'Node "{{nodeId}}" is inside "{{containerId}}", which is {{status}}; rerun from "{{containerId}}" instead',
  'node.notHoldable': 'Node "{{nodeId}}" is {{status}}; only a pending, waiting, ready or running node can be held',
  'node.notHeld': 'Node "{{nodeId}}" is {{status}} and holds no held node; there is nothing to release',
  'node.cannotPause': 'Node "{{nodeId}}" cannot be held: {{detail}}',
  'node.cannotResume': 'Node "{{nodeId}}" could not be released: the Engine did not resume it: {{detail}}',
  'node.pausedCannotSkip': 'Node "{{nodeId}}" is held while running; stop it before skipping it',
  'node.runningCannotSkip': 'Node "{{nodeId}}" is {{status}}; stop it before skipping it',
  'node.alreadyCompleted': 'Node "{{nodeId}}" has already completed',
  'node.alreadySkipped': 'Node "{{nodeId}}" has already been skipped',
  'node.notRerunnable': 'Node "{{nodeId}}" is {{status}}; only an ended or stopped node can be rerun',
  'node.rerunWouldRestart': { one: 'Rerunning from "{{nodeId}}" would restart {{count}} running node ({{nodes}}); stop it first', other: 'Rerunning from "{{nodeId}}" would restart {{count}} running nodes ({{nodes}}); stop them first' },
  'node.containerTakesNoDecision': 'Node "{{nodeId}}" is a container; only a running manual agent awaits a decision',
  'node.notAwaitingDecision': 'Node "{{nodeId}}" is {{status}}; only a running manual agent awaits a decision',
  'node.notManual': 'Node "{{nodeId}}" runs {{agentLoad}}, a {{kind}} agent; only manual agents take an approval',
  'node.illegalTransition': 'Node "{{nodeId}}" cannot go from {{from}} to {{to}}',
  'workflow.invalid': { one: 'The workflow is not valid: {{count}} error', other: 'The workflow is not valid: {{count}} errors' },
  'workflow.notExportable': { one: 'The workflow cannot be exported: {{count}} problem', other: 'The workflow cannot be exported: {{count}} problems' },
  'template.notFound': 'There is no template "{{name}}"',
  'template.idNotFound': 'There is no template {{id}}',
  'template.versionNotFound': 'Template "{{name}}" has no version {{version}}',
  'template.inUseArchived': {
    one: 'Template "{{name}}" is used by {{count}} task, so it was archived instead of deleted',
    other: 'Template "{{name}}" is used by {{count}} tasks, so it was archived instead of deleted',
  },
  'task.activeNotRemovable': 'Task {{taskId}} is {{status}}; stop it (or let it end) before archiving or deleting it',
  'backup.notFound': 'There is no backup "{{file}}" in {{dir}}',
  'backup.failed': 'The backup failed: {{detail}}',
  'backup.unusable': 'The backup "{{file}}" cannot be restored: {{detail}}',
  'trigger.notFound': 'There is no trigger {{id}}',
  'trigger.paused': 'Trigger {{id}} is paused; resume it before firing it',
  'trigger.invalid': 'The trigger is not valid: {{detail}}',
  'inject.notFound': 'Task {{taskId}} has no inject {{injectId}}',
  'inject.alreadyFired': 'Inject {{injectId}} of task {{taskId}} already fired at {{time}}; an inject fires once',
  'inject.taskNotActive': 'Task {{taskId}} is {{status}}; injects fire only while it runs or is paused',
  'scheme.notFound': 'There is no scheme {{id}}',
  'scheme.nameTaken': 'A scheme named "{{name}}" already exists; scheme names are unique',
  'scheme.archived': 'Scheme "{{name}}" is archived; restore it before making tasks in it',
  'environment.notFound': 'There is no environment {{id}}',
  'environment.nameTaken': 'An environment named "{{name}}" already exists; environment names are unique',
  'environment.disabled': 'Environment "{{name}}" is disabled; enable it before making or starting tasks in it',
  'environment.enginesDown': 'No Engine of environment "{{name}}" is connected: {{detail}}',
  'environment.unusable': 'Environment "{{name}}" cannot be used: {{detail}}',
  'environment.tokenNeeded': 'Engine {{url}} is new to environment "{{name}}" and needs its token',
  'engine.refused': 'The Engine refused: {{code}}: {{detail}}',
  'engine.refusedTask': 'The Engine refused task {{taskId}}: {{code}}: {{detail}}',
  'engine.refusedDecision': 'The Engine refused the decision on "{{nodeId}}": {{code}}: {{detail}}',
  'operator.notFound': 'There is no operator "{{name}}"',
  'manual.notAssignee': 'Node "{{nodeId}}" is assigned to {{assignee}}; only they or a supervisor may decide it, not {{operator}}',
  'manual.supervisorOnly': 'Node "{{nodeId}}" requires the skills {{skills}}, which no operator has; only a supervisor may decide it, not {{operator}}',
  'report.pdfNeedsBrowser': 'PDF export needs a Chromium or Chrome browser, and none was found on this machine: install one or set CHROMIUM_PATH, or export HTML and print it',
  'report.pdfTimeout': 'Printing the report to PDF took longer than {{seconds}} s and was stopped',
  'report.pdfBrowserNotStarted': 'Could not start {{browser}} to print the report: {{detail}}',
  'report.pdfPrintFailed': '{{browser}} could not print the report (exit {{exit}}): {{detail}}',
  'report.pdfNotWritten': '{{browser}} exited without writing the PDF',
  'alert.notFound': 'There is no alert {{id}}',
  'alert.resolved': 'Alert {{id}} is already resolved',
  'live.taskNotOpen': 'Task {{taskId}} is {{status}}; only a pending, running or paused task can be changed',
  'live.parentNotFound': 'Task {{taskId}} has no container "{{parentId}}" to add nodes under',
  'live.parentNotContainer': 'Node "{{parentId}}" is an agent; nodes can only be added under a container',
  'live.parentEnded': 'Container "{{parentId}}" is {{status}}; nodes can only be added under a container that has not ended',
  'live.endedSource': 'Node "{{nodeId}}" would depend on "{{sourceId}}", which is {{status}} and will not end again; allow ended sources to add it anyway',
  'live.additionInvalid': { one: 'The nodes to add do not fit the running workflow: {{count}} error; first: {{first}}', other: 'The nodes to add do not fit the running workflow: {{count}} errors; first: {{first}}' },
  'live.rootNotRemovable': 'Node "{{nodeId}}" is the root container; it cannot be removed',
  'live.nodeStarted': 'Node "{{nodeId}}" is {{status}}; only a node that has not started can be removed',
  'live.subtreeStarted': 'Node "{{nodeId}}" holds "{{childId}}", which is {{status}}; only a subtree where nothing has started can be removed',
  'live.hasDependents': { one: 'Node "{{nodeId}}" cannot be removed: {{count}} node depends on it ({{nodes}}); remove that dependency first', other: 'Node "{{nodeId}}" cannot be removed: {{count}} nodes depend on it ({{nodes}}); remove those dependencies first' },
  'live.removalBreaks': 'Removing "{{nodeId}}" would break the workflow: {{detail}}',
  'live.configInvalid': 'The edited config of "{{nodeId}}" is not valid: {{detail}}',
} as const satisfies Record<string, Wording>;

type Wording = string | { readonly one: string; readonly other: string };
type Placeholders<S> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamNames<W> = W extends { one: infer One; other: infer Other } ? Placeholders<One> | Placeholders<Other> | 'count' : Placeholders<W>;

export type ApiErrorReasonKey = keyof typeof API_ERROR_REASONS;
export type ApiErrorReasonParams<K extends ApiErrorReasonKey> = { [P in ParamNames<(typeof API_ERROR_REASONS)[K]>]: string | number };

/** One reason with exactly the params its key names. */
export type ApiErrorReason = { [K in ApiErrorReasonKey]: { key: K; params: ApiErrorReasonParams<K> } }[ApiErrorReasonKey];

export function errorReason<K extends ApiErrorReasonKey>(key: K, params: ApiErrorReasonParams<K>): ApiErrorReason {
  return { key, params } as ApiErrorReason;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function formsOf(wording: Wording): string[] {
  return typeof wording === 'string' ? [wording] : [wording.one, wording.other];
}

/** The params a key's wording places. */
export function reasonParamNames(key: ApiErrorReasonKey): string[] {
  const wording: Wording = API_ERROR_REASONS[key];
  const names = formsOf(wording).flatMap((form) => [...form.matchAll(PLACEHOLDER)].map((match) => match[1]!));
  if (typeof wording !== 'string') names.push('count');
  return [...new Set(names)];
}

/** A reason in English, as its message. */
export function reasonText(reason: ApiErrorReason): string {
  const wording: Wording = API_ERROR_REASONS[reason.key];
  const params = reason.params as Record<string, string | number>;
  const form = typeof wording === 'string' ? wording : params['count'] === 1 ? wording.one : wording.other;
  return form.replace(PLACEHOLDER, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
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
  return reasonParamNames(key as ApiErrorReasonKey).every((name) => typeof values[name] === 'string' || typeof values[name] === 'number');
}
