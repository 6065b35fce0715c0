import { io, type Socket } from 'socket.io-client';
import type { EngineState } from '../../../shared/engine/engine-state';
import {
  ENGINE_PROTOCOL_VERSION,
  ENGINE_SOCKET,
  engineWelcomeSchema,
  handshakeRefusalSchema,
  isCompatibleProtocol,
  type EngineWelcome,
} from '../../../shared/engine/protocol';
import { errorText } from '../../../shared/error-text';
import type { Logger } from '../../../shared/logger';
import { EngineCommandError } from './engine-errors';

export interface EngineLinkOptions {
  url: string;
  token: string;
  consoleSession: string;
  name?: string;
  consoleName?: string;
  ca?: string;
  rejectUnauthorized?: boolean;
  lostAfterMs?: number;
  silenceMs?: number;
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  pingIntervalMs?: number;
  protocolVersion?: number;
  /** Skills the console's settings lend this Engine, beside those it advertises. */
  skills?: readonly string[];
}

/** What the link reports to the client built on it. */
export interface EngineLinkHooks {
  /**
   * A compatible welcome arrived, before the link counts as connected. `newRun` when it comes
   * from an Engine process not welcomed before (the first, or a restarted one); `restarted`
   * when an earlier one was.
   */
  welcome(welcome: EngineWelcome, run: { newRun: boolean; restarted: boolean }): void;
  /** The link is connected after `welcome`. */
  connected(): void;
  envelope(raw: unknown): void;
  /** The Engine is lost: unreachable past `lostAfterMs`, or it refused the connection. */
  lost(reason: string): void;
}

/**
 * The connection to one Engine and its state machine: connecting → connected ⇄ reconnecting
 * → down. It reconnects with backoff, pings every second (latency), drops a connection that
 * carries nothing for `silenceMs`, and declares the Engine lost when it stays unreachable
 * `lostAfterMs` after the last word heard from it, or refuses the handshake.
 */
export class EngineLink {
  readonly socket: Socket;
  readonly label: string;
  private current: EngineState;
  /** The Engine process last welcomed (its engineRun); a restart changes it. */
  private run: string | null = null;
  private readonly stateListeners = new Set<(state: EngineState) => void>();
  private readonly waiters = new Set<() => void>();
  private lostTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  /** When the Engine was last heard from (ms since the epoch); null before the first handshake. */
  private lastHeard: number | null = null;
  private isClosed = false;

  constructor(
    private readonly options: EngineLinkOptions,
    private readonly hooks: EngineLinkHooks,
    private readonly logger: Logger,
  ) {
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
      skills: [...(options.skills ?? [])],
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
    this.socket.on(ENGINE_SOCKET.events, (raw: unknown) => this.hooks.envelope(raw));
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket.onAny((name: unknown) => {
      this.heard();
      if (name !== ENGINE_SOCKET.welcome && name !== ENGINE_SOCKET.events) this.logger.warn(`${this.label}: unknown message ${String(name).slice(0, 100)} ignored`);
    });
  }

  get state(): EngineState {
    return this.current;
  }

  get engineRun(): string | null {
    return this.run;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Starts connecting (and reconnecting, for as long as the link is open). */
  start(): void {
    if (this.socket.active || this.socket.connected || this.isClosed || this.current.refused) return;
    this.socket.connect();
    this.armLostTimer();
  }

  /** Resolves once connected; rejects if the link closes, the Engine refuses it, or `timeoutMs` passes. */
  whenConnected(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.current.status === 'connected') resolve();
        else if (this.isClosed || this.current.refused) reject(this.unavailable('connect'));
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
  statusChange(ms: number): Promise<void> {
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

  onState(listener: (state: EngineState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Why a command cannot be sent now that the link is closed, refused or down. */
  unavailable(name: string): EngineCommandError {
    if (this.isClosed) return new EngineCommandError('CLOSED', `${name}: the client of ${this.label} is closed`);
    if (this.current.refused) return new EngineCommandError('REFUSED', `${name}: ${this.label} refused the connection: ${this.current.lastError ?? ''}`);
    return new EngineCommandError('ENGINE_LOST', `${name}: ${this.label} is down${this.current.lastError ? ` (${this.current.lastError})` : ''}`);
  }

  heard(): void {
    this.lastHeard = Date.now();
  }

  /** Drops the connection and connects again: the Engine then replays what was not acknowledged. */
  reconnect(why: string): void {
    this.socket.disconnect();
    this.setState({ lastError: why });
    this.scheduleRetry();
  }

  /** Disconnects for good. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearTimeout(this.lostTimer);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    clearInterval(this.silenceTimer);
    this.socket.disconnect();
    this.setState({ status: 'down', lastError: 'closed by the console' });
  }

  setState(change: Partial<EngineState>): void {
    const status = change.status ?? this.current.status;
    const since = status !== this.current.status ? Date.now() : this.current.since;
    const statusChanged = status !== this.current.status || change.refused === true;
    this.current = { ...this.current, ...change, status, since };
    if (statusChanged) for (const wake of [...this.waiters]) wake();
    for (const listener of [...this.stateListeners]) {
      try {
        listener({ ...this.current, catalog: [...this.current.catalog], skills: [...this.current.skills] });
      } catch (error) {
        this.logger.error(`${this.label}: a state listener failed: ${errorText(error)}`);
      }
    }
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
    const newRun = welcome.engineRun !== this.run;
    const restarted = newRun && this.run !== null;
    if (this.current.engineId !== null && welcome.engineId !== this.current.engineId) {
      this.logger.warn(`${this.label} now answers as Engine ${welcome.engineId} (was ${this.current.engineId})`);
    }
    this.run = welcome.engineRun;
    this.heard();
    this.hooks.welcome(welcome, { newRun, restarted });
    this.setState({ status: 'connected', capacity: welcome.capacity, running: welcome.running, load: loadOf(welcome.running, welcome.capacity), lastError: null });
    clearTimeout(this.lostTimer);
    this.retryDelay = this.options.reconnectDelayMs ?? 250;
    this.hooks.connected();
    this.startPings();
    this.watchSilence();
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    clearInterval(this.pingTimer);
    clearInterval(this.silenceTimer);
    if (this.isClosed || this.current.refused) return;
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
    if (this.isClosed || this.current.refused) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.isClosed && !this.socket.connected) this.socket.connect();
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
    this.hooks.lost(message);
  }

  private armLostTimer(): void {
    clearTimeout(this.lostTimer);
    const after = this.options.lostAfterMs ?? 5000;
    const silentFor = this.lastHeard === null ? 0 : Math.max(0, Date.now() - this.lastHeard);
    this.lostTimer = setTimeout(
      () => {
        if (this.isClosed || this.current.status === 'connected') return;
        this.setState({ status: 'down' });
        this.hooks.lost(`unreachable for ${after} ms${this.current.lastError ? ` (${this.current.lastError})` : ''}`);
      },
      Math.max(0, after - silentFor),
    );
  }

  /** Heartbeats come every second; a connection that carries none is dead even if no one closed it. */
  private watchSilence(): void {
    clearInterval(this.silenceTimer);
    const silence = this.options.silenceMs ?? 3000;
    this.silenceTimer = setInterval(
      () => {
        if (!this.silentFor(silence)) return;
        // Timers run before the loop reads its sockets: after this thread was busy for a while,
        // what the Engine sent meanwhile is read first, so that only true silence counts.
        setImmediate(() => {
          if (!this.silentFor(silence)) return;
          this.logger.warn(`${this.label}: nothing heard for ${silence} ms; reconnecting`);
          this.reconnect(`nothing heard for ${silence} ms`);
        });
      },
      Math.max(50, Math.floor(silence / 4)),
    );
  }

  private silentFor(ms: number): boolean {
    return !this.isClosed && this.current.status === 'connected' && this.lastHeard !== null && Date.now() - this.lastHeard >= ms;
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
}

/** socket.io speaks http(s); ws(s) URLs name the same endpoints. */
function socketUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//i, 'http$1://');
}

function loadOf(running: number, capacity: number): number {
  return capacity === 0 ? 1 : running / capacity;
}
