import type { InjectView } from '../injects/inject-view';
import type { TaskHealth } from '../api/alerts';
import { z } from 'zod';
import type { TaskClockView } from '../clock/clock-view';
import { idSchema, type Id } from '../ids';
import { LANGUAGES } from '../settings/settings';
import type { ExecutionStatus, LogLevel, NodeKind, NodeStatus, NodeType, TaskStatus } from '../status';
import type { TaskCounters } from '../task/views';
import type { RunComparison } from '../compare/run-compare';
import { isTimeZone } from './format';
import type { BookmarkView } from '../review/bookmarks';

export const REPORT_FORMATS = ['html', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report is written in one of the console's languages; "auto" is a setting, not a language. */
export const reportLanguageSchema = z.enum(LANGUAGES).exclude(['auto']);
export type ReportLanguage = z.infer<typeof reportLanguageSchema>;

/**
 * Bounds that keep a report of a 10,000-node task readable and its queries cheap; every list
 * cut by one carries the full count beside it, so the report says what it left out.
 */
export const REPORT_LIMITS = {
  /** Failed nodes shown with their log lines. */
  failuresWithLogs: 100,
  /** The newest warn and error lines kept per failed node. */
  logLinesPerFailure: 50,
  /** Agents drawn in the timeline, the first to start. */
  timelineRows: 200,
  operatorActions: 1000,
  retries: 500,
  /** Rows of the node table in the HTML and PDF; the CSV always has every node. */
  htmlNodeRows: 500,
  /** Nodes listed by their CPU and memory peaks. */
  topResourceNodes: 10,
} as const;

export const reportRequestSchema = z.object({
  taskId: idSchema,
  format: z.enum(REPORT_FORMATS),
  language: reportLanguageSchema,
  /** IANA time zone the report's times are written in (the reader's); UTC when absent. */
  timeZone: z.string().max(100).refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').optional(),
  /** Another task to compare this run with (HTML and PDF): that run is A, this one B. */
  compareWith: idSchema.optional(),
  /** The after-action review built from the task's bookmarks, instead of the run report (HTML or PDF only). */
  afterAction: z.boolean().optional(),
})
  .refine((request) => request.compareWith === undefined || request.format !== 'csv', { message: 'needs the html or pdf format (a CSV holds the node table alone)', path: ['compareWith'] })
  .refine((request) => !(request.afterAction === true && request.format === 'csv'), { message: 'an after-action report is HTML or PDF, not CSV', path: ['format'] });
export type ReportRequest = z.input<typeof reportRequestSchema>;

/** An exported file as it crosses a transport: text as is, binary (PDF) as base64. */
export interface ReportFile {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}

export interface ReportTask {
  taskId: Id;
  name: string;
  description: string | null;
  status: TaskStatus;
  rootNodeId: string;
  createdBy: string | null;
  createdAt: number;
  startTime: number | null;
  endTime: number | null;
  /** From start to end, or to the report's moment while the task still runs. */
  durationMs: number | null;
  errorMessage: string | null;
  engineIds: string[];
  engineTaskId: string | null;
  /** Null for the in-process Engine, and before the task was submitted. */
  engineUrl: string | null;
}

export interface ReportNode {
  nodeId: string;
  name: string | null;
  nodeType: NodeType;
  /** The IT-ops design's kind the workflow gives the node, if any. */
  kind: NodeKind | null;
  parentId: string | null;
  level: number;
  status: NodeStatus;
  agentLoad: string | null;
  agentMetaId: Id | null;
  agentUrl: string | null;
  containerType: string | null;
  /** envConfig and bizValue as compact JSON text. */
  envConfig: string | null;
  bizValue: string | null;
  engineId: string | null;
  /** Executions so far (first run, automatic retries and operator reruns). */
  attempts: number;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  peakCpuPercent: number | null;
  peakMemoryBytes: number | null;
  /** Of its current (latest) execution: ready to start, in ms. */
  queueTimeMs: number | null;
  /** Of its current execution's samples: mean CPU in percent of one core, mean memory in MB. */
  meanCpuPercent: number | null;
  meanMemoryMb: number | null;
  /** Containers: the agents inside at any depth, and how many completed (as the monitor's tree counts them). */
  managedNodesTotal: number | null;
  managedNodesCompleted: number | null;
}

export interface ReportLogLine {
  time: number;
  level: LogLevel;
  batch: number | null;
  message: string;
}

export interface ReportFailure {
  nodeId: string;
  name: string | null;
  batch: number;
  errorCode: string | null;
  errorMessage: string | null;
  endTime: number | null;
  /** The newest warn and error lines, oldest first. */
  logs: ReportLogLine[];
}

export interface ReportAttempt {
  batch: number;
  status: ExecutionStatus;
  errorCode: string | null;
  startTime: number | null;
  endTime: number | null;
}

/** A node that ran more than once. */
export interface ReportRetry {
  nodeId: string;
  name: string | null;
  status: NodeStatus;
  attempts: ReportAttempt[];
}

/** An operator's control, as recorded on the node it acted on. */
export interface ReportAction {
  time: number;
  operator: string | null;
  nodeId: string;
  batch: number;
  from: NodeStatus | null;
  to: NodeStatus;
  reason: string | null;
}

export interface ReportTimelineRow {
  nodeId: string;
  name: string | null;
  bars: ReportAttempt[];
}

export interface ReportResourcePeak {
  nodeId: string;
  name: string | null;
  value: number;
}

export interface ReportResources {
  /** The task's highest total (summed over its nodes), from the downsampled task series. */
  taskPeakCpuPercent: number | null;
  taskPeakMemoryBytes: number | null;
  topCpu: ReportResourcePeak[];
  topMemory: ReportResourcePeak[];
}

export interface Limited<T> {
  items: T[];
  /** How many there are in all; more than items.length when the list was cut. */
  total: number;
}

/** Everything a run report shows, gathered once from the store; the renderers only format it. */
export interface RunReport {
  generatedAt: number;
  timeZone: string;
  task: ReportTask;
  counters: TaskCounters;
  /** The IT-ops design's analysis of the task, as the window shows it. */
  health: TaskHealth;
  nodeStatusCounts: Partial<Record<NodeStatus, number>>;
  /** Executions of agents (a container's are bookkeeping), as are retries and the timeline. */
  executionStatusCounts: Partial<Record<ExecutionStatus, number>>;
  executionsTotal: number;
  /** Every node of the task, in definition order. */
  nodes: ReportNode[];
  failures: Limited<ReportFailure>;
  retries: Limited<ReportRetry>;
  operatorActions: Limited<ReportAction>;
  resources: ReportResources;
  timeline: Limited<ReportTimelineRow> & { start: number | null; end: number | null };
  /** How this run differs from the one the request names in `compareWith`, if it named one. */
  comparison?: RunComparison;
  /** The task's bookmarks and annotations, in task-time order (at most BOOKMARK_LIMITS.perTask). */
  bookmarks: BookmarkView[];
  /** The task's injects with their state (absent in reports made before injects existed). */
  injects?: InjectView[];
  /** The task's exercise clock and its changes. */
  clock?: TaskClockView;
}

/** Only a failure or a stop is reported as an error; a skip, a recovery or an escalation carries a reason instead. */
export function isErrorStatus(status: NodeStatus): boolean {
  return status === 'failed' || status === 'stopped';
}
