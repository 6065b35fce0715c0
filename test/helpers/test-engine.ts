import { executionKey, nodeKey } from '../../src/shared/engine/execution-key';
import {
  NODE_ERROR_CODES,
  type AgentCatalogEntry,
  type DecideManualCommand,
  type EngineCommandName,
  type EngineErrorCode,
  type EngineEvent,
  type EngineNodeState,
  type EngineNodeStatus,
  type EngineTaskRequest,
  type InitContainerCommand,
  type NodeRef,
  type StartNodeCommand,
  type StopNodeCommand,
  type StopTaskCommand,
} from '../../src/shared/engine/protocol';
import { EngineCommandError } from '../../src/main/core/engine/engine-errors';
import type { EnginePort } from '../../src/main/core/engine/engine-port';

/**
 * An Engine in the same process, for tests and benchmarks: agents do nothing but wait their
 * scripted duration (0: they end in the next event flush) and end as scripted. It keeps
 * every command it was sent, answers queries from what it ran, and, like a real Engine, is
 * idempotent by (task, node, batch). Events go out in one batch per turn of the event loop;
 * with nobody listening they are dropped (counted in `stats.droppedEvents`), as a restarted
 * console would have lost them.
 */
export interface NodeScript {
  /** How long an attempt runs; 0 (the default) ends it in the next flush. */
  durationMs?: number;
  /** How an attempt ends; `hang` never ends unless stopped or timed out. */
  outcome?: 'completed' | 'failed' | 'timeout' | 'hang';
  result?: unknown;
  errorCode?: string;
  errorMessage?: string;
  /** The first n attempts of the node fail, whatever `outcome` says. */
  failTimes?: number;
  /** Waits for decideManual instead of ending by itself. */
  manual?: boolean;
  /** Progress values reported while running. */
  progress?: number[];
}

export type ScriptSource = Readonly<Record<string, NodeScript>> | ((command: StartNodeCommand, attempt: number) => NodeScript | undefined);

export interface TestEngineOptions {
  engineId?: string;
  /** Agents that may run at once; unlimited by default. */
  capacity?: number;
  script?: ScriptSource;
  /** For nodes the script does not name. */
  defaultScript?: NodeScript;
  catalog?: AgentCatalogEntry[];
  /** Report `timeout` when an attempt outlives the start command's timeoutMs (default true). */
  enforceTimeouts?: boolean;
  /** Refuses a start whose container was never initialized here, as the reference Engine does. */
  requireContainers?: boolean;
  /** Refuses a command with the code returned, for tests of refusals. */
  refuse?: (name: EngineCommandName, payload: unknown) => EngineErrorCode | undefined;
}

export interface TestEngineStats {
  submitted: number;
  startCommands: number;
  duplicateStarts: number;
  initCommands: number;
  stopCommands: number;
  queries: number;
  decisions: number;
  droppedEvents: number;
  deliveredEvents: number;
}

interface Run {
  command: StartNodeCommand;
  status: EngineNodeStatus;
  manual: boolean;
  result?: unknown;
  errorCode?: string;
  errorMessage?: string;
  progress: number;
  timer: ReturnType<typeof setTimeout> | null;
}


export class TestEngine implements EnginePort {
  readonly engineId: string;
  readonly stats: TestEngineStats = {
    submitted: 0,
    startCommands: 0,
    duplicateStarts: 0,
    initCommands: 0,
    stopCommands: 0,
    queries: 0,
    decisions: 0,
    droppedEvents: 0,
    deliveredEvents: 0,
  };
  /** Every command accepted, in order: "submit <task>", "init <node>#<batch>", "start <node>#<batch>", "stop <node>#<batch>", "stopTask <task>", "decide <node>#<batch>". */
  readonly log: string[] = [];
  /** Start commands received per (task, node, batch), repeats included. */
  readonly startsByBatch = new Map<string, number>();
  readonly tasks = new Map<string, EngineTaskRequest>();
  private readonly runs = new Map<string, Run>();
  private readonly containers = new Map<string, InitContainerCommand>();
  private readonly attempts = new Map<string, number>();
  private readonly listeners = new Set<(events: EngineEvent[]) => void>();
  private outbox: EngineEvent[] = [];
  private flushScheduled = false;
  private running = 0;
  private closed = false;

  constructor(private readonly options: TestEngineOptions = {}) {
    this.engineId = options.engineId ?? 'test-engine';
  }

  submitTask(request: EngineTaskRequest): Promise<void> {
    return this.command('submitTask', request, () => {
      this.stats.submitted++;
      this.log.push(`submit ${request.taskId}`);
      this.tasks.set(request.taskId, request);
    });
  }

  initContainer(command: InitContainerCommand): Promise<void> {
    return this.command('initContainer', command, () => {
      this.stats.initCommands++;
      this.log.push(`init ${command.nodeId}#${command.batch}`);
      this.containers.set(executionKey(command), command);
    });
  }

  startNode(command: StartNodeCommand): Promise<void> {
    return this.command('startNode', command, () => {
      this.stats.startCommands++;
      this.log.push(`start ${command.nodeId}#${command.batch}`);
      const id = executionKey(command);
      this.startsByBatch.set(id, (this.startsByBatch.get(id) ?? 0) + 1);
      if (this.runs.has(id)) {
        this.stats.duplicateStarts++;
        return;
      }
      if (this.running >= (this.options.capacity ?? Infinity)) {
        throw new EngineCommandError('AT_CAPACITY', `all ${this.options.capacity} slots are busy`);
      }
      if (this.options.requireContainers && command.parentId !== null && ![...this.containers.values()].some((init) => init.taskId === command.taskId && init.nodeId === command.parentId)) {
        throw new EngineCommandError('UNKNOWN_NODE', `container ${command.parentId} is not initialized on this Engine`);
      }
      this.begin(id, command);
    });
  }

  stopNode(command: StopNodeCommand): Promise<void> {
    return this.command('stopNode', command, () => {
      this.stats.stopCommands++;
      this.log.push(`stop ${command.nodeId}#${command.batch}`);
      const run = this.runs.get(executionKey(command));
      if (run && run.status === 'running') this.end(run, 'stopped', { errorCode: NODE_ERROR_CODES.stopped, errorMessage: command.reason ?? 'stopped' });
    });
  }

  stopTask(command: StopTaskCommand): Promise<void> {
    return this.command('stopTask', command, () => {
      this.stats.stopCommands++;
      this.log.push(`stopTask ${command.taskId}`);
      for (const run of this.runs.values()) {
        if (run.command.taskId === command.taskId && run.status === 'running') {
          this.end(run, 'stopped', { errorCode: NODE_ERROR_CODES.stopped, errorMessage: command.reason ?? 'task stopped' });
        }
      }
    });
  }

  queryNode(ref: NodeRef): Promise<EngineNodeState> {
    this.stats.queries++;
    return Promise.resolve(this.stateOf(ref));
  }

  decideManual(command: DecideManualCommand): Promise<void> {
    return this.command('decideManual', command, () => {
      const run = this.runs.get(executionKey(command));
      if (!run) throw new EngineCommandError('UNKNOWN_NODE', `no execution ${command.nodeId} batch ${command.batch}`);
      if (!run.manual) throw new EngineCommandError('NOT_MANUAL', `${command.nodeId} is not a manual agent`);
      if (run.status !== 'running') throw new EngineCommandError('ALREADY_DECIDED', `${command.nodeId} batch ${command.batch} has ended`);
      this.stats.decisions++;
      this.log.push(`decide ${command.nodeId}#${command.batch}`);
      if (command.approved) this.end(run, 'completed', { result: { approved: true, operator: command.operator, ...(command.comment === undefined ? {} : { comment: command.comment }) } });
      else this.end(run, 'failed', { errorCode: NODE_ERROR_CODES.rejected, errorMessage: command.comment ?? `rejected by ${command.operator}` });
    });
  }

  freeCapacity(): number {
    return (this.options.capacity ?? Infinity) - this.running;
  }

  catalog(): AgentCatalogEntry[] {
    return this.options.catalog ?? [];
  }

  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What the Engine knows of an execution (or a container), as queryNode answers. */
  stateOf(ref: NodeRef): EngineNodeState {
    const run = this.runs.get(executionKey(ref));
    if (run) {
      const state: EngineNodeState = { status: run.status, progress: run.progress };
      if (run.result !== undefined) state.result = run.result as EngineNodeState['result'];
      if (run.errorCode !== undefined) state.errorCode = run.errorCode;
      if (run.errorMessage !== undefined) state.errorMessage = run.errorMessage;
      return state;
    }
    return this.containers.has(executionKey(ref)) ? { status: 'running' } : { status: 'unknown' };
  }

  /** Agents running now. */
  get runningCount(): number {
    return this.running;
  }

  /** Ends every pending timer; events still queued are dropped. */
  close(): void {
    this.closed = true;
    for (const run of this.runs.values()) if (run.timer) clearTimeout(run.timer);
    this.outbox = [];
  }

  private command(name: EngineCommandName, payload: unknown, body: () => void): Promise<void> {
    if (this.closed) return Promise.reject(new EngineCommandError('CLOSED', 'the test engine is closed'));
    const refusal = this.options.refuse?.(name, payload);
    if (refusal) return Promise.reject(new EngineCommandError(refusal, `refused ${name} by script`));
    try {
      body();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private scriptFor(command: StartNodeCommand, attempt: number): NodeScript {
    const source = this.options.script;
    const scripted = typeof source === 'function' ? source(command, attempt) : source?.[command.nodeId];
    return scripted ?? this.options.defaultScript ?? {};
  }

  private begin(id: string, command: StartNodeCommand): void {
    const key = nodeKey(command.taskId, command.nodeId);
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const script = this.scriptFor(command, attempt);
    const run: Run = { command, status: 'running', manual: script.manual === true, progress: 0, timer: null };
    this.runs.set(id, run);
    this.running++;
    this.emit({ type: 'node.status', taskId: command.taskId, nodeId: command.nodeId, batch: command.batch, engineId: this.engineId, status: 'running', time: Date.now() });
    for (const progress of script.progress ?? []) {
      run.progress = progress;
      this.emit({ type: 'node.progress', taskId: command.taskId, nodeId: command.nodeId, batch: command.batch, engineId: this.engineId, progress, time: Date.now() });
    }

    const fails = attempt <= (script.failTimes ?? 0);
    const outcome = fails ? 'failed' : (script.outcome ?? 'completed');
    const duration = script.durationMs ?? 0;
    const timeoutMs = this.options.enforceTimeouts === false ? undefined : command.timeoutMs;
    if (timeoutMs !== undefined && (outcome === 'hang' || script.manual || duration > timeoutMs)) {
      run.timer = setTimeout(() => this.end(run, 'timeout', { errorCode: NODE_ERROR_CODES.timeout, errorMessage: `no result within ${timeoutMs} ms` }), timeoutMs);
      return;
    }
    if (script.manual || outcome === 'hang') return;
    const finish = () => {
      if (outcome === 'completed') this.end(run, 'completed', script.result === undefined ? {} : { result: script.result });
      else {
        this.end(run, outcome, {
          errorCode: script.errorCode ?? (outcome === 'timeout' ? NODE_ERROR_CODES.timeout : NODE_ERROR_CODES.simulated),
          errorMessage: script.errorMessage ?? (fails ? `scripted failure ${attempt} of ${script.failTimes}` : `scripted ${outcome}`),
          ...(script.result === undefined ? {} : { result: script.result }),
        });
      }
    };
    if (duration <= 0) finish();
    else run.timer = setTimeout(finish, duration);
  }

  private end(run: Run, status: EngineNodeStatus, detail: { result?: unknown; errorCode?: string; errorMessage?: string }): void {
    if (run.status !== 'running') return;
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    run.status = status;
    this.running--;
    if (status === 'completed') run.progress = 1;
    if (detail.result !== undefined) run.result = detail.result;
    if (detail.errorCode !== undefined) run.errorCode = detail.errorCode;
    if (detail.errorMessage !== undefined) run.errorMessage = detail.errorMessage;
    const { taskId, nodeId, batch } = run.command;
    const event: EngineEvent = { type: 'node.status', taskId, nodeId, batch, engineId: this.engineId, status, time: Date.now() };
    if (run.result !== undefined) event.result = run.result as typeof event.result;
    if (run.errorCode !== undefined) event.errorCode = run.errorCode;
    if (run.errorMessage !== undefined) event.errorMessage = run.errorMessage;
    this.emit(event);
  }

  private emit(event: EngineEvent): void {
    this.outbox.push(event);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.outbox.length === 0) return;
    const batch = this.outbox;
    this.outbox = [];
    if (this.listeners.size === 0) {
      this.stats.droppedEvents += batch.length;
      return;
    }
    this.stats.deliveredEvents += batch.length;
    for (const listener of this.listeners) listener(batch);
  }
}
