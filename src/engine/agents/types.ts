import type { LogCategory, LogLevel } from '../../shared/status';
import type { LOG_STREAMS, NodeRef } from '../../shared/engine/protocol';
import type { CommandPolicy } from '../command-policy';
import type { AgentManifest } from '../manifest';
import type { AgentInbox } from './agent-inbox';
import type { AgentClock } from '../task-clocks';
import type { PauseGate } from './pause-gate';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type LogStream = (typeof LOG_STREAMS)[number];

/** What a log line may carry beyond its text (see the `::log` directive). */
export interface LogDetails {
  category?: LogCategory;
  extra?: JsonObject;
}

/** What a running agent reports while it works; the Engine turns each call into an event. */
export interface AgentEmitter {
  progress(progress: number, message?: string): void;
  log(level: LogLevel, stream: LogStream, message: string, details?: LogDetails): void;
  sample(cpuPercent: number, memoryBytes: number): void;
}

export interface ManualDecision {
  approved: boolean;
  operator: string;
  comment?: string;
  time: number;
}

/** Everything an agent gets for one execution (one batch of one node). */
export interface AgentRun {
  ref: NodeRef;
  manifest: AgentManifest;
  /** The manifest's defaults overlaid with the node's config. */
  config: JsonObject;
  catalogDir: string | null;
  /** The working folder of the node's container, if it made one. */
  cwd?: string;
  /** Environment the node's containers give it. */
  env: Record<string, string>;
  /** Aborted when the node is stopped or times out; the agent must end promptly, cleaning up. */
  signal: AbortSignal;
  /** The task's exercise clock; agents that keep simulated time (sim) follow it. */
  clock: AgentClock;
  emit: AgentEmitter;
  /** Messages sent to this execution (messageNode); an agent that handles them listens here. */
  inbox?: AgentInbox;
  /** Manual agents: the operator's decision, once given. */
  decision: Promise<ManualDecision>;
  sampleIntervalMs: number;
  /** How long a process tree gets between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Which programs the command agent may start on this Engine. */
  commandPolicy: CommandPolicy;
  /** An operator's hold: an agent that can pause accepts it and honours it (see pause-gate.ts). */
  pause: PauseGate;
}

/** How an agent ended by itself; a stop or a timeout overrides it. */
export interface AgentOutcome {
  status: 'completed' | 'failed';
  result?: JsonValue;
  errorCode?: string;
  errorMessage?: string;
  exitCode?: number;
}

export type AgentRunner = (run: AgentRun) => Promise<AgentOutcome>;

/** Resolves when the signal aborts (never rejects), so agents can race it against their work. */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** First issue of a failed config parse, in words. */
export function describeIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0];
  if (!issue) return 'invalid config';
  return `${issue.path.map(String).join('.') || '(config)'}: ${issue.message}`;
}
