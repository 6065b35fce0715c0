import { executionKey, nodeKey } from '../../../shared/engine/execution-key';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { BalancingStrategy } from '../../../shared/engine/endpoints';
import {
  NODE_ERROR_CODES,
  type AgentCatalogEntry,
  type DecideManualCommand,
  type MessageNodeCommand,
  type EngineEvent,
  type EngineNode,
  type EngineNodeState,
  type EngineTaskRequest,
  type InitContainerCommand,
  type NodeRef,
  type SetClockCommand,
  type StartNodeCommand,
  type StopNodeCommand,
  type StopTaskCommand,
} from '../../../shared/engine/protocol';
import { consoleLogger, type Logger } from '../../../shared/logger';
import { errorText } from '../../../shared/error-text';
import type { EngineClient } from './engine-client';
import type { UnhonouredAgent } from '../../../shared/clock/clock-view';
import { EngineCommandError } from './engine-errors';
import type { EnginePort } from './engine-port';
import { Placement, type PlacementChoice } from './placement';
import type { ScoreNode } from './placement-score';
import type { ScoreWeights } from '../../../shared/settings/settings';
import { missingSkills } from '../../../shared/engine/skills';
import type { AssignmentCandidate, AssignmentRecord } from '../../../shared/task/assignment';

export interface BalancedEngine {
  client: EngineClient;
  weight: number;
}

/**
 * Engine index → the Engine process (session) that holds something of ours. What an Engine
 * held dies with its process: a restarted Engine (same URL, new session) holds nothing.
 */
type Holders = Map<number, string | null>;

/** The task's root container, initialized on every Engine that runs part of the task. */
interface RootSpan {
  command: InitContainerCommand;
  home: number;
  /** Every Engine holding the root (the home and those where it was initialized for its children). */
  holders: Holders;
  pending: Map<number, Promise<void>>;
}

/** A container below the root: its children run where it is initialized. */
interface ContainerPlace {
  command: InitContainerCommand;
  index: number;
  session: string | null;
}

interface TaskInfo {
  tree: Map<string, EngineNode>;
  request: EngineTaskRequest;
  submitted: Holders;
}

/** Refusals after which another Engine may take the node (nothing was started). */
const FAIL_OVER = new Set(['AT_CAPACITY', 'UNSUPPORTED_AGENT', 'MISSING_SKILL', 'ENGINE_LOST', 'NO_ENGINE']);

export interface BalancerOptions {
  logger?: Logger;
  /** Weights of the score strategy; the design's 0.3, 0.4, 0.3 by default. */
  scoreWeights?: ScoreWeights;
  /** Told where each agent execution was placed and how (the store records it; see assignment-store.ts). */
  onPlaced?: (record: AssignmentRecord) => void;
}


/**
 * An EnginePort over several Engines. Agents are placed by the strategy (placement.ts) among
 * the Engines that are connected, offer the agent load, have every skill the node requires and
 * have room, and each placement is reported to `onPlaced`; children of a container follow the
 * container's Engine. The task's root container is the exception: it spans Engines (it is
 * initialized wherever one of its children is placed, its events reported once), so a whole
 * workflow under one root still spreads over the environment. An Engine lost mid-run reports
 * its nodes failed with ENGINE_LOST (see EngineClient); the scheduler dispatches them again,
 * and they are placed on the Engines still up. What an Engine held (task trees, containers) is
 * tied to its process: when it restarts or is lost, the task is submitted and the containers
 * are initialized again, there or on another Engine, before any node of theirs is started.
 */
export class EngineBalancer implements EnginePort {
  private readonly placement: Placement;
  private readonly logger: Logger;
  private readonly tasks = new Map<string, TaskInfo>();
  private readonly roots = new Map<string, RootSpan>();
  /** Container (task, node) → where its latest batch was initialized. */
  private readonly containers = new Map<string, ContainerPlace>();
  /** Initializations again (container, Engine index) under way, so that its children wait for one. */
  private readonly reinits = new Map<string, Promise<void>>();
  /** Agent execution (task, node, batch) → Engine index. */
  private readonly agents = new Map<string, number>();
  /** Each client event batch filtered once, whatever the number of listeners. */
  private readonly filtered = new WeakMap<EngineEvent[], EngineEvent[]>();
  private readonly onPlaced: ((record: AssignmentRecord) => void) | undefined;

  constructor(
    private readonly engines: readonly BalancedEngine[],
    strategy: BalancingStrategy,
    options: BalancerOptions = {},
  ) {
    if (engines.length === 0) throw new Error('a balancer needs at least one Engine');
    this.placement = new Placement(strategy, options.scoreWeights);
    this.logger = options.logger ?? consoleLogger;
    this.onPlaced = options.onPlaced;
  }

  get strategy(): BalancingStrategy {
    return this.placement.strategy;
  }

  clients(): EngineClient[] {
    return this.engines.map((engine) => engine.client);
  }

  states(): EngineState[] {
    return this.engines.map((engine) => engine.client.state());
  }

  onState(listener: (states: EngineState[]) => void): () => void {
    const offs = this.engines.map((engine) => engine.client.onState(() => listener(this.states())));
    return () => offs.forEach((off) => off());
  }

  anyConnected(): boolean {
    return this.connectedIndexes().length > 0;
  }

  freeCapacity(): number {
    return this.engines.reduce((sum, engine) => sum + engine.client.freeCapacity(), 0);
  }

  catalog(): AgentCatalogEntry[] {
    const byLoad = new Map<string, AgentCatalogEntry>();
    for (const engine of this.engines) for (const entry of engine.client.catalog()) if (!byLoad.has(entry.agentLoad)) byLoad.set(entry.agentLoad, entry);
    return [...byLoad.values()];
  }

  onEvents(listener: (events: EngineEvent[]) => void): () => void {
    const offs = this.engines.map((engine, index) =>
      engine.client.onEvents((eventBatch) => {
        const events = this.filter(index, eventBatch);
        if (events.length > 0) listener(events);
      }),
    );
    return () => offs.forEach((off) => off());
  }

  engineOf(ref: NodeRef): string | undefined {
    const agent = this.agents.get(executionKey(ref));
    if (agent !== undefined) return this.idOf(agent);
    const root = this.roots.get(ref.taskId);
    if (root && root.command.nodeId === ref.nodeId && root.command.batch === ref.batch) return this.idOf(root.home);
    const container = this.containers.get(nodeKey(ref.taskId, ref.nodeId));
    return container && container.command.batch === ref.batch ? this.idOf(container.index) : undefined;
  }

  async submitTask(request: EngineTaskRequest): Promise<void> {
    const info: TaskInfo = { tree: new Map(request.body.map((node) => [node.id, node])), request, submitted: new Map() };
    this.tasks.set(request.taskId, info);
    const connected = this.connectedIndexes();
    if (connected.length === 0) throw new EngineCommandError('NO_ENGINE', `no Engine of the environment is connected (${this.describeAll()})`);
    const outcomes = await Promise.allSettled(connected.map((index) => this.ensureSubmitted(index, request.taskId)));
    if (outcomes.every((outcome) => outcome.status === 'rejected')) throw (outcomes[0] as PromiseRejectedResult).reason;
  }

  taskEngineUrl(taskId: string): string | null {
    const submitted = this.tasks.get(taskId)?.submitted;
    const index = this.engines.findIndex((_, at) => submitted?.has(at));
    return index < 0 ? null : this.client(index).taskEngineUrl();
  }

  async initContainer(command: InitContainerCommand): Promise<void> {
    const node = this.tasks.get(command.taskId)?.tree.get(command.nodeId);
    const existingRoot = this.roots.get(command.taskId);
    if (node?.isRoot) {
      if (existingRoot && existingRoot.command.nodeId === command.nodeId && existingRoot.command.batch === command.batch) {
        await this.client(existingRoot.home).initContainer(command);
        return;
      }
      await this.placeWithFailOver(
        this.connectedIndexes(),
        'container',
        async (index) => {
          const root: RootSpan = { command, home: index, holders: new Map(), pending: new Map() };
          this.roots.set(command.taskId, root);
          await this.ensureSubmitted(index, command.taskId);
          await this.client(index).initContainer(command);
          root.holders.set(index, this.client(index).session);
        },
        () => (existingRoot ? this.roots.set(command.taskId, existingRoot) : this.roots.delete(command.taskId)),
      );
      return;
    }
    const key = nodeKey(command.taskId, command.nodeId);
    const previous = this.containers.get(key);
    const father = node?.father ?? null;
    const pinned = previous?.command.batch === command.batch && this.holds(previous.index, previous.session) ? previous.index : this.pinnedIndex(command.taskId, father);
    const candidates = pinned === undefined ? this.connectedIndexes() : [pinned];
    await this.placeWithFailOver(
      candidates,
      'container',
      async (index) => {
        await this.ensureSubmitted(index, command.taskId);
        if (father !== null) await this.ensureContainerOn(index, command.taskId, father);
        this.containers.set(key, { command, index, session: null });
        await this.client(index).initContainer(command);
        this.containers.set(key, { command, index, session: this.client(index).session });
      },
      () => (previous ? this.containers.set(key, previous) : this.containers.delete(key)),
    );
  }

  async startNode(command: StartNodeCommand): Promise<void> {
    const key = executionKey(command);
    const placed = this.agents.get(key);
    if (placed !== undefined) {
      await this.client(placed).startNode(command);
      return;
    }
    const required = command.requiredSkills ?? [];
    const pinned = this.pinnedIndex(command.taskId, command.parentId);
    if (pinned !== undefined && !this.client(pinned).offers(command.agentLoad)) {
      throw new EngineCommandError('NO_ENGINE', `container ${command.parentId} runs on ${this.describe(pinned)}, which does not offer agent "${command.agentLoad}"`);
    }
    const missingOnPinned = pinned === undefined ? [] : missingSkills(required, this.client(pinned).skills());
    if (missingOnPinned.length > 0) {
      throw new EngineCommandError('NO_ENGINE', `node ${command.nodeId} requires skill(s) ${missingOnPinned.join(', ')}, which ${this.describe(pinned!)} (running its container ${command.parentId}) does not have`);
    }
    const candidates = pinned === undefined ? this.agentCandidates(command.agentLoad, required, command.nodeId) : [pinned];
    const node: ScoreNode = { requiredSkills: required, priority: command.priority ?? 0 };
    await this.placeWithFailOver(
      candidates,
      `agent "${command.agentLoad}"`,
      async (index) => {
        this.agents.set(key, index);
        await this.ensureSubmitted(index, command.taskId);
        if (command.parentId !== null) await this.ensureContainerOn(index, command.taskId, command.parentId);
        await this.client(index).startNode(command);
      },
      () => this.agents.delete(key),
      { node, placed: (choice) => this.record(command, choice) },
    );
  }

  async stopNode(command: StopNodeCommand): Promise<void> {
    const targets = this.targetsOf(command);
    const outcomes = await Promise.allSettled(targets.map((index) => this.client(index).stopNode(command)));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed && outcomes.every((outcome) => outcome.status === 'rejected')) throw failed.reason;
  }

  async stopTask(command: StopTaskCommand): Promise<void> {
    const connected = this.connectedIndexes();
    const outcomes = await Promise.allSettled(connected.map((index) => this.client(index).stopTask(command)));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    if (connected.length === 0) throw new EngineCommandError('ENGINE_LOST', `no Engine is connected to stop task ${command.taskId} on`);
  }

  /** Every connected Engine keeps the clock, so a node placed later starts on it too (startNode carries it as well). */
  async setClock(command: SetClockCommand): Promise<UnhonouredAgent[]> {
    const connected = this.connectedIndexes();
    const outcomes = await Promise.all(connected.map((index) => this.client(index).setClock(command)));
    return outcomes.flat();
  }

  async queryNode(ref: NodeRef): Promise<EngineNodeState> {
    const index = this.placedIndex(ref);
    return index === undefined ? { status: 'unknown' } : this.client(index).queryNode(ref);
  }

  async decideManual(command: DecideManualCommand): Promise<void> {
    const index = this.agents.get(executionKey(command));
    if (index === undefined) throw new EngineCommandError('UNKNOWN_NODE', `node ${command.nodeId} (batch ${command.batch}) was not started on any Engine`);
    await this.client(index).decideManual(command);
  }

  async messageNode(command: MessageNodeCommand): Promise<void> {
    const index = this.agents.get(executionKey(command));
    if (index === undefined) throw new EngineCommandError('UNKNOWN_NODE', `node ${command.nodeId} (batch ${command.batch}) was not started on any Engine`);
    await this.client(index).messageNode(command);
  }

  async pauseNode(ref: NodeRef): Promise<void> {
    await this.placedClient(ref).pauseNode(ref);
  }

  async resumeNode(ref: NodeRef): Promise<void> {
    await this.placedClient(ref).resumeNode(ref);
  }

  private placedClient(ref: NodeRef): EngineClient {
    const index = this.agents.get(executionKey(ref));
    if (index === undefined) throw new EngineCommandError('UNKNOWN_NODE', `node ${ref.nodeId} (batch ${ref.batch}) was not started on any Engine`);
    return this.client(index);
  }

  async close(): Promise<void> {
    await Promise.all(this.engines.map((engine) => engine.client.close()));
  }

  private client(index: number): EngineClient {
    return this.engines[index]!.client;
  }

  private idOf(index: number): string | undefined {
    return this.client(index).engineId ?? undefined;
  }

  private describe(index: number): string {
    const state = this.client(index).state();
    return `Engine ${state.endpoint}${state.engineId && state.engineId !== state.endpoint ? ` (${state.engineId})` : ''}`;
  }

  private describeAll(): string {
    return this.engines.map((engine) => `${engine.client.state().endpoint}: ${engine.client.status}`).join(', ');
  }

  private connectedIndexes(): number[] {
    return this.engines.flatMap((engine, index) => (engine.client.status === 'connected' ? [index] : []));
  }

  /** Whether the Engine at `index` is connected and still the process that took something of ours. */
  private holds(index: number, session: string | null | undefined): boolean {
    const client = this.client(index);
    return client.status === 'connected' && session !== undefined && session !== null && client.session === session;
  }

  /** An Engine (offering the agent load, if given) that is only away: reconnecting, restarting, lost for now, not refused. */
  private anyAway(agentLoad?: string): boolean {
    return this.engines.some(
      (engine) => engine.client.status !== 'connected' && !engine.client.state().refused && (agentLoad === undefined || engine.client.offers(agentLoad)),
    );
  }

  private agentCandidates(agentLoad: string, required: readonly string[], nodeId: string): number[] {
    const offering = this.connectedIndexes().filter((index) => this.client(index).offers(agentLoad));
    if (offering.length === 0) {
      // An Engine that offered it may only be restarting or reconnecting: that is its loss, not a configuration error.
      const code = this.anyAway(agentLoad) ? 'ENGINE_LOST' : 'NO_ENGINE';
      throw new EngineCommandError(code, `no connected Engine offers agent "${agentLoad}" (${this.describeAll()})`);
    }
    const skilled = offering.filter((index) => missingSkills(required, this.client(index).skills()).length === 0);
    if (skilled.length === 0) {
      const missing = missingSkills(required, offering.flatMap((index) => this.client(index).skills()));
      const away = this.engines.some(
        (engine) => engine.client.status !== 'connected' && !engine.client.state().refused && engine.client.offers(agentLoad) && missingSkills(required, engine.client.skills()).length === 0,
      );
      const have = offering.map((index) => `${this.client(index).state().endpoint}: ${this.client(index).skills().join(', ') || 'no skills'}`).join('; ');
      const lacking = missing.length > 0 ? `no connected Engine has skill(s) ${missing.join(', ')}` : `no connected Engine has all of the skills ${required.join(', ')}`;
      throw new EngineCommandError(away ? 'ENGINE_LOST' : 'NO_ENGINE', `node ${nodeId} requires skill(s) ${required.join(', ')}: ${lacking} among those offering agent "${agentLoad}" (${have})`);
    }
    const withRoom = skilled.filter((index) => this.client(index).freeCapacity() > 0);
    if (withRoom.length === 0) throw new EngineCommandError('AT_CAPACITY', `every Engine offering agent "${agentLoad}" is at capacity`);
    return withRoom;
  }

  /**
   * Tries the strategy's pick, then the others in the strategy's order, as long as the
   * refusal means nothing was started there.
   */
  private async placeWithFailOver(
    candidates: number[],
    what: string,
    attempt: (index: number) => Promise<void>,
    undo?: () => void,
    scoring?: { node: ScoreNode; placed: (choice: PlacementChoice) => void },
  ): Promise<void> {
    if (candidates.length === 0) throw new EngineCommandError(this.anyAway() ? 'ENGINE_LOST' : 'NO_ENGINE', `no connected Engine for ${what} (${this.describeAll()})`);
    let remaining = [...candidates];
    let lastError: unknown;
    while (remaining.length > 0) {
      const choice = this.placement.choose(
        remaining.map((candidate) => ({
          index: candidate,
          weight: this.engines[candidate]!.weight,
          active: this.client(candidate).activeAgents(),
          capacity: this.client(candidate).capacity(),
          skills: this.client(candidate).skills(),
        })),
        scoring?.node,
      );
      const index = choice.index;
      try {
        await attempt(index);
        scoring?.placed(choice);
        return;
      } catch (error) {
        undo?.();
        lastError = error;
        if (!(error instanceof EngineCommandError) || !FAIL_OVER.has(error.code)) throw error;
        this.logger.warn(`${this.describe(index)} refused ${what} (${error.message}); trying another Engine`);
        remaining = remaining.filter((candidate) => candidate !== index);
      }
    }
    throw lastError;
  }

  private record(command: StartNodeCommand, choice: PlacementChoice): void {
    if (!this.onPlaced) return;
    const candidates: AssignmentCandidate[] = choice.scores.map((entry) => ({ engine: this.nameOf(entry.index), score: entry.score }));
    try {
      this.onPlaced({
        taskId: command.taskId,
        nodeId: command.nodeId,
        batch: command.batch,
        engine: this.nameOf(choice.index),
        strategy: this.placement.strategy,
        score: choice.score,
        candidates,
      });
    } catch (error) {
      this.logger.error(`the placement of node ${command.nodeId} (task ${command.taskId}, batch ${command.batch}) could not be recorded: ${errorText(error)}`);
    }
  }

  /** The Engine's id once known, else its endpoint's name. */
  private nameOf(index: number): string {
    return this.idOf(index) ?? this.client(index).state().endpoint;
  }

  private isRoot(taskId: string, nodeId: string | null): boolean {
    return nodeId !== null && this.roots.get(taskId)?.command.nodeId === nodeId;
  }

  /**
   * The Engine a child of `parentId` must run on; undefined when free to place: no parent, the
   * spanning root, or a container whose Engine was lost or restarted (it moves with the child).
   */
  private pinnedIndex(taskId: string, parentId: string | null): number | undefined {
    if (parentId === null || this.isRoot(taskId, parentId)) return undefined;
    const place = this.containers.get(nodeKey(taskId, parentId));
    if (!place) return undefined;
    if (place.session === null && this.client(place.index).status === 'connected') return place.index;
    return this.holds(place.index, place.session) ? place.index : undefined;
  }

  private ensureSubmitted(index: number, taskId: string): Promise<void> {
    const info = this.tasks.get(taskId);
    if (!info || this.holds(index, info.submitted.get(index))) return Promise.resolve();
    const session = this.client(index).session;
    return this.client(index)
      .submitTask(info.request)
      .then(() => {
        info.submitted.set(index, session);
      });
  }

  /**
   * Makes sure container `nodeId` (and its outer containers) is initialized on the Engine at
   * `index` before a child runs there: a no-op where it already is, a new initialization of
   * the same batch where its Engine restarted, or where it moves because its Engine was lost.
   */
  private ensureContainerOn(index: number, taskId: string, nodeId: string): Promise<void> {
    if (this.isRoot(taskId, nodeId)) return this.ensureRootOn(index, taskId);
    const key = nodeKey(taskId, nodeId);
    const place = this.containers.get(key);
    if (!place || (place.index === index && (place.session === null || this.holds(index, place.session)))) return Promise.resolve();
    const pendingKey = `${index}:${key}`;
    let pending = this.reinits.get(pendingKey);
    if (!pending) {
      pending = (async () => {
        const father = this.tasks.get(taskId)?.tree.get(nodeId)?.father ?? null;
        if (father !== null) await this.ensureContainerOn(index, taskId, father);
        const session = this.client(index).session;
        await this.client(index).initContainer(place.command);
        this.logger.warn(`container ${nodeId} of task ${taskId} initialized again on ${this.describe(index)} (its Engine restarted or was lost)`);
        this.containers.set(key, { command: place.command, index, session });
      })().finally(() => this.reinits.delete(pendingKey));
      this.reinits.set(pendingKey, pending);
    }
    return pending;
  }

  /** Initializes the spanning root on an Engine (again, after a restart) before a child of it may run there. */
  private ensureRootOn(index: number, taskId: string): Promise<void> {
    const root = this.roots.get(taskId);
    if (!root || this.holds(index, root.holders.get(index))) return Promise.resolve();
    let pending = root.pending.get(index);
    if (!pending) {
      const session = this.client(index).session;
      pending = this.client(index)
        .initContainer(root.command)
        .then(() => {
          root.holders.set(index, session);
        })
        .finally(() => root.pending.delete(index));
      root.pending.set(index, pending);
    }
    return pending;
  }

  private targetsOf(ref: NodeRef): number[] {
    const root = this.roots.get(ref.taskId);
    if (root && root.command.nodeId === ref.nodeId) return [...new Set([root.home, ...root.holders.keys()])];
    const index = this.placedIndex(ref);
    return index === undefined ? this.connectedIndexes() : [index];
  }

  private placedIndex(ref: NodeRef): number | undefined {
    const agent = this.agents.get(executionKey(ref));
    if (agent !== undefined) return agent;
    const root = this.roots.get(ref.taskId);
    if (root && root.command.nodeId === ref.nodeId) return root.home;
    return this.containers.get(nodeKey(ref.taskId, ref.nodeId))?.index;
  }

  /**
   * What the scheduler sees of one Engine's event batch: the spanning root's events only from its
   * home Engine, and when the home is lost while another Engine still holds the root, that
   * Engine becomes the home instead of the root failing.
   */
  private filter(index: number, eventBatch: EngineEvent[]): EngineEvent[] {
    const cached = this.filtered.get(eventBatch);
    if (cached) return cached;
    const events = eventBatch.filter((event) => {
      if (event.type !== 'node.status' && event.type !== 'node.progress') return true;
      const root = this.roots.get(event.taskId);
      if (!root || root.command.nodeId !== event.nodeId || root.command.batch !== event.batch) return true;
      if (index !== root.home) return false;
      if (event.type === 'node.status' && event.errorCode === NODE_ERROR_CODES.engineLost) {
        root.holders.delete(index);
        const heir = [...root.holders.keys()].find((holder) => this.holds(holder, root.holders.get(holder)));
        if (heir !== undefined) {
          root.home = heir;
          this.logger.warn(`root ${event.nodeId} of task ${event.taskId}: home Engine lost, ${this.describe(heir)} holds it now`);
          return false;
        }
      }
      return true;
    });
    this.filtered.set(eventBatch, events);
    return events;
  }
}
