import { executionKey } from '../shared/engine/execution-key';
import {
  NODE_ERROR_CODES,
  TERMINAL_ENGINE_STATUSES,
  type CommandAck,
  type DecideManualCommand,
  type MessageNodeCommand,
  type EngineEvent,
  type EngineNodeState,
  type EngineNodeStatus,
  type NodeRef,
  type SetClockCommand,
  type StartNodeCommand,
} from '../shared/engine/protocol';
import type { Logger } from '../shared/logger';
import { missingSkills } from '../shared/engine/skills';
import { AGENT_RUNNERS } from './agents/runners';
import type { AgentOutcome, AgentRun, JsonObject, JsonValue, ManualDecision } from './agents/types';
import { AgentInbox, MESSAGE_AGENT_KINDS } from './agents/agent-inbox';
import { PauseGate } from './agents/pause-gate';
import { PausableTimer } from './pausable-timer';
import type { AgentCatalog } from './catalog';
import type { CommandPolicy } from './command-policy';
import type { Containers } from './containers';
import type { AgentManifest } from './manifest';
import type { TaskTrees } from './task-trees';
import { TaskClocks } from './task-clocks';
import { errorStack, errorText } from '../shared/error-text';

const MAX_MESSAGE_CHARS = 65_536;
/** Finished runs remembered for queries and idempotent repeats; the oldest are forgotten beyond it. */
const MAX_FINISHED = 20_000;
/** The agent kinds that run on their task's exercise clock; the others keep real time. */
const CLOCK_KINDS: readonly string[] = ['sim'];

interface RunRecord {
  ref: NodeRef;
  key: string;
  manifest: AgentManifest;
  parentId: string | null;
  status: EngineNodeStatus;
  progress: number;
  result?: JsonValue;
  errorCode?: string;
  errorMessage?: string;
  exitCode?: number;
  controller: AbortController;
  /** Why the run was aborted, once it was. */
  end?: { status: 'stopped' | 'timeout'; message: string; errorCode?: string };
  decision?: ManualDecision;
  decide: (decision: ManualDecision) => void;
  inbox: AgentInbox;
  done: Promise<void>;
  /** Log lines emitted so far: each node.log carries its number. */
  lines: number;
  pause: PauseGate;
  /** The execution's timeout, which waits while the execution is paused. */
  timer?: PausableTimer;
}

export interface NodeRunsDeps {
  catalog: AgentCatalog;
  containers: Containers;
  trees: TaskTrees;
  emit: (event: EngineEvent) => void;
  logger: Logger;
  capacity: number;
  /** Skills this Engine advertises; a node requiring others is refused. */
  skills: readonly string[];
  sampleIntervalMs: number;
  killGraceMs: number;
  commandPolicy: CommandPolicy;
  /** The tasks' exercise clocks; real time for every task when absent. */
  clocks?: TaskClocks;
}


/**
 * Agent executions on this Engine, one per (task, node, batch): started once however often
 * the command is repeated, stopped or timed out by aborting their signal, and remembered after
 * they end so that queries and late repeats get the true answer.
 */
export class NodeRuns {
  private readonly records = new Map<string, RunRecord>();
  private readonly finished: string[] = [];
  private active = 0;
  readonly clocks: TaskClocks;

  constructor(private readonly deps: NodeRunsDeps) {
    this.clocks = deps.clocks ?? new TaskClocks();
  }

  get running(): number {
    return this.active;
  }

  start(command: StartNodeCommand): CommandAck {
    const key = executionKey(command);
    if (this.records.has(key)) return { ok: true, duplicate: true };
    const manifest = this.deps.catalog.get(command.agentLoad);
    if (!manifest) {
      const offered = this.deps.catalog.entries().map((entry) => entry.agentLoad);
      return { ok: false, error: { code: 'UNSUPPORTED_AGENT', message: `this Engine has no agent "${command.agentLoad}"; it offers ${offered.join(', ')}` } };
    }
    const missing = missingSkills(command.requiredSkills ?? [], this.deps.skills);
    if (missing.length > 0) {
      return { ok: false, error: { code: 'MISSING_SKILL', message: `this Engine lacks skill(s) ${missing.join(', ')} that node ${command.nodeId} requires; it has ${this.deps.skills.join(', ') || 'none'}` } };
    }
    if (this.active >= this.deps.capacity) {
      return { ok: false, error: { code: 'AT_CAPACITY', message: `this Engine runs ${this.active} nodes, its capacity` } };
    }
    if (command.parentId !== null && !this.deps.containers.has(command.taskId, command.parentId)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_NODE', message: `container ${command.parentId} of task ${command.taskId} is not initialized on this Engine` },
      };
    }
    if (command.clock) this.clocks.set(command.taskId, command.clock);
    let decide: (decision: ManualDecision) => void = () => undefined;
    const decision = new Promise<ManualDecision>((resolve) => (decide = resolve));
    let markDone: () => void = () => undefined;
    const record: RunRecord = {
      ref: { taskId: command.taskId, nodeId: command.nodeId, batch: command.batch },
      key,
      manifest,
      parentId: command.parentId,
      status: 'running',
      progress: 0,
      controller: new AbortController(),
      decide,
      inbox: new AgentInbox(),
      done: new Promise<void>((resolve) => (markDone = resolve)),
      lines: 0,
      pause: new PauseGate(),
    };
    this.records.set(key, record);
    this.active++;
    // Acknowledge first, then run: the ack reaches the console before the node's first event.
    setImmediate(() => {
      void this.execute(record, command, decision).finally(markDone);
    });
    return { ok: true };
  }

  private async execute(record: RunRecord, command: StartNodeCommand, decision: Promise<ManualDecision>): Promise<void> {
    let outcome: AgentOutcome;
    try {
      const context =
        command.parentId === null ? { ok: true as const, context: { env: {} } } : await this.deps.containers.context(command.taskId, command.parentId);
      if (record.controller.signal.aborted) {
        outcome = { status: 'failed' };
      } else if (!context.ok) {
        outcome = { status: 'failed', errorCode: NODE_ERROR_CODES.containerFailed, errorMessage: context.message };
      } else {
        this.emit(record, { type: 'node.status', ...record.ref, status: 'running', time: Date.now() });
        outcome = await this.runAgent(record, command, decision, context.context);
      }
    } catch (error) {
      this.deps.logger.error(`agent ${record.manifest.agentLoad} of node ${record.ref.nodeId} threw: ${errorStack(error)}`);
      outcome = { status: 'failed', errorCode: NODE_ERROR_CODES.agentError, errorMessage: `the agent crashed: ${errorText(error)}` };
    }
    this.finish(record, outcome);
  }

  private async runAgent(
    record: RunRecord,
    command: StartNodeCommand,
    decision: Promise<ManualDecision>,
    context: { cwd?: string; env: Record<string, string> },
  ): Promise<AgentOutcome> {
    const config: JsonObject = { ...(record.manifest.defaults as JsonObject | undefined), ...(command.config as JsonObject) };
    const timeoutMs = earliest(command.timeoutMs ?? record.manifest.timeoutMs, commandTimeout(record.manifest, config));
    if (timeoutMs !== undefined) record.timer = new PausableTimer(() => this.abort(record, 'timeout', `timed out after ${timeoutMs} ms`), timeoutMs);
    const run: AgentRun = {
      ref: record.ref,
      manifest: record.manifest,
      config,
      catalogDir: this.deps.catalog.dir,
      env: context.env,
      signal: record.controller.signal,
      inbox: record.inbox,
      clock: this.clocks.of(record.ref.taskId),
      decision,
      sampleIntervalMs: this.deps.sampleIntervalMs,
      killGraceMs: this.deps.killGraceMs,
      commandPolicy: this.deps.commandPolicy,
      pause: record.pause,
      emit: {
        progress: (progress, message) => {
          record.progress = Math.min(1, Math.max(0, progress));
          const event: EngineEvent = { type: 'node.progress', ...record.ref, progress: record.progress, time: Date.now() };
          if (message !== undefined) event.message = cap(message);
          this.emit(record, event);
        },
        log: (level, stream, message, details) => this.emit(record, { type: 'node.log', ...record.ref, level, stream, message: cap(message), line: ++record.lines, ...details, time: Date.now() }),
        sample: (cpuPercent, memoryBytes) => this.emit(record, { type: 'resource.sample', ...record.ref, cpuPercent, memoryBytes, time: Date.now() }),
      },
    };
    if (context.cwd) run.cwd = context.cwd;
    try {
      return await AGENT_RUNNERS[record.manifest.kind](run);
    } finally {
      record.timer?.clear();
    }
  }

  private emit(record: RunRecord, event: EngineEvent): void {
    if (!TERMINAL_ENGINE_STATUSES.includes(record.status)) this.deps.emit(event);
  }

  private finish(record: RunRecord, outcome: AgentOutcome): void {
    const event: EngineEvent & { type: 'node.status' } = { type: 'node.status', ...record.ref, status: 'completed', time: Date.now() };
    if (record.end) {
      event.status = record.end.status;
      event.errorCode = record.end.errorCode ?? (record.end.status === 'timeout' ? NODE_ERROR_CODES.timeout : NODE_ERROR_CODES.stopped);
      event.errorMessage = record.end.message;
    } else {
      event.status = outcome.status;
      if (outcome.result !== undefined) event.result = outcome.result;
      if (outcome.errorCode !== undefined) event.errorCode = outcome.errorCode;
      if (outcome.errorMessage !== undefined) event.errorMessage = cap(outcome.errorMessage, 10_000);
      if (outcome.status === 'completed') record.progress = 1;
    }
    if (outcome.exitCode !== undefined) event.exitCode = outcome.exitCode;
    this.deps.emit(event);
    record.status = event.status;
    record.result = event.result as JsonValue | undefined;
    record.errorCode = event.errorCode;
    record.errorMessage = event.errorMessage;
    record.exitCode = event.exitCode;
    this.active--;
    this.remember(record);
  }

  private remember(record: RunRecord): void {
    this.finished.push(record.key);
    while (this.finished.length > MAX_FINISHED) this.records.delete(this.finished.shift()!);
  }

  private abort(record: RunRecord, status: 'stopped' | 'timeout', message: string, errorCode?: string): void {
    if (record.end || TERMINAL_ENGINE_STATUSES.includes(record.status)) return;
    record.end = { status, message, ...(errorCode === undefined ? {} : { errorCode }) };
    // A stopped process tree takes no SIGTERM until it runs again.
    record.pause.resume();
    record.controller.abort();
  }

  /** Stopping a node that is not running (unknown or ended) is a no-op, so repeats are safe. */
  stop(ref: NodeRef, reason?: string): Promise<void> {
    const record = this.records.get(executionKey(ref));
    if (!record) return Promise.resolve();
    this.abort(record, 'stopped', reason ?? 'stopped by the console');
    return record.done;
  }

  /** Stops the running nodes of a task that lie in `containerId` (or all of the task's). */
  stopWithin(taskId: string, containerId: string | null, reason: string): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const record of this.records.values()) {
      if (record.ref.taskId !== taskId || TERMINAL_ENGINE_STATUSES.includes(record.status)) continue;
      if (containerId !== null && !this.deps.trees.isWithin(taskId, record.ref.nodeId, containerId, record.parentId)) continue;
      this.abort(record, 'stopped', reason);
      waits.push(record.done);
    }
    return Promise.all(waits).then(() => undefined);
  }

  /** Stops every node; an Engine shutting down says ENGINE_LOST, so consoles run them again elsewhere. */
  stopAll(reason: string, errorCode?: string): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const record of this.records.values()) {
      if (TERMINAL_ENGINE_STATUSES.includes(record.status)) continue;
      this.abort(record, 'stopped', reason, errorCode);
      waits.push(record.done);
    }
    return Promise.all(waits).then(() => undefined);
  }

  /**
   * A new clock for a task: sim agents follow it from now on; the answer names the task's
   * running agents of other kinds, which keep real time.
   */
  setClock(command: SetClockCommand): CommandAck {
    this.clocks.set(command.taskId, command.clock);
    const notHonouring = [...this.records.values()]
      .filter((record) => record.ref.taskId === command.taskId && !TERMINAL_ENGINE_STATUSES.includes(record.status) && !CLOCK_KINDS.includes(record.manifest.kind))
      .map((record) => ({ nodeId: record.ref.nodeId, batch: record.ref.batch, agentLoad: record.manifest.agentLoad, kind: record.manifest.kind }));
    return { ok: true, notHonouring };
  }

  state(ref: NodeRef): EngineNodeState | undefined {
    const record = this.records.get(executionKey(ref));
    if (!record) return undefined;
    const state: EngineNodeState = { status: record.status, progress: record.progress };
    if (record.result !== undefined) state.result = record.result;
    if (record.errorCode !== undefined) state.errorCode = record.errorCode;
    if (record.errorMessage !== undefined) state.errorMessage = record.errorMessage;
    if (record.exitCode !== undefined) state.exitCode = record.exitCode;
    return state;
  }

  /** An operator's hold: the execution's agent pauses (and its timeout waits), or the refusal says why it cannot. */
  pause(ref: NodeRef): CommandAck {
    const record = this.records.get(executionKey(ref));
    if (!record) return { ok: false, error: { code: 'UNKNOWN_NODE', message: `node ${ref.nodeId} (batch ${ref.batch}) of task ${ref.taskId} is not on this Engine` } };
    if (record.end || TERMINAL_ENGINE_STATUSES.includes(record.status)) {
      return { ok: false, error: { code: 'CANNOT_PAUSE', message: `node ${ref.nodeId} (batch ${ref.batch}) already ended ${record.end?.status ?? record.status}` } };
    }
    if (!record.pause.pause()) {
      const why = record.manifest.kind === 'process' ? 'process trees cannot be stopped and continued on this platform' : `${record.manifest.kind} agents cannot pause`;
      return { ok: false, error: { code: 'CANNOT_PAUSE', message: `node ${ref.nodeId} runs the ${record.manifest.kind} agent ${record.manifest.agentLoad}, which cannot pause: ${why}` } };
    }
    record.timer?.pause();
    return { ok: true };
  }

  /** Lets a paused execution go on; an execution that is not paused (or has ended) is left as it is. */
  resume(ref: NodeRef): CommandAck {
    const record = this.records.get(executionKey(ref));
    if (!record) return { ok: false, error: { code: 'UNKNOWN_NODE', message: `node ${ref.nodeId} (batch ${ref.batch}) of task ${ref.taskId} is not on this Engine` } };
    record.pause.resume();
    record.timer?.resume();
    return { ok: true };
  }

  decide(command: DecideManualCommand): CommandAck {
    const record = this.records.get(executionKey(command));
    if (!record) return { ok: false, error: { code: 'UNKNOWN_NODE', message: `node ${command.nodeId} (batch ${command.batch}) of task ${command.taskId} is not on this Engine` } };
    if (record.manifest.kind !== 'manual') {
      return { ok: false, error: { code: 'NOT_MANUAL', message: `node ${command.nodeId} runs the ${record.manifest.kind} agent ${record.manifest.agentLoad}, not a manual one` } };
    }
    if (record.decision) {
      if (record.decision.approved === command.approved) return { ok: true, duplicate: true };
      return { ok: false, error: { code: 'ALREADY_DECIDED', message: `node ${command.nodeId} was already ${record.decision.approved ? 'approved' : 'rejected'} by ${record.decision.operator}` } };
    }
    if (TERMINAL_ENGINE_STATUSES.includes(record.status)) {
      return { ok: false, error: { code: 'ALREADY_DECIDED', message: `node ${command.nodeId} already ended ${record.status}` } };
    }
    record.decision = { approved: command.approved, operator: command.operator, time: Date.now() };
    if (command.comment !== undefined) record.decision.comment = command.comment;
    record.decide(record.decision);
    return { ok: true };
  }

  /** A message to a running execution: refused when it is not running here, or its agent does not handle messages. */
  message(command: MessageNodeCommand): CommandAck {
    const record = this.records.get(executionKey(command));
    if (!record || TERMINAL_ENGINE_STATUSES.includes(record.status)) {
      return { ok: false, error: { code: 'UNKNOWN_NODE', message: `node ${command.nodeId} (batch ${command.batch}) of task ${command.taskId} is not running on this Engine` } };
    }
    if (!MESSAGE_AGENT_KINDS.has(record.manifest.kind)) {
      return { ok: false, error: { code: 'NOT_HANDLED', message: `the ${record.manifest.kind} agent ${record.manifest.agentLoad} of node ${command.nodeId} does not handle messages` } };
    }
    record.inbox.deliver({ message: command.message as JsonValue, ...(command.from === undefined ? {} : { from: command.from }), time: Date.now() });
    return { ok: true };
  }
}

/** The command agent's config may bound its own run (`timeoutMs`); for other agents that key is their own data. */
function commandTimeout(manifest: AgentManifest, config: JsonObject): number | undefined {
  const value = config['timeoutMs'];
  return manifest.commandFromConfig && typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function cap(text: string, max = MAX_MESSAGE_CHARS): string {
  return text.length > max ? text.slice(0, max) : text;
}
