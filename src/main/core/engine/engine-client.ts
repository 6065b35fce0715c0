import type { EngineLinkStatus, EngineState } from '../../../shared/engine/engine-state';
import {
  ENGINE_SOCKET,
  NODE_ERROR_CODES,
  type AgentCatalogEntry,
  type DecideManualCommand,
  type MessageNodeCommand,
  type EngineCommand,
  type EngineEvent,
  type EngineNodeState,
  type EngineTaskRequest,
  type EngineWelcome,
  type InitContainerCommand,
  type NodeRef,
  type SetClockCommand,
  type StartNodeCommand,
  type StopNodeCommand,
  type StopTaskCommand,
} from '../../../shared/engine/protocol';
import { errorText } from '../../../shared/error-text';
import { mergeSkills, missingSkills } from '../../../shared/engine/skills';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import type { UnhonouredAgent } from '../../../shared/clock/clock-view';
import { AckPacer } from './ack-pacer';
import { syncAgentMeta } from './agent-meta-sync';
import { sendCommand, type CommandOk } from './engine-commands';
import { EngineCommandError } from './engine-errors';
import { EngineLink, type EngineLinkOptions } from './engine-link';
import type { EnginePort } from './engine-port';
import { EventInbox, type InboxStats } from './event-inbox';
import { NodeTracker } from './node-tracker';
import { StartBatch } from './start-batch';

export interface EngineClientOptions extends EngineLinkOptions {
  /** This console's session id (see consoleSessionId); the Engine keeps events per session. */
  consoleSession: string;
  /** The endpoint's name for the operator and in logs; defaults to the URL. */
  name?: string;
  /** With a store, the event cursor is persisted with each event batch and agent_meta follows the catalog. */
  store?: Store;
  /** PEM certificate(s) to trust for https/wss. */
  ca?: string;
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
  /** How many times an event batch whose handling fails is replayed before its events are tried one by one (see EventInbox). */
  deliveryAttempts?: number;
  /**
   * The Engine runs in this process on a random loopback port: its URL means nothing once the
   * process ends, so tasks record no engine_url for it.
   */
  inProcess?: boolean;
  /** The protocol version announced in the handshake; only tests of refusal change it. */
  protocolVersion?: number;
  logger?: Logger;
}

/** Well inside the Engine's send window (20,000 events by default), so that acks never hold events back. */
const ACK_EVERY_EVENTS = 2000;
const ACK_DELAY_MS = 20;

/** A new Engine process answered (its first handshake, or one after a restart). */
type SessionListener = (session: { engineRun: string; restarted: boolean }) => void;

/**
 * One Engine over socket.io, as an EnginePort, put together from its parts: the link
 * (engine-link.ts: connection state, reconnection, pings, silence and loss), commands
 * repeated over reconnections (engine-commands.ts), the event inbox (event-inbox.ts: each
 * event once, by sequence number and cursor, and the failure policy: a batch whose handling
 * fails is not acknowledged and is replayed), and the nodes this console runs there
 * (node-tracker.ts), reported failed with ENGINE_LOST when the Engine stays unreachable
 * longer than `lostAfterMs` or comes back as a new process.
 */
export class EngineClient implements EnginePort {
  private readonly logger: Logger;
  private readonly link: EngineLink;
  private readonly inbox: EventInbox;
  private readonly nodes = new NodeTracker();
  private readonly sessionListeners = new Set<SessionListener>();
  private catalogJson = '[]';
  /** Optional protocol features the Engine named in its latest welcome. */
  private features: ReadonlySet<string> = new Set();
  private readonly starts: StartBatch;
  private readonly acks: AckPacer;

  constructor(private readonly options: EngineClientOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.link = new EngineLink(
      options,
      {
        welcome: (welcome, run) => this.onWelcome(welcome, run),
        connected: () => this.stopLostNodes(),
        envelope: (raw) => this.inbox.push(raw),
        lost: (reason) => this.declareLost(reason),
      },
      this.logger,
    );
    this.inbox = new EventInbox(
      { ...(options.store ? { store: options.store } : {}), logger: this.logger, label: this.link.label, ...(options.deliveryAttempts ? { deliveryAttempts: options.deliveryAttempts } : {}) },
      {
        engineId: () => this.link.state.engineId,
        heartbeat: (event) => {
          this.updateCatalog(event.agents);
          this.updateSkills(event.skills);
          this.link.setState({ capacity: event.capacity, running: event.running, load: event.load });
        },
        sift: (events) => this.nodes.sift(events),
        ack: (stream, seq) => this.acks.ack(stream, seq),
        replay: (why) => this.link.reconnect(why),
      },
    );
    this.acks = new AckPacer(
      (stream, seq) => {
        if (this.link.socket.connected) this.link.socket.emit(ENGINE_SOCKET.ack, { stream, seq });
      },
      ACK_EVERY_EVENTS,
      ACK_DELAY_MS,
    );
    this.starts = new StartBatch((nodes) => this.send({ name: 'startMany', payload: { nodes } }), this.link.label);
  }

  /** Starts connecting (and reconnecting, for as long as the client is open). */
  start(): void {
    this.link.start();
  }

  /** Starts connecting; resolves at the first handshake, rejects if the Engine refuses it or stays unreachable. */
  connect(timeoutMs = 30_000): Promise<void> {
    this.start();
    return this.whenConnected(timeoutMs);
  }

  whenConnected(timeoutMs: number): Promise<void> {
    return this.link.whenConnected(timeoutMs);
  }

  get engineId(): string | null {
    return this.link.state.engineId;
  }

  /** The Engine process this client talks to (its engineRun); a restart changes it. */
  get session(): string | null {
    return this.link.engineRun;
  }

  /** Called when an Engine process answers for the first time, including after a restart. */
  onSession(listener: SessionListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  get status(): EngineLinkStatus {
    return this.link.state.status;
  }

  state(): EngineState {
    return { ...this.link.state, catalog: [...this.link.state.catalog], skills: [...this.link.state.skills] };
  }

  onState(listener: (state: EngineState) => void): () => void {
    return this.link.onState(listener);
  }

  /** Events delivered, replayed duplicates skipped, malformed events rejected, and events a listener skipped after failing on every try. */
  stats(): InboxStats {
    return this.inbox.stats();
  }

  /** Agent nodes this console started on the Engine that have not ended. */
  activeAgents(): number {
    return this.nodes.activeAgents();
  }

  offers(agentLoad: string): boolean {
    return this.link.state.catalog.some((entry) => entry.agentLoad === agentLoad);
  }

  /** Skills the Engine advertises, with those the console's settings lend it. */
  skills(): readonly string[] {
    return this.link.state.skills;
  }

  /** The Engine's capacity, as it last reported it. */
  capacity(): number {
    return this.link.state.capacity;
  }

  anyConnected(): boolean {
    return this.link.state.status === 'connected';
  }

  freeCapacity(): number {
    return this.link.state.status === 'connected' ? Math.max(0, this.link.state.capacity - this.activeAgents()) : 0;
  }

  catalog(): AgentCatalogEntry[] {
    return this.link.state.status === 'down' ? [] : [...this.link.state.catalog];
  }

  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    return this.inbox.onEvents(listener);
  }

  engineOf(ref: NodeRef): string | undefined {
    return this.nodes.knows(ref) ? (this.link.state.engineId ?? undefined) : undefined;
  }

  async submitTask(request: EngineTaskRequest): Promise<void> {
    await this.send({ name: 'submitTask', payload: request });
  }

  taskEngineUrl(): string | null {
    return this.options.inProcess ? null : this.options.url;
  }

  async initContainer(command: InitContainerCommand): Promise<void> {
    await this.send({ name: 'initContainer', payload: command });
    this.nodes.track(command, 'container');
  }

  /** Starts asked for together go out as one startMany to an Engine that serves it, else one startNode each. */
  async startNode(command: StartNodeCommand): Promise<void> {
    const payload = this.withoutLentSkills(command);
    if (this.features.has('startMany')) await this.starts.start(payload);
    else await this.send({ name: 'startNode', payload });
    this.nodes.track(command, 'agent');
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

  async messageNode(command: MessageNodeCommand): Promise<void> {
    await this.send({ name: 'messageNode', payload: command });
  }

  async setClock(command: SetClockCommand): Promise<UnhonouredAgent[]> {
    if (!this.features.has('clock')) throw new EngineCommandError('INVALID_COMMAND', `Engine ${this.state().endpoint} does not keep exercise clocks (an older Engine): its agents run on real time`);
    const ack = await this.send({ name: 'setClock', payload: command });
    return ack.notHonouring ?? [];
  }

  /** Only to an Engine that named the `pauseNode` feature in its welcome; any other cannot pause. */
  async pauseNode(ref: NodeRef): Promise<void> {
    if (!this.features.has('pauseNode')) throw new EngineCommandError('CANNOT_PAUSE', `${this.link.label} does not offer pausing running agents (no pauseNode feature in its welcome)`);
    await this.send({ name: 'pauseNode', payload: { taskId: ref.taskId, nodeId: ref.nodeId, batch: ref.batch } });
  }

  async resumeNode(ref: NodeRef): Promise<void> {
    if (!this.features.has('pauseNode')) throw new EngineCommandError('CANNOT_PAUSE', `${this.link.label} does not offer resuming paused agents (no pauseNode feature in its welcome)`);
    await this.send({ name: 'resumeNode', payload: { taskId: ref.taskId, nodeId: ref.nodeId, batch: ref.batch } });
  }

  /** Disconnects for good; nodes are not declared lost (the Engine keeps running them). */
  close(): Promise<void> {
    this.acks.flush();
    this.acks.close();
    this.inbox.close();
    this.link.close();
    return Promise.resolve();
  }

  private send(command: EngineCommand): Promise<CommandOk> {
    return sendCommand(this.link, command, this.options.commandTimeoutMs ?? 15_000);
  }

  private onWelcome(welcome: EngineWelcome, { newRun, restarted }: { newRun: boolean; restarted: boolean }): void {
    if (restarted) {
      this.declareLost('it restarted (its nodes ended with it)');
      this.nodes.forgetLost();
    }
    if (newRun) {
      for (const listener of [...this.sessionListeners]) {
        try {
          listener({ engineRun: welcome.engineRun, restarted });
        } catch (error) {
          this.logger.error(`${this.link.label}: a session listener failed: ${errorText(error)}`);
        }
      }
    }
    this.link.setState({ engineId: welcome.engineId });
    this.features = new Set(welcome.features ?? []);
    this.inbox.follow(welcome.engineId, welcome.stream, welcome.ackedSeq);
    this.updateCatalog(welcome.agents);
    this.updateSkills(welcome.skills);
  }

  private updateCatalog(agents: AgentCatalogEntry[]): void {
    const json = JSON.stringify(agents);
    if (json === this.catalogJson) return;
    this.catalogJson = json;
    this.link.setState({ catalog: agents });
    const store = this.options.store;
    const engineId = this.link.state.engineId;
    if (!store || engineId === null) return;
    try {
      syncAgentMeta(store, engineId, agents);
    } catch (error) {
      this.logger.error(`${this.link.label}: agent_meta could not follow the catalog: ${errorText(error)}`);
    }
  }

  /** Skills the console's settings lend the Engine are vouched for here: the Engine is asked only about its own. */
  private withoutLentSkills(command: StartNodeCommand): StartNodeCommand {
    const lent = this.options.skills ?? [];
    if (!command.requiredSkills || lent.length === 0) return command;
    const { requiredSkills, ...rest } = command;
    const own = missingSkills(requiredSkills, lent);
    return own.length > 0 ? { ...rest, requiredSkills: own } : rest;
  }

  private updateSkills(advertised: readonly string[] | undefined): void {
    const skills = mergeSkills(advertised ?? [], this.options.skills ?? []);
    if (skills.join('\n') !== this.link.state.skills.join('\n')) this.link.setState({ skills });
  }

  /** Reports every node this console had running on the Engine as failed with ENGINE_LOST. */
  private declareLost(reason: string): void {
    const events = this.nodes.declareLost(`${this.link.label} lost: ${reason}`, this.link.state.engineId, Date.now());
    if (events.length === 0) return;
    this.logger.warn(`${this.link.label} lost (${reason}): ${events.length} nodes reported failed with ${NODE_ERROR_CODES.engineLost}`);
    this.inbox.deliverConsoleEvents(events);
  }

  /** Back from a loss, the Engine may still run the nodes we gave up on: stop them. */
  private stopLostNodes(): void {
    for (const ref of this.nodes.lostNodes()) {
      void this.send({ name: 'stopNode', payload: { ...ref, reason: 'declared lost by the console' } }).catch((error: unknown) =>
        this.logger.warn(`${this.link.label}: could not stop lost node ${ref.nodeId}: ${errorText(error)}`),
      );
    }
  }
}
