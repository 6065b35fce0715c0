import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { EnvironmentStatus } from '../../../shared/environments/environments';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { AgentCatalogEntry, EngineEvent, MessageNodeCommand, NodeRef, SetClockCommand } from '../../../shared/engine/protocol';
import type { UnhonouredAgent } from '../../../shared/clock/clock-view';
import { errorText } from '../../../shared/error-text';
import { EngineCommandError } from './engine-errors';
import type { EnginePort } from './engine-port';
import { NoEngineError, unavailableReason, waitForEngines } from './engine-wait';

/** A set of Engines behind one port (a balancer, or the embedded Engine), with their link states. */
export interface EnginePool {
  port: EnginePort;
  states(): EngineState[];
  onStates(listener: (states: EngineState[]) => void): () => void;
  close(): Promise<void>;
}

/** An environment as the router needs to know it now; `version` changes with every edit of the row. */
export interface EnvironmentInfo {
  name: string;
  status: EnvironmentStatus;
  version: number;
}

export interface TaskRoutedEnginesOptions {
  /** The Engines of tasks made outside any environment (the settings' Engines, or the embedded one). */
  defaults: EnginePool;
  /** The environment a task was made in; null for none. */
  environmentOf(taskId: string): string | null;
  /** The environment's row now; throws (an ApiError) when it is gone or unusable. */
  environment(envId: string): EnvironmentInfo;
  /** Connects to the environment's Engines as its row lists them now. */
  connect(envId: string): EnginePool;
  /** How long a start waits for an environment's Engines to come up (default 10 s). */
  waitMs?: number;
}

interface Connection {
  envId: string;
  info: EnvironmentInfo;
  pool: EnginePool;
}

const DEFAULT_WAIT_MS = 10_000;

/**
 * The scheduler's one EnginePort over the default Engines and every environment's: each
 * command goes to the Engines of its task's environment (connected on first use, by its own
 * strategy), or to the defaults. Events of every pool flow to the listeners; the catalog is
 * the union.
 *
 * Capacity is the sum over all pools, since the scheduler asks for one number: an agent whose
 * own pool is full while another has room is sent anyway, refused with AT_CAPACITY, and
 * queued again after the scheduler's capacity delay (as for any start that loses a race for a
 * slot). An edit of an environment takes effect for tasks started after it: the previous
 * connection stays open for the tasks already on it until the console closes.
 */
/** The commands that name their task. */
type TaskCommand = 'submitTask' | 'initContainer' | 'startNode' | 'stopNode' | 'stopTask' | 'queryNode' | 'decideManual';

export class TaskRoutedEngines implements EnginePort {
  private readonly current = new Map<string, Connection>();
  private readonly pools: Connection[] = [];
  private readonly byTask = new Map<string, EnginePort>();
  private readonly eventListeners = new Map<(events: EngineEvent[]) => void, Array<() => void>>();
  private readonly stateListeners = new Map<(states: EngineState[]) => void, Array<() => void>>();
  private readonly waitMs: number;
  private closed = false;

  constructor(private readonly options: TaskRoutedEnginesOptions) {
    this.waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  }

  async admitTask(taskId: string): Promise<void> {
    const envId = this.options.environmentOf(taskId);
    if (envId === null) {
      this.byTask.set(taskId, this.options.defaults.port);
      return;
    }
    const info = this.options.environment(envId);
    if (info.status !== 'active') throw new ApiError('CONFLICT', errorReason('environment.disabled', { name: info.name }));
    const { connection, fresh } = this.connectionFor(envId, info);
    const pool = connection.pool;
    if (fresh) {
      // A first start waits for every Engine of the environment to answer, so that its first nodes spread over all of them.
      try {
        await waitForEngines({ states: () => pool.states(), onState: (listener) => pool.onStates(listener) }, { timeoutMs: this.waitMs, whenNoneUp: 'fail' });
      } catch (error) {
        if (error instanceof NoEngineError) throw this.enginesDown(info.name, error.states);
        throw error;
      }
    } else if (pool.port.anyConnected?.() === false) {
      await this.waitForAny(pool);
      if (pool.port.anyConnected?.() === false) throw this.enginesDown(info.name, pool.states());
    }
    this.byTask.set(taskId, pool.port);
  }

  /** Each command goes to the Engines of its task's environment. */
  readonly submitTask = this.routed('submitTask');
  readonly initContainer = this.routed('initContainer');
  readonly startNode = this.routed('startNode');
  readonly stopNode = this.routed('stopNode');
  readonly stopTask = this.routed('stopTask');
  readonly queryNode = this.routed('queryNode');
  readonly decideManual = this.routed('decideManual');

  async messageNode(command: MessageNodeCommand): Promise<void> {
    const port = this.portOf(command.taskId);
    if (!port.messageNode) throw new EngineCommandError('NOT_HANDLED', `the Engines of task ${command.taskId} take no messages`);
    await port.messageNode(command);
  }

  setClock(command: SetClockCommand): Promise<UnhonouredAgent[]> {
    return this.route(command.taskId, (port) =>
      port.setClock ? port.setClock(command) : Promise.reject(new EngineCommandError('INVALID_COMMAND', `the Engines of task ${command.taskId} do not keep exercise clocks`)),
    );
  }

  pauseNode(ref: NodeRef): Promise<void> {
    return this.route(ref.taskId, (port) => (port.pauseNode ? port.pauseNode(ref) : Promise.reject(new EngineCommandError('CANNOT_PAUSE', 'the Engines of this task cannot pause running agents'))));
  }

  resumeNode(ref: NodeRef): Promise<void> {
    return this.route(ref.taskId, (port) => (port.resumeNode ? port.resumeNode(ref) : Promise.reject(new EngineCommandError('CANNOT_PAUSE', 'the Engines of this task cannot resume paused agents'))));
  }

  freeCapacity(): number {
    return this.ports().reduce((sum, port) => sum + port.freeCapacity(), 0);
  }

  catalog(): AgentCatalogEntry[] {
    const byLoad = new Map<string, AgentCatalogEntry>();
    for (const port of this.ports()) for (const entry of port.catalog()) if (!byLoad.has(entry.agentLoad)) byLoad.set(entry.agentLoad, entry);
    return [...byLoad.values()];
  }

  anyConnected(): boolean {
    return this.ports().some((port) => port.anyConnected?.() !== false);
  }

  engineOf(ref: NodeRef): string | undefined {
    return this.byTask.get(ref.taskId)?.engineOf?.(ref);
  }

  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    const offs = this.allPools().map((pool) => pool.port.onEvents(listener));
    this.eventListeners.set(listener, offs);
    return () => {
      for (const off of this.eventListeners.get(listener) ?? []) off();
      this.eventListeners.delete(listener);
    };
  }

  /** Every Engine the console is connected to: the defaults, then each environment's (named after it). */
  states(): EngineState[] {
    return this.allPools().flatMap((pool) => pool.states());
  }

  onStates(listener: (states: EngineState[]) => void): () => void {
    const offs = this.allPools().map((pool) => pool.onStates(() => listener(this.states())));
    this.stateListeners.set(listener, offs);
    return () => {
      for (const off of this.stateListeners.get(listener) ?? []) off();
      this.stateListeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const offs of [...this.eventListeners.values(), ...this.stateListeners.values()]) for (const off of offs) off();
    this.eventListeners.clear();
    this.stateListeners.clear();
    await Promise.all([...this.pools.map((connection) => connection.pool.close()), this.options.defaults.close()]);
  }

  private routed<M extends TaskCommand>(method: M): EnginePort[M] {
    const send = (command: { taskId: string }) => this.route(command.taskId, (port) => (port[method] as (command: { taskId: string }) => Promise<unknown>)(command));
    return send as EnginePort[M];
  }

  private async route<T>(taskId: string, command: (port: EnginePort) => Promise<T>): Promise<T> {
    return command(this.portOf(taskId));
  }

  /** A task started by another process, or before a restart, is routed by its row. */
  private portOf(taskId: string): EnginePort {
    const known = this.byTask.get(taskId);
    if (known) return known;
    const envId = this.options.environmentOf(taskId);
    let port = this.options.defaults.port;
    if (envId !== null) {
      try {
        port = this.connectionFor(envId, this.options.environment(envId)).connection.pool.port;
      } catch (error) {
        throw new EngineCommandError('NO_ENGINE', `the Engines of task ${taskId}'s environment cannot be reached: ${errorText(error)}`);
      }
    }
    this.byTask.set(taskId, port);
    return port;
  }

  private connectionFor(envId: string, info: EnvironmentInfo): { connection: Connection; fresh: boolean } {
    const existing = this.current.get(envId);
    if (existing && existing.info.version === info.version) return { connection: existing, fresh: false };
    if (this.closed) throw new EngineCommandError('NO_ENGINE', 'the console is closing');
    const connection: Connection = { envId, info, pool: this.options.connect(envId) };
    this.current.set(envId, connection);
    this.pools.push(connection);
    for (const [listener, offs] of this.eventListeners) offs.push(connection.pool.port.onEvents(listener));
    for (const [listener, offs] of this.stateListeners) {
      offs.push(connection.pool.onStates(() => listener(this.states())));
      listener(this.states());
    }
    return { connection, fresh: true };
  }

  private allPools(): EnginePool[] {
    return [this.options.defaults, ...this.pools.map((connection) => connection.pool)];
  }

  private ports(): EnginePort[] {
    return this.allPools().map((pool) => pool.port);
  }

  private waitForAny(pool: EnginePool): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, this.waitMs);
      const off = pool.onStates((states) => {
        if (states.some((state) => state.status === 'connected')) done();
      });
    });
  }

  private enginesDown(name: string, states: EngineState[]): ApiError {
    const detail = states.map((state) => `${state.endpoint}: ${unavailableReason(state)}`).join('; ');
    return new ApiError('UNAVAILABLE', errorReason('environment.enginesDown', { name, detail }));
  }
}
