import type { InjectView } from '../injects/inject-view';
import { z } from 'zod';
import type { AgentCatalogEntry } from '../engine/protocol';
import type { EngineState } from '../engine/engine-state';
import { idSchema } from '../ids';
import { reportRequestSchema, type ReportFile } from '../report/run-report';
import { settingsPatchSchema, type Settings } from '../settings/settings';
import { environmentInputSchema, environmentPatchSchema, type EnvironmentView } from '../environments/environments';
import { catalogQuerySchema, schemeInputSchema, schemePatchSchema, type SchemeView } from '../environments/schemes';
import type { TaskChange } from '../task/changes';
import { triggerSpecSchema } from '../triggers/trigger-spec';
import { fireVariablesSchema, triggerInputSchema, triggerListQuerySchema, type TriggerFireResult, type TriggerView } from '../triggers/trigger-view';
import { createTaskOptionsSchema, type CreateTaskResult } from '../task/create';
import { nodeQuerySchema, type NodeView } from '../task/nodes';
import {
  executionQuerySchema,
  taskListQuerySchema,
  transitionQuerySchema,
  type ExecutionView,
  type NodeDetail,
  type TaskDetail,
  type TaskSummary,
  type TransitionView,
} from '../task/views';
import type { WorkflowDiff } from '../workflow/diff';
import { WORKFLOW_FORMATS, type WorkflowReadResult } from '../workflow/read-result';
import {
  templateListQuerySchema,
  templateNameSchema,
  templateTagsSchema,
  TEMPLATE_STATUSES,
  type DeleteTemplateResult,
  type SaveTemplateResult,
  type Template,
  type TemplateSummary,
} from '../workflow/templates';
import { taskSelectionSchema, type DeleteTasksResult, type TaskDeletionPreview } from '../task/removal';
import type { BackupEntry, BackupListing, StagedRestore } from './backups';
import type { ValidationResult } from '../workflow/validate';
import { alertQuerySchema, type Alert, type AlertEvent, type TaskHealth } from './alerts';
import type { AppStatus } from './app-status';
import type { LogsAppended, SamplesAppended } from './live';
import { logQuerySchema, type LogPage } from './logs';
import { operatorInputSchema, type OperatorView, type PendingApproval } from './operators';
import { progressQuerySchema, resourceQuerySchema, type ProgressSeries, type ResourceSeries } from './resources';
import type { RetryFailedResult } from '../task/retry-failed';
import type { TaskForecastView } from '../forecast/forecast-view';
import { compareOptionsSchema, type RunComparison } from '../compare/run-compare';
import { bookmarkInputSchema, type BookmarkView } from '../review/bookmarks';
import {
  nodeAdditionSchema,
  rerunOptionsSchema,
  variablesPatchSchema,
  type AddNodesResult,
  type RemoveNodeResult,
  type RerunNodeResult,
  type VariableChange,
} from '../task/live-changes';
import { clockChangeSchema } from '../clock/clock-model';
import type { SetClockResult, TaskClockView } from '../clock/clock-view';

/**
 * The one contract between the core and every face of the product (Electron IPC, the headless
 * host's WebSocket, the CLI). Each method and event stream is declared once here, as data:
 * transports enumerate it at run time, the argument schemas check what untrusted callers send,
 * and the ConsoleApi type is derived from the same object.
 *
 * `query` methods read; `control` methods change something and are refused to viewers;
 * `remark` methods add the caller's own attributed remark (a bookmark, an annotation), which
 * changes nothing of the deduction, so viewers may.
 */
export type MethodKind = 'query' | 'control' | 'remark';

export interface MethodSpec<Args extends z.ZodType<readonly unknown[]>, Result> {
  readonly kind: MethodKind;
  readonly args: Args;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: Result;
}

export interface EventSpec<Payload> {
  /** Phantom: carries the payload type, never set at run time. */
  readonly payload?: Payload;
}

type AnyMethodSpec = MethodSpec<z.ZodType<readonly unknown[]>, unknown>;

function query<Result>() {
  return <Args extends z.ZodType<readonly unknown[]>>(args: Args): MethodSpec<Args, Result> => ({ kind: 'query', args });
}

function control<Result>() {
  return <Args extends z.ZodType<readonly unknown[]>>(args: Args): MethodSpec<Args, Result> => ({ kind: 'control', args });
}

function remark<Result>() {
  return <Args extends z.ZodType<readonly unknown[]>>(args: Args): MethodSpec<Args, Result> => ({ kind: 'remark', args });
}

function stream<Payload>(): EventSpec<Payload> {
  return {};
}

const taskId = idSchema;
/** A scheme's, an environment's or a trigger's id. */
const rowId = idSchema;
const nodeId = z.string().min(1).max(200);
const reason = z.string().max(1000).optional();
/** A workflow definition as any caller may send it; the validator reports what is wrong. */
const definition = z.unknown();

export const CONSOLE_METHODS = {
  getAppStatus: query<AppStatus>()(z.tuple([])),

  validateWorkflow: query<ValidationResult>()(z.tuple([definition])),
  importWorkflow: query<WorkflowReadResult>()(z.tuple([z.object({ fileName: z.string().max(1000), text: z.string() })])),
  exportWorkflow: query<string>()(z.tuple([z.object({ definition, format: z.enum(WORKFLOW_FORMATS) })])),
  /** Archived templates only when the query names their status. */
  listTemplates: query<TemplateSummary[]>()(z.tuple([templateListQuerySchema.optional()])),
  listTemplateVersions: query<TemplateSummary[]>()(z.tuple([z.string().min(1).max(500)])),
  loadTemplate: query<Template>()(
    z.tuple([z.union([z.object({ id: taskId }), z.object({ name: z.string().min(1).max(500), version: z.int().min(1).optional() })])]),
  ),
  saveTemplate: control<SaveTemplateResult>()(
    z.tuple([z.object({ definition, name: z.string().max(500).optional(), description: z.string().max(10_000).optional() })]),
  ),
  diffTemplates: query<WorkflowDiff>()(z.tuple([z.object({ name: z.string().min(1).max(500), from: z.int().min(1), to: z.int().min(1) })])),

  createTask: control<CreateTaskResult>()(z.tuple([definition, createTaskOptionsSchema.optional()])),
  startTask: control<void>()(z.tuple([taskId])),
  pauseTask: control<void>()(z.tuple([taskId])),
  resumeTask: control<void>()(z.tuple([taskId])),
  stopTask: control<void>()(z.tuple([taskId, reason])),
  listTasks: query<TaskSummary[]>()(z.tuple([taskListQuerySchema.optional()])),
  getTask: query<TaskDetail>()(z.tuple([taskId])),
  queryNodes: query<NodeView[]>()(z.tuple([taskId, nodeQuerySchema.optional()])),
  getNodeDetail: query<NodeDetail>()(z.tuple([taskId, nodeId])),
  listExecutions: query<ExecutionView[]>()(z.tuple([taskId, executionQuerySchema.optional()])),
  listTransitions: query<TransitionView[]>()(z.tuple([transitionQuerySchema])),

  stopNode: control<void>()(z.tuple([taskId, nodeId, reason])),
  restartNode: control<void>()(z.tuple([taskId, nodeId])),
  skipNode: control<void>()(z.tuple([taskId, nodeId])),
  rerunFrom: control<number>()(z.tuple([taskId, nodeId])),
  retryFailed: control<RetryFailedResult>()(z.tuple([taskId])),
  decideManual: control<void>()(z.tuple([taskId, nodeId, z.object({ approved: z.boolean(), comment: z.string().max(10_000).optional() })])),
  /** The task's exercise clock: task time, rate, paused, and every change with who made it. */
  getTaskClock: query<TaskClockView>()(z.tuple([taskId])),
  /** Pause, resume, step (paused) or set the rate (×0.25–×64); lists the running agents that keep real time. */
  setTaskClock: control<SetClockResult>()(z.tuple([taskId, clockChangeSchema])),
  /** Holds a node (a container: its subtree) until released; a running agent is paused on its Engine or the hold is refused with why. */
  holdNode: control<void>()(z.tuple([taskId, nodeId, z.object({ reason }).optional()])),
  releaseNode: control<void>()(z.tuple([taskId, nodeId])),

  queryLogs: query<LogPage>()(z.tuple([logQuerySchema])),
  getResourceSeries: query<ResourceSeries>()(z.tuple([resourceQuerySchema])),
  getProgressSeries: query<ProgressSeries>()(z.tuple([progressQuerySchema])),
  /** A task's run report as an HTML or PDF file, or its node table as CSV. */
  exportRunReport: query<ReportFile>()(z.tuple([reportRequestSchema])),

  /** Newest first; by state and task when asked. */
  listAlerts: query<Alert[]>()(z.tuple([alertQuerySchema.optional()])),
  getTaskHealth: query<TaskHealth>()(z.tuple([taskId])),
  /** When the task and each node are expected to end (p50/p90), from earlier runs of its template; its critical path and each node's slack. */
  getForecast: query<TaskForecastView>()(z.tuple([taskId])),
  /** Two runs side by side: nodes only one had, and where status, attempts, duration and results differ. */
  compareRuns: query<RunComparison>()(z.tuple([taskId, taskId, compareOptionsSchema.optional()])),
  /** The after-action review's bookmarks and annotations of a task, in task-time order. */
  listBookmarks: query<BookmarkView[]>()(z.tuple([taskId])),
  addBookmark: remark<BookmarkView>()(z.tuple([taskId, bookmarkInputSchema])),
  /** Its author, or an operator, may delete a bookmark. */
  deleteBookmark: remark<void>()(z.tuple([taskId, idSchema])),
  /** Records the session's operator and the time; an acknowledged alert no longer escalates. */
  acknowledgeAlert: control<Alert>()(z.tuple([idSchema])),
  resolveAlert: control<Alert>()(z.tuple([idSchema])),

  /** Schemes (推演方案) and environments (环境实例): archived rows are listed only when asked for. */
  listSchemes: query<SchemeView[]>()(z.tuple([catalogQuerySchema.optional()])),
  createScheme: control<SchemeView>()(z.tuple([schemeInputSchema])),
  updateScheme: control<SchemeView>()(z.tuple([rowId, schemePatchSchema])),
  archiveScheme: control<SchemeView>()(z.tuple([rowId])),
  listEnvironments: query<EnvironmentView[]>()(z.tuple([catalogQuerySchema.optional()])),
  createEnvironment: control<EnvironmentView>()(z.tuple([environmentInputSchema])),
  updateEnvironment: control<EnvironmentView>()(z.tuple([rowId, environmentPatchSchema])),
  archiveEnvironment: control<EnvironmentView>()(z.tuple([rowId])),

  /** Triggers start tasks of a template by themselves (schedules, watched folders, HTTP calls); fireTrigger starts one now. */
  listTriggers: query<TriggerView[]>()(z.tuple([triggerListQuerySchema.optional()])),
  createTrigger: control<TriggerView>()(z.tuple([triggerInputSchema])),
  updateTrigger: control<TriggerView>()(z.tuple([rowId, triggerSpecSchema])),
  pauseTrigger: control<TriggerView>()(z.tuple([rowId])),
  resumeTrigger: control<TriggerView>()(z.tuple([rowId])),
  deleteTrigger: control<void>()(z.tuple([rowId])),
  fireTrigger: control<TriggerFireResult>()(z.tuple([rowId, fireVariablesSchema.optional()])),

  listEngines: query<EngineState[]>()(z.tuple([])),
  getAgentCatalog: query<AgentCatalogEntry[]>()(z.tuple([])),
  getSettings: query<Settings>()(z.tuple([])),
  updateSettings: control<Settings>()(z.tuple([settingsPatchSchema])),

  /** A template's status and tags, for every version of its name; deleting one that tasks use archives it instead. */
  setTemplateStatus: control<TemplateSummary>()(z.tuple([templateNameSchema, z.enum(TEMPLATE_STATUSES)])),
  setTemplateTags: control<TemplateSummary>()(z.tuple([templateNameSchema, templateTagsSchema])),
  archiveTemplate: control<TemplateSummary>()(z.tuple([templateNameSchema])),
  deleteTemplate: control<DeleteTemplateResult>()(z.tuple([templateNameSchema])),
  /** Tasks named or found by age; live ones (initializing, running, paused) are refused. */
  archiveTasks: control<number>()(z.tuple([taskSelectionSchema])),
  unarchiveTasks: control<number>()(z.tuple([taskSelectionSchema])),
  previewTaskDeletion: query<TaskDeletionPreview>()(z.tuple([taskSelectionSchema])),
  deleteTasks: control<DeleteTasksResult>()(z.tuple([taskSelectionSchema])),
  /** Compressed backups in the backup folder; a restore takes effect when the console next starts. */
  listBackups: query<BackupListing>()(z.tuple([])),
  backupNow: control<BackupEntry>()(z.tuple([])),
  restoreBackup: control<StagedRestore>()(z.tuple([z.object({ file: z.string().min(1).max(1000) })])),
  /** Operators who decide manual steps (their skills, supervisor or not), and the steps awaiting a decision. */
  listOperators: query<OperatorView[]>()(z.tuple([])),
  saveOperator: control<OperatorView>()(z.tuple([operatorInputSchema])),
  removeOperator: control<void>()(z.tuple([z.string().trim().min(1).max(200)])),
  listPendingApprovals: query<PendingApproval[]>()(z.tuple([])),
  /** Changing a deduction while it runs: its variables (nodes not started see them), nodes added or removed, a node rerun with an edited config. */
  setTaskVariables: control<VariableChange[]>()(z.tuple([taskId, variablesPatchSchema, reason])),
  addNodes: control<AddNodesResult>()(z.tuple([taskId, nodeAdditionSchema])),
  removeNode: control<RemoveNodeResult>()(z.tuple([taskId, nodeId])),
  rerunNode: control<RerunNodeResult>()(z.tuple([taskId, nodeId, rerunOptionsSchema.optional()])),
  /** A task's injects (its master scenario event list): pending, fired or failed, when and by whom; fireInject fires one now, once. */
  listInjects: query<InjectView[]>()(z.tuple([taskId])),
  fireInject: control<InjectView>()(z.tuple([taskId, z.string().trim().min(1).max(100)])),
} as const satisfies Record<string, AnyMethodSpec>;

export const CONSOLE_EVENTS = {
  /** What each scheduler commit changed, coalesced to a few dozen batches a second. */
  taskChanged: stream<TaskChange[]>(),
  /** Tasks whose log grew: fetch from your cursor with queryLogs. */
  logsAppended: stream<LogsAppended[]>(),
  /** Nodes and Engines with new resource samples: fetch with getResourceSeries. */
  samplesAppended: stream<SamplesAppended[]>(),
  engineStatus: stream<EngineState[]>(),
  /** Every change to an alert (raised, repeated, acknowledged, resolved, escalated), with the alert as it now is. */
  alert: stream<AlertEvent>(),
} as const satisfies Record<string, EventSpec<unknown>>;

export type ConsoleMethodName = keyof typeof CONSOLE_METHODS;
export type ConsoleEventName = keyof typeof CONSOLE_EVENTS;

type ArgsOf<S> = S extends MethodSpec<infer A, unknown> ? z.input<A> : never;
type ResultOf<S> = S extends MethodSpec<z.ZodType<readonly unknown[]>, infer R> ? R : never;
type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;

export type ConsoleApi = {
  [K in ConsoleMethodName]: (...args: ArgsOf<(typeof CONSOLE_METHODS)[K]>) => Promise<ResultOf<(typeof CONSOLE_METHODS)[K]>>;
};

export type ConsoleEventPayload<E extends ConsoleEventName> = PayloadOf<(typeof CONSOLE_EVENTS)[E]>;

/**
 * Subscribing to an event stream returns the function that ends the subscription. `onGap` is
 * called when events may have been missed (a transport that lost its connection and got it
 * back): what was built from the stream should be read afresh.
 */
export interface ConsoleEvents {
  subscribe<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEventPayload<E>) => void, onGap?: () => void): () => void;
}

/** What the UI holds: every method plus the event streams. */
export type ConsoleClient = ConsoleApi & ConsoleEvents;

export const CONSOLE_METHOD_NAMES = Object.keys(CONSOLE_METHODS) as ConsoleMethodName[];
export const CONSOLE_EVENT_NAMES = Object.keys(CONSOLE_EVENTS) as ConsoleEventName[];

export function isConsoleMethod(name: unknown): name is ConsoleMethodName {
  return typeof name === 'string' && Object.hasOwn(CONSOLE_METHODS, name);
}

export function isConsoleEvent(name: unknown): name is ConsoleEventName {
  return typeof name === 'string' && Object.hasOwn(CONSOLE_EVENTS, name);
}

/** Electron IPC channel of a method, and the one channel events travel on. */
export function ipcChannel(method: ConsoleMethodName): string {
  return `console:${method}`;
}
export const IPC_EVENT_CHANNEL = 'console-event';
export const IPC_SUBSCRIBE_CHANNEL = 'console-subscribe';
