import { executionKey, parseExecutionKey } from '../../../shared/engine/execution-key';
import { io, type Socket } from 'socket.io-client';
import type { EngineLinkStatus, EngineState } from '../../../shared/engine/engine-state';
import {
  commandAckSchema,
  ENGINE_PROTOCOL_VERSION,
  ENGINE_SOCKET,
  engineWelcomeSchema,
  handshakeRefusalSchema,
  isCompatibleProtocol,
  NODE_ERROR_CODES,
  TERMINAL_ENGINE_STATUSES,
  type AgentCatalogEntry,
  type CommandAck,
  type DecideManualCommand,
  type EngineCommand,
  type EngineEvent,
  type EngineNodeState,
  type EngineTaskRequest,
  type InitContainerCommand,
  type NodeRef,
  type StartNodeCommand,
  type StopNodeCommand,
  type StopTaskCommand,
} from '../../../shared/engine/protocol';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { syncAgentMeta } from './agent-meta-sync';
import { loadCursor, saveCursor } from './cursor-store';
import { EngineCommandError } from './engine-errors';
import type { EnginePort } from './engine-port';
import { takeEnvelope } from './event-intake';
import { RecentKeys } from './recent-keys';

export interface EngineClientOptions {
  url: string;
  token: string;
  /** This console's session id (see consoleSessionId); the Engine keeps events per session. */
  consoleSession: string;
  /** The endpoint's name for the operator and in logs; defaults to the URL. */
  name?: string;
  consoleName?: string;
  /** With a store, the event cursor is persisted with each batch and agent_meta follows the catalog. */
  store?: Store;
  /** PEM certificate(s) to trust for https/wss. */
  ca?: string;
  rejectUnauthorized?: boolean;
  /** How long a command may wait for its acknowledgement, reconnections included. */
  commandTimeoutMs?: number;
  /**
   * How long after the last word from an Engine (event, heartbeat or ping answer) it is
   * declared lost, its nodes with it, if the link is not back by then.
   */
  lostAfterMs?: number;
  /**
   * A connected Engine silent this long (no heartbeat, event or ping answer) is taken for
   * gone: the link is dropped and reconnected, as when the connection breaks visibly.
   */
  silenceMs?: number;
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  pingIntervalMs?: number;
  /** The protocol version announced in the handshake; only tests of refusal change it. */
  protocolVersion?: number;
  logger?: Logger;
}

type Listener = (events: EngineEvent[]) => void;
/** A new Engine process answered (its first handshake, or one after a restart). */
type SessionListener = (session: { engineRun: string; restarted: boolean }) => void;
type ActiveNode = { ref: NodeRef; kind: 'agent' | 'container' };
type Ok = Extract<CommandAck, { ok: true }>;


/**
 * One Engine over socket.io, as an EnginePort. It reconnects with backoff; delivers events
 * in batches, each exactly once (by sequence number, with the cursor persisted in the batch's
 * transaction when it has a store); acknowledges them cumulatively; repeats commands cut off
 * by a reconnection (they are idempotent); and, when the Engine stays unreachable longer than
 * `lostAfterMs` or comes back as a new process, reports its nodes failed with ENGINE_LOST.
 */
export class EngineClient implements EnginePort {
  private readonly socket: Socket;
  private readonly logger: Logger;
  private readonly label: string;
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<(state: EngineState) => void>();
  private readonly sessionListeners = new Set<SessionListener>();
  private readonly active = new Map<string, ActiveNode>();
  /** Nodes that ended, so a late duplicate acknowledgement does not make them active again. */
  private readonly ended = new RecentKeys(20_000);
  /** Nodes declared lost: whatever the Engine still says about them is not delivered. */
  private readonly lost = new RecentKeys(20_000);
  private readonly waiters = new Set<() => void>();
  private readonly inbox: unknown[] = [];
  private current: EngineState;
  private engineRun: string | null = null;
  private stream: string | null = null;
  private lastSeq = 0;
  private catalogJson = '[]';
  private lostTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  /** When the Engine was last heard from (ms since the epoch); null before the first handshake. */
  private lastHeard: number | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private closed = false;
  private readonly counters = { events: 0, duplicates: 0, rejected: 0 };

  constructor(private readonly options: EngineClientOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.label = `Engine ${options.name ?? options.url}`;
    this.retryDelay = options.reconnectDelayMs ?? 250;
    this.current = {
      endpoint: options.name ?? options.url,
      url: options.url,
      engineId: null,
      status: 'connecting',
      since: Date.now(),
      latencyMs: null,
      capacity: 0,
      running: 0,
      load: 0,
      catalog: [],
      lastError: null,
      refused: false,
    };
    this.socket = io(socketUrl(options.url), {
      auth: {
        protocol: options.protocolVersion ?? ENGINE_PROTOCOL_VERSION,
        token: options.token,
        consoleSession: options.consoleSession,
        ...(options.consoleName ? { consoleName: options.consoleName } : {}),
      },
      transports: ['websocket'],
      autoConnect: false,
      forceNew: true,
      reconnection: true,
      reconnectionDelay: options.reconnectDelayMs ?? 250,
      // An Engine restarting comes back within seconds: it should not wait long to be seen again.
      reconnectionDelayMax: options.reconnectDelayMaxMs ?? 2000,
      randomizationFactor: 0.5,
      timeout: 10_000,
      ...(options.ca ? { ca: options.ca } : {}),
      rejectUnauthorized: options.rejectUnauthorized ?? true,
    });
    this.socket.on(ENGINE_SOCKET.welcome, (raw: unknown) => this.onWelcome(raw));
    this.socket.on(ENGINE_SOCKET.events, (raw: unknown) => this.onEnvelope(raw));
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket.onAny((name: unknown) => {
      this.heard();
      if (name !== ENGINE_SOCKET.welcome && name !== ENGINE_SOCKET.events) this.logger.warn(`${this.label}: unknown message ${String(name).slice(0, 100)} ignored`);
    });
  }

  /** Starts connecting (and reconnecting, for as long as the client is open). */
  start(): void {
    if (this.socket.active || this.socket.connected || this.closed || this.current.refused) return;
    this.socket.connect();
    this.armLostTimer();
  }

  /** Starts connecting; resolves at the first handshake, rejects if the Engine refuses it or stays unreachable. */
  connect(timeoutMs = 30_000): Promise<void> {
    this.start();
    return this.whenConnected(timeoutMs);
  }

  whenConnected(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.current.status === 'connected') resolve();
        else if (this.closed || this.current.refused) reject(this.unavailable('connect'));
        else return false;
        return true;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new EngineCommandError('TIMEOUT', `${this.label} not reachable within ${timeoutMs} ms${this.current.lastError ? `: ${this.current.lastError}` : ''}`));
      }, timeoutMs);
      const wake = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }

  /** Resolves at the next change of link status, or after `ms`. */
  private statusChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }

  get engineId(): string | null {
    return this.current.engineId;
  }

  /** The Engine process this client talks to (its engineRun); a restart changes it. */
  get session(): string | null {
    return this.engineRun;
  }

  /** Called when an Engine process answers for the first time, including after a restart. */
  onSession(listener: SessionListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  get status(): EngineLinkStatus {
    return this.current.status;
  }

  state(): EngineState {
    return { ...this.current, catalog: [...this.current.catalog] };
  }

  onState(listener: (state: EngineState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Events delivered, replayed duplicates skipped, and malformed events rejected so far. */
  stats(): { events: number; duplicates: number; rejected: number } {
    return { ...this.counters };
  }

  /** Agent nodes this console started on the Engine that have not ended. */
  activeAgents(): number {
    let count = 0;
    for (const node of this.active.values()) if (node.kind === 'agent') count++;
    return count;
  }

  offers(agentLoad: string): boolean {
    return this.current.catalog.some((entry) => entry.agentLoad === agentLoad);
  }

  anyConnected(): boolean {
    return this.current.status === 'connected';
  }

  freeCapacity(): number {
    return this.current.status === 'connected' ? Math.max(0, this.current.capacity - this.activeAgents()) : 0;
  }

  catalog(): AgentCatalogEntry[] {
    return this.current.status === 'down' ? [] : [...this.current.catalog];
  }

  onEvents(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  engineOf(ref: NodeRef): string | undefined {
    const key = executionKey(ref);
    return this.active.has(key) || this.ended.has(key) ? (this.current.engineId ?? undefined) : undefined;
  }

  async submitTask(request: EngineTaskRequest): Promise<void> {
    await this.send({ name: 'submitTask', payload: request });
  }

  async initContainer(command: InitContainerCommand): Promise<void> {
    await this.send({ name: 'initContainer', payload: command });
    this.track(command, 'container');
  }

  async startNode(command: StartNodeCommand): Promise<void> {
    await this.send({ name: 'startNode', payload: command });
    this.track(command, 'agent');
  }

  async stopNode(command: StopNodeCommand): Promise<void> {
    await this.send({ name: 'stopNode', payload: command });
  }

  async stopTask(command: StopTaskCommand): Promise<void> {
    await this.send({ name: 'stopTask', payload: command });
  }

  async queryNode(ref: NodeRef): Promise<EngineNodeState> {
    const ack = await this.send({ name: 'queryNode', payload: { taskId: ref.taskId, nodeId: ref.nodeId, batch: ref.batch } });
    return ack.state ?? { status: 'unknown' };
  }

  async decideManual(command: DecideManualCommand): Promise<void> {
    await this.send({ name: 'decideManual', payload: command });
  }

  /** Disconnects for good; nodes are not declared lost (the Engine keeps running them). */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    clearTimeout(this.lostTimer);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    clearInterval(this.silenceTimer);
    this.socket.disconnect();
    this.setState({ status: 'down', lastError: 'closed by the console' });
    return Promise.resolve();
  }

  private track(ref: NodeRef, kind: ActiveNode['kind']): void {
    const key = executionKey(ref);
    if (!this.ended.has(key)) this.active.set(key, { ref: { taskId: ref.taskId, nodeId: ref.nodeId, batch: ref.batch }, kind });
  }

  /** Sends a command, repeating it over reconnections until acknowledged or out of time. */
  private async send(command: EngineCommand, timeoutMs = this.options.commandTimeoutMs ?? 15_000): Promise<Ok> {
    const deadline = Date.now() + timeoutMs;
    // A command is meant for the Engine process it was first sent to: repeated to a restarted
    // one, it would meet an Engine that never heard of its task or container.
    const session = this.engineRun;
    for (;;) {
      if (this.closed || this.current.status === 'down') throw this.unavailable(command.name);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw this.timedOut(command.name, timeoutMs);
      if (this.current.status !== 'connected') {
        await this.statusChange(remaining);
        continue;
      }
      if (session !== null && session !== this.engineRun) {
        throw new EngineCommandError('ENGINE_LOST', `${command.name}: ${this.label} restarted before acknowledging it`);
      }
      let answer: unknown;
      try {
        answer = await this.socket.timeout(remaining).emitWithAck(ENGINE_SOCKET.command, command);
      } catch {
        if (Date.now() >= deadline) throw this.timedOut(command.name, timeoutMs);
        continue;
      }
      this.heard();
      const ack = commandAckSchema.safeParse(answer);
      if (!ack.success) throw new EngineCommandError('PROTOCOL', `${this.label} answered ${command.name} outside the protocol`);
      if (!ack.data.ok) throw new EngineCommandError(ack.data.error.code, `${this.label}: ${ack.data.error.message}`);
      return ack.data;
    }
  }

  private timedOut(name: string, timeoutMs: number): EngineCommandError {
    return new EngineCommandError('TIMEOUT', `${this.label} did not acknowledge ${name} within ${timeoutMs} ms`);
  }

  private unavailable(name: string): EngineCommandError {
    if (this.closed) return new EngineCommandError('CLOSED', `${name}: the client of ${this.label} is closed`);
    if (this.current.refused) return new EngineCommandError('REFUSED', `${name}: ${this.label} refused the connection: ${this.current.lastError ?? ''}`);
    return new EngineCommandError('ENGINE_LOST', `${name}: ${this.label} is down${this.current.lastError ? ` (${this.current.lastError})` : ''}`);
  }

  private onWelcome(raw: unknown): void {
    const parsed = engineWelcomeSchema.safeParse(raw);
    if (!parsed.success || !isCompatibleProtocol(parsed.data.protocol)) {
      const why = parsed.success
        ? `it speaks protocol version ${parsed.data.protocol}, this console ${ENGINE_PROTOCOL_VERSION}`
        : `its welcome does not match protocol version ${ENGINE_PROTOCOL_VERSION}`;
      this.refuse(`incompatible Engine protocol: ${why}`);
      return;
    }
    const welcome = parsed.data;
    const restarted = this.engineRun !== null && welcome.engineRun !== this.engineRun;
    if (this.current.engineId !== null && welcome.engineId !== this.current.engineId) {
      this.logger.warn(`${this.label} now answers as Engine ${welcome.engineId} (was ${this.current.engineId})`);
    }
    if (restarted) {
      this.declareLost('it restarted (its nodes ended with it)');
      // The new Engine process never heard of those nodes: nothing of theirs will come.
      this.lost.clear();
    }
    const newSession = welcome.engineRun !== this.engineRun;
    this.engineRun = welcome.engineRun;
    this.heard();
    if (newSession) {
      for (const listener of [...this.sessionListeners]) {
        try {
          listener({ engineRun: welcome.engineRun, restarted });
        } catch (error) {
          this.logger.error(`${this.label}: a session listener failed: ${(error as Error).message}`);
        }
      }
    }
    this.setState({ engineId: welcome.engineId });
    if (welcome.stream !== this.stream) {
      this.stream = welcome.stream;
      this.lastSeq = this.options.store ? loadCursor(this.options.store, welcome.engineId, welcome.stream) : 0;
    }
    this.updateCatalog(welcome.agents);
    this.setState({ status: 'connected', capacity: welcome.capacity, running: welcome.running, load: loadOf(welcome.running, welcome.capacity), lastError: null });
    clearTimeout(this.lostTimer);
    this.retryDelay = this.options.reconnectDelayMs ?? 250;
    if (this.lastSeq > welcome.ackedSeq) this.sendAck();
    this.stopLostNodes();
    this.startPings();
    this.watchSilence();
  }

  /**
   * Envelopes that arrive together (a burst read in one go) are ingested as one batch, in one
   * transaction, on the next turn of the event loop: fewer, larger transactions and index
   * flushes when an Engine is busy, and no added wait when it is not.
   */
  private onEnvelope(raw: unknown): void {
    this.inbox.push(raw);
    if (this.inbox.length === 1) setImmediate(() => this.drainInbox());
  }

  private drainInbox(): void {
    const envelopes = this.inbox.splice(0);
    const engineId = this.current.engineId;
    if (engineId === null || this.closed) {
      if (!this.closed) this.logger.warn(`${this.label}: ${envelopes.length} event envelopes before the welcome ignored`);
      return;
    }
    const events: EngineEvent[] = [];
    let lastSeq = this.lastSeq;
    let duplicates = 0;
    for (const raw of envelopes) {
      const intake = takeEnvelope(raw, this.stream, lastSeq, engineId, this.logger, this.label);
      if (!intake) continue;
      duplicates += intake.duplicates;
      this.counters.duplicates += intake.duplicates;
      this.counters.rejected += intake.rejected;
      for (const event of intake.events) events.push(event);
      lastSeq = intake.lastSeq;
    }
    if (lastSeq === this.lastSeq) {
      // Only replays of what is ingested: acknowledging again lets the Engine drop them.
      if (duplicates > 0) this.sendAck();
      return;
    }
    const batch = events.filter((event) => this.observe(event));
    try {
      this.deliver(batch, lastSeq);
    } catch (error) {
      // Not ingested, not acknowledged: the Engine still holds the events; a reconnection replays them.
      this.logger.error(`${this.label}: a batch of ${batch.length} events could not be stored (${(error as Error).message}); reconnecting to have it replayed`);
      this.socket.disconnect();
      this.scheduleRetry();
      return;
    }
    this.lastSeq = lastSeq;
    this.counters.events += batch.length;
    this.sendAck();
  }

  /** Updates what the client knows from an event; false when the event must not be delivered. */
  private observe(event: EngineEvent): boolean {
    if (event.type === 'engine.heartbeat') {
      this.updateCatalog(event.agents);
      this.setState({ capacity: event.capacity, running: event.running, load: event.load });
      return true;
    }
    if (event.taskId === undefined || event.nodeId === undefined || event.batch === undefined) return true;
    const key = executionKey({ taskId: event.taskId, nodeId: event.nodeId, batch: event.batch });
    const ends = event.type === 'node.status' && TERMINAL_ENGINE_STATUSES.includes(event.status);
    if (this.lost.has(key)) {
      if (ends) this.lost.delete(key);
      return false;
    }
    if (ends) {
      this.active.delete(key);
      this.ended.add(key);
    }
    return true;
  }

  private deliver(batch: EngineEvent[], lastSeq: number | null): void {
    const store = this.options.store;
    const engineId = this.current.engineId!;
    const run = (): void => {
      if (store && lastSeq !== null) saveCursor(store, engineId, this.stream!, lastSeq, Date.now());
      if (batch.length === 0) return;
      for (const listener of [...this.listeners]) {
        try {
          if (store) store.transaction(() => listener(batch));
          else listener(batch);
        } catch (error) {
          this.logger.error(`${this.label}: an event listener failed on a batch of ${batch.length} events: ${(error as Error).stack ?? String(error)}`);
        }
      }
    };
    if (store) store.transaction(run);
    else run();
  }

  private sendAck(): void {
    if (this.socket.connected && this.stream !== null) this.socket.emit(ENGINE_SOCKET.ack, { stream: this.stream, seq: this.lastSeq });
  }

  private updateCatalog(agents: AgentCatalogEntry[]): void {
    const json = JSON.stringify(agents);
    if (json === this.catalogJson) return;
    this.catalogJson = json;
    this.setState({ catalog: agents });
    const store = this.options.store;
    if (!store || this.current.engineId === null) return;
    try {
      syncAgentMeta(store, this.current.engineId, agents);
    } catch (error) {
      this.logger.error(`${this.label}: agent_meta could not follow the catalog: ${(error as Error).message}`);
    }
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    clearInterval(this.pingTimer);
    clearInterval(this.silenceTimer);
    if (this.closed || this.current.refused) return;
    this.setState({ status: this.current.status === 'down' ? 'down' : 'reconnecting', lastError: `disconnected: ${reason}` });
    this.armLostTimer();
    // socket.io does not reconnect by itself after the server closed the connection.
    if (reason === 'io server disconnect') this.scheduleRetry();
  }

  private onConnectError(error: Error & { data?: unknown }): void {
    if (handshakeRefusalSchema.safeParse(error.data).success) {
      this.refuse(error.message);
      return;
    }
    // socket.io's own message ("websocket error") hides the cause (ECONNREFUSED, a TLS or DNS failure).
    const cause = (error as { description?: { message?: unknown } }).description?.message;
    this.setState({ lastError: typeof cause === 'string' && cause.length > 0 ? `${error.message}: ${cause}` : error.message });
    if (!this.socket.active) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.current.refused) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.reconnectDelayMaxMs ?? 2000);
  }

  /** The Engine refused us: no retries, nodes lost, commands fail at once. */
  private refuse(message: string): void {
    this.logger.error(`${this.label} refused the connection: ${message}`);
    clearTimeout(this.lostTimer);
    clearTimeout(this.retryTimer);
    this.setState({ status: 'down', refused: true, lastError: message });
    this.socket.disconnect();
    this.declareLost(message);
  }

  private armLostTimer(): void {
    clearTimeout(this.lostTimer);
    const after = this.options.lostAfterMs ?? 5000;
    const silentFor = this.lastHeard === null ? 0 : Math.max(0, Date.now() - this.lastHeard);
    this.lostTimer = setTimeout(
      () => {
        if (this.closed || this.current.status === 'connected') return;
        this.setState({ status: 'down' });
        this.declareLost(`unreachable for ${after} ms${this.current.lastError ? ` (${this.current.lastError})` : ''}`);
      },
      Math.max(0, after - silentFor),
    );
  }

  private heard(): void {
    this.lastHeard = Date.now();
  }

  /** Heartbeats come every second; a connection that carries none is dead even if no one closed it. */
  private watchSilence(): void {
    clearInterval(this.silenceTimer);
    const silence = this.options.silenceMs ?? 3000;
    this.silenceTimer = setInterval(
      () => {
        if (this.closed || this.current.status !== 'connected' || this.lastHeard === null) return;
        if (Date.now() - this.lastHeard < silence) return;
        this.logger.warn(`${this.label}: nothing heard for ${silence} ms; reconnecting`);
        this.socket.disconnect();
        this.setState({ lastError: `nothing heard for ${silence} ms` });
        this.scheduleRetry();
      },
      Math.max(50, Math.floor(silence / 4)),
    );
  }

  /**
   * Reports every node this console had running on the Engine as failed with ENGINE_LOST, so
   * the scheduler's retry policy can move them to another Engine.
   */
  private declareLost(reason: string): void {
    if (this.active.size === 0) return;
    const time = Date.now();
    const events: EngineEvent[] = [];
    for (const [key, node] of this.active) {
      this.lost.add(key);
      const event: EngineEvent = {
        type: 'node.status',
        ...node.ref,
        status: 'failed',
        errorCode: NODE_ERROR_CODES.engineLost,
        errorMessage: `${this.label} lost: ${reason}`,
        time,
      };
      if (this.current.engineId !== null) event.engineId = this.current.engineId;
      events.push(event);
    }
    this.active.clear();
    this.logger.warn(`${this.label} lost (${reason}): ${events.length} nodes reported failed with ${NODE_ERROR_CODES.engineLost}`);
    try {
      this.deliver(events, null);
    } catch (error) {
      this.logger.error(`${this.label}: the lost-node events could not be delivered: ${(error as Error).message}`);
    }
  }

  /** Back from a loss, the Engine may still run the nodes we gave up on: stop them. */
  private stopLostNodes(): void {
    for (const key of this.lost.keys()) {
      const { taskId, nodeId, batch } = parseExecutionKey(key);
      void this.send({ name: 'stopNode', payload: { taskId, nodeId, batch, reason: 'declared lost by the console' } }).catch(
        (error: unknown) => this.logger.warn(`${this.label}: could not stop lost node ${nodeId}: ${(error as Error).message}`),
      );
    }
  }

  private startPings(): void {
    clearInterval(this.pingTimer);
    const interval = this.options.pingIntervalMs ?? 1000;
    const ping = (): void => {
      const sent = Date.now();
      this.socket
        .timeout(interval * 2)
        .emitWithAck(ENGINE_SOCKET.command, { name: 'ping', payload: {} })
        .then(() => this.setState({ latencyMs: Date.now() - sent }))
        .catch(() => undefined);
    };
    ping();
    this.pingTimer = setInterval(ping, interval);
  }

  private setState(change: Partial<EngineState>): void {
    const status: EngineLinkStatus = change.status ?? this.current.status;
    const since = status !== this.current.status ? Date.now() : this.current.since;
    const statusChanged = status !== this.current.status || change.refused === true;
    this.current = { ...this.current, ...change, status, since };
    if (statusChanged) for (const wake of [...this.waiters]) wake();
    for (const listener of [...this.stateListeners]) {
      try {
        listener(this.state());
      } catch (error) {
        this.logger.error(`${this.label}: a state listener failed: ${(error as Error).message}`);
      }
    }
  }
}

/** socket.io speaks http(s); ws(s) URLs name the same endpoints. */
function socketUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//i, 'http$1://');
}

function loadOf(running: number, capacity: number): number {
  return capacity === 0 ? 1 : running / capacity;
}
